import type { RegisterOutcome } from '../catalog';
import type { SchemaChange } from '../model';

export interface TableCrawlResult {
  readonly database: string;
  readonly table: string;
  readonly outcome: RegisterOutcome;
  /** What changed, when the outcome is `updated`. */
  readonly change?: SchemaChange;
  readonly partitionsAdded: number;
  /** Files whose metadata was read. */
  readonly filesRead: number;
}

/** A file the crawler could not read: left out of the table's schema, the rest is cataloged. */
export interface RejectedFile {
  /** Lake key of the file. */
  readonly key: string;
  /** Catalog table the file belongs to. */
  readonly table: string;
  /** Why it was rejected (the reader's error). */
  readonly reason: string;
}

export interface CrawlReport {
  readonly crawler: 'raw-database' | 'raw-csv' | 'curated-hudi';
  readonly database: string;
  readonly tables: TableCrawlResult[];
  /** Files that could not be read, each with its reason (the raw files stay where they are). */
  readonly rejected: RejectedFile[];
}
