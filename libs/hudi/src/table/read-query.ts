import type { PartitionFilter } from './partition-filter';

/** What to read: the latest snapshot, the table as of a point in time, or the changes in `(begin, end]`. */
export type ReadQuery =
  | { type: 'snapshot'; partitionFilter?: PartitionFilter }
  | { type: 'asOf'; asOf: string | Date; partitionFilter?: PartitionFilter }
  | { type: 'incremental'; begin: string | Date; end?: string | Date; partitionFilter?: PartitionFilter };

/** A base file that a query reads. */
export interface QueryFile {
  /** Absolute path (or URI) for read_parquet. */
  location: string;
  /** Path relative to the table. */
  path: string;
  partitionPath: string;
  partitionValues: Record<string, string>;
  fileId: string;
  /** Instant that wrote the file. */
  instant: string;
  size: number;
}

/** The files a query reads and the row filter on `_hoodie_commit_time` that completes it. */
export interface QueryPlan {
  files: QueryFile[];
  /** Instant the files are taken as of (undefined for an empty timeline). */
  asOfInstant: string | undefined;
  /** For incremental queries: rows with `beginExclusive < _hoodie_commit_time <= endInclusive`. */
  commitTimeRange?: { beginExclusive: string; endInclusive: string };
  /** SQL condition for the commit time range, or undefined. */
  rowFilterSql: string | undefined;
}

/** Options for building SQL or reading rows. */
export interface ReadOptions {
  /** Columns to return (meta and data columns by name); all columns when omitted. */
  columns?: string[];
  /** Extra SQL condition over the table's columns, ANDed to the query. */
  where?: string;
  /**
   * Read only these of the query's files (their `location`s): for a caller that pruned the plan's files, e.g. by
   * their Parquet statistics. All of the plan's files when omitted.
   */
  onlyFiles?: ReadonlySet<string>;
}
