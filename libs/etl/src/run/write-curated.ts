import { type JobDefinition, type HudiOperation, hudiWriteOptions, parseHudiWriteOptions } from '@autocorp/etl-jobs';
import type { IndexType, WriteResult } from '@autocorp/hudi';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import { openOrCreateCuratedTable } from '../curated/curated-table';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { EtlError } from '../etl-error';
import { deletedKeysMetadata } from './incremental-sources';

export interface CuratedWrite {
  /** The operation for the upserts table (the job's, or `upsert` in an incremental run). */
  readonly operation: HudiOperation;
  readonly upsertsTable: string;
  readonly upserts: number;
  readonly deletesTable: string;
  readonly deletes: number;
}

/**
 * Writes the upserts (or the rebuilt table) and then the deletes to the job's curated table. A delete
 * commit records its deleted keys in the commit metadata (deletedKeysMetadata).
 */
export async function writeCuratedTable(
  db: EtlDuckDb,
  store: ObjectStore,
  job: JobDefinition,
  write: CuratedWrite,
  onProgress?: ProgressListener,
): Promise<WriteResult[]> {
  const results: WriteResult[] = [];
  const rebuild = write.operation === 'insert_overwrite_table';
  if (write.upserts === 0 && write.deletes === 0 && !rebuild) return results;
  const table = await openOrCreateCuratedTable(store, job);
  try {
    // One row per record key already (versions resolved above), and bloom filters only for a BLOOM index.
    const hudi = parseHudiWriteOptions(hudiWriteOptions(job));
    const writeOptions = {
      commitsRetained: hudi.commitsRetained,
      maxFileSizeBytes: hudi.maxFileSizeBytes,
      smallFileLimitBytes: hudi.smallFileLimitBytes,
      recordSizeEstimate: hudi.recordSizeEstimate,
      sortColumns: hudi.sortColumns,
      bloomFilter: hudi.indexType === 'BLOOM',
      // The engine checks the index type (an unknown one is an invalid-option error naming it).
      indexType: hudi.indexType as IndexType,
      updatePartitionPath: hudi.updatePartitionPath,
      combineBeforeUpsert: false,
      ...(onProgress ? { onProgress } : {}),
    };
    if (write.upserts > 0 || rebuild)
      results.push(await table.write(db.connection, write.operation, write.upsertsTable, writeOptions));
    // Each write lists the table again under its lock, so the delete sees the upsert's commit.
    if (write.deletes > 0) {
      const extraMetadata = await deletedKeysMetadata(db, job, write.deletesTable);
      results.push(await table.write(db.connection, 'delete', write.deletesTable, { ...writeOptions, extraMetadata }));
    }
  } catch (error) {
    throw new EtlError(
      'write-failed',
      `Writing curated table ${job.hudi.tableName} failed (${(error as Error).message}); the bookmark stays, so the next run redoes this input.`,
      { cause: error },
    );
  }
  return results;
}
