import type { ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import type { Catalog } from '../catalog';

/** Catalog databases the crawlers register into unless told otherwise. */
export const DEFAULT_DATABASES = {
  /** Raw zone: `pg_<table>` (DMS Parquet) and `csv_<table>` (CSV exports). */
  raw: 'autocorp_raw',
  /** Curated zone: one Hudi table per ETL job, named like the job. */
  curated: 'autocorp_curated',
} as const;

export interface CrawlOptions {
  readonly store: ObjectStore;
  readonly catalog: Catalog;
  /** Target database; each crawler has its default (DEFAULT_DATABASES). */
  readonly database?: string;
  /** Receives the crawl's progress: a `crawl` task per crawler (subject: the prefix) counting files or tables. The library draws nothing. */
  readonly onProgress?: ProgressListener;
}
