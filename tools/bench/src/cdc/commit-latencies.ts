import type { CdcBatch } from '@autocorp/cdc';
import { quoteLiteral, withDuckDb } from '@autocorp/duckdb';
import { CDC_COLUMNS, type ObjectStore } from '@autocorp/lake-storage';
import { BenchError } from '../bench-error';

/**
 * Milliseconds from each change's commit (the commit timestamp column CDC writes) to the moment
 * its batch's files became readable (`writtenAt`), for every row of `table` in `batches`.
 */
export async function commitToReadableMs(
  batches: readonly CdcBatch[],
  table: string,
  store: ObjectStore,
): Promise<number[]> {
  return withDuckDb({}, async (connection) => {
    const latencies: number[] = [];
    for (const batch of batches) {
      for (const file of batch.files.filter((f) => f.table === table)) {
        const local = store.localPath(file.key);
        if (local === undefined)
          throw new BenchError(
            'invalid-argument',
            `The CDC latency bench needs a local lake; ${file.key} has no local path.`,
          );
        const reader = await connection.runAndReadAll(
          `SELECT epoch_ms(${CDC_COLUMNS.commitTimestamp})::DOUBLE AS ms FROM read_parquet(${quoteLiteral(local)})`,
        );
        const writtenMs = batch.writtenAt.getTime();
        for (const [ms] of reader.getRowsJS()) latencies.push(writtenMs - Number(ms));
      }
    }
    return latencies;
  });
}
