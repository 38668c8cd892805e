import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { sqlString } from '../duckdb/sql-text';
import { quarantineKey } from '../state/state-keys';
import { CHECKED_TABLE } from './evaluate-row-rules';

/**
 * Writes the quarantined rows of a batch as Parquet to `processed/quarantine/<job>/batch=<id>.parquet`:
 * job, run, rule (first broken), every broken rule, reason, source file and line, the raw row.
 */
export async function writeQuarantine(
  db: EtlDuckDb,
  store: ObjectStore,
  job: string,
  runId: string,
  batchId: string,
  reasons: ReadonlyMap<string, string>,
  at: Date,
): Promise<string> {
  const reason = reasons.size === 0 ? 'NULL' : `CASE _rule ${[...reasons].map(([rule, text]) => `WHEN ${sqlString(rule)} THEN ${sqlString(text)}`).join(' ')} END`;
  const file = path.join(tmpdir(), `autocorp-etl-quarantine-${randomUUID()}.parquet`);
  try {
    await db.run(
      `COPY (SELECT ${sqlString(job)} AS job, ${sqlString(runId)} AS run_id, ${sqlString(batchId)} AS batch_id, _rule AS rule, _failed_rules AS failed_rules, ${reason} AS reason, _source_file AS source_file, _source_line AS source_line, _raw_row AS raw_row, TIMESTAMP ${sqlString(at.toISOString().replace('T', ' ').replace('Z', ''))} AS quarantined_at FROM ${CHECKED_TABLE} WHERE _rule IS NOT NULL ORDER BY _source_file, _source_line, _row_id) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const key = quarantineKey(job, batchId);
    await store.putFile(key, file, { move: true, contentType: 'application/vnd.apache.parquet' });
    return key;
  } finally {
    await rm(file, { force: true });
  }
}
