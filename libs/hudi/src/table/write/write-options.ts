import { HudiWriteConfig } from '../../config/hudi-configs';
import type { ProgressListener } from '@autocorp/progress';
import { HudiError } from '../../hudi-error';
import type { RollbackHooks } from '../rollback';
import type { LockOptions } from '../table-lock';

/** Hudi write operations (hoodie.datasource.write.operation). */
export type WriteOperation =
  'upsert' | 'insert' | 'bulk_insert' | 'delete' | 'insert_overwrite' | 'insert_overwrite_table';

export const WRITE_OPERATIONS: WriteOperation[] = [
  'upsert',
  'insert',
  'bulk_insert',
  'delete',
  'insert_overwrite',
  'insert_overwrite_table',
];

/**
 * Hudi index types (hoodie.index.type) this engine honours. SIMPLE and BLOOM look a key up in the partition
 * the record names (our lookup reads the keys of that partition's latest base files either way); GLOBAL_SIMPLE
 * looks it up in every partition, so a record key exists once in the whole table.
 */
export type IndexType = 'SIMPLE' | 'BLOOM' | 'GLOBAL_SIMPLE';

export const INDEX_TYPES: IndexType[] = ['SIMPLE', 'BLOOM', 'GLOBAL_SIMPLE'];

/** Tuning and hooks of one write. */
export interface WriteOptions {
  /** Largest base file to produce (hoodie.parquet.max.file.size); default 120 MiB. */
  maxFileSizeBytes?: number;
  /** Files below this size take new records first (hoodie.parquet.small.file.limit); default 100 MiB, 0 disables. */
  smallFileLimitBytes?: number;
  /** Bytes per record assumed before any commit gives a measure (hoodie.copyonwrite.record.size.estimate); default 1024. */
  recordSizeEstimate?: number;
  /**
   * The table's layout sort (hoodie.bulkinsert.user.defined.partitioner.sort.columns): data columns every base
   * file this write produces is ordered by (then the record key), and by whose ranges new records are cut into
   * new file groups (instead of by a hash of the key). Readers filtering on them skip row groups by their
   * min/max statistics, and an upsert of records close in this order rewrites few file groups. Default none.
   */
  sortColumns?: readonly string[];
  /** Run the cleaner after the commit (default true). */
  clean?: boolean;
  /** Commits whose file slices the cleaner keeps (hoodie.cleaner.commits.retained); default 10. */
  commitsRetained?: number;
  /**
   * Write Hudi's dynamic bloom filter and the min/max record key into each base file footer (default true),
   * so Hudi's BLOOM index works on the table. Without them base files are written straight from the
   * staged records (new file groups in one partitioned pass), which is much faster.
   */
  bloomFilter?: boolean;
  /**
   * De-duplicate the incoming records by key before an upsert or delete (hoodie.combine.before.upsert, default
   * true). Pass false only when the records already hold one row per record key.
   */
  combineBeforeUpsert?: boolean;
  /** hoodie.index.type (default SIMPLE). GLOBAL_SIMPLE reads the keys of every partition's latest base files on upserts and deletes. */
  indexType?: IndexType;
  /**
   * hoodie.simple.index.update.partition.path (GLOBAL_SIMPLE only; default true, as in Hudi 0.15): an upsert whose
   * partition path differs from the stored record's deletes it from its old file group and inserts it into the
   * new partition. With false the record is updated where it is (its partition path stays the old one).
   */
  updatePartitionPath?: boolean;
  /**
   * Entries added to the commit's `extraMetadata` (as Spark's write options with the commit-metadata key prefix,
   * `hoodie.datasource.write.commitmeta.key.prefix`, default `_`). The key `schema` is the engine's own.
   */
  extraMetadata?: Readonly<Record<string, string>>;
  /** Instant time to use instead of the clock (must be later than every instant on the timeline). */
  instantTime?: string;
  lock?: LockOptions;
  /** Receives the write's progress: one `hudi-write` task counting base files written (total unknown). The engine draws nothing. */
  onProgress?: ProgressListener;
  /**
   * Test hooks. `afterBaseFilesWritten` runs after all base files exist and before the commit is completed;
   * `afterRollbackFileDeleted` after each file a rollback of a failed write deletes.
   */
  hooks?: { afterBaseFilesWritten?: (instant: string) => Promise<void> | void } & RollbackHooks;
}

/** Outcome of a write. */
export interface WriteResult {
  instant: string;
  action: 'commit' | 'replacecommit';
  operation: WriteOperation;
  numWrites: number;
  numInserts: number;
  numUpdates: number;
  numDeletes: number;
  /** Relative paths of base files written. */
  filesWritten: string[];
  /** `partition/fileId` of file groups replaced (insert_overwrite*). */
  fileGroupsReplaced: string[];
  /** Instants of failed writes rolled back before this write. */
  rolledBack: string[];
  /** Milliseconds spent per phase: stage, index, plan, write, commit, clean. */
  timings: Record<string, number>;
  /** The clean that ran after the commit, if any. */
  clean?: { instant: string; filesDeleted: number };
}

/** Hudi's defaults of the sizing and cleaning options. */
export const DEFAULTS = {
  maxFileSizeBytes: HudiWriteConfig.PARQUET_MAX_FILE_SIZE.default,
  smallFileLimitBytes: HudiWriteConfig.PARQUET_SMALL_FILE_LIMIT.default,
  recordSizeEstimate: HudiWriteConfig.RECORD_SIZE_ESTIMATE.default,
  commitsRetained: HudiWriteConfig.CLEANER_COMMITS_RETAINED.default,
};

/** Throws invalid-option for an unknown operation or index type, or a non-positive size option. */
export function checkOptions(operation: WriteOperation, options: WriteOptions): void {
  if (!WRITE_OPERATIONS.includes(operation)) {
    throw new HudiError(
      'invalid-option',
      `Write operation "${operation}" is unknown; use one of ${WRITE_OPERATIONS.join(', ')}.`,
    );
  }
  if (options.indexType !== undefined && !INDEX_TYPES.includes(options.indexType)) {
    throw new HudiError(
      'invalid-option',
      `Index type "${String(options.indexType)}" is not supported; use one of ${INDEX_TYPES.join(', ')} (hoodie.index.type).`,
    );
  }
  for (const key of ['maxFileSizeBytes', 'recordSizeEstimate', 'commitsRetained'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isFinite(value) || value < 1)) {
      throw new HudiError('invalid-option', `Write option ${key}=${value} is invalid; pass a positive number.`);
    }
  }
}
