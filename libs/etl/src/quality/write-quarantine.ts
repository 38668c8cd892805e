import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { sqlString } from '../duckdb/sql-text';
import { quarantineKey } from '../state/state-keys';
import type { JobDefinition } from '@autocorp/etl-jobs';
import { CHECKED_TABLE, FAILED_RAW_TABLE } from './evaluate-row-rules';

/**
 * Writes the quarantined rows of a batch as Parquet to `processed/quarantine/<job>/batch=<id>.parquet`:
 * job, run, rule (first broken), every broken rule, reason, source file and line, the raw row.
 */
export async function writeQuarantine(
  db: EtlDuckDb,
  store: ObjectStore,
  definition: JobDefinition,
  runId: string,
  batchId: string,
  reasons: ReadonlyMap<string, string>,
  at: Date,
): Promise<string> {
  const job = definition.name;
  const reason = reasons.size === 0 ? 'NULL' : `CASE c._rule ${[...reasons].map(([rule, text]) => `WHEN ${sqlString(rule)} THEN ${sqlString(text)}`).join(' ')} END`;
  const file = path.join(tmpdir(), `autocorp-etl-quarantine-${randomUUID()}.parquet`);
  try {
    await db.run(
      `COPY (SELECT ${sqlString(job)} AS job, ${sqlString(runId)} AS run_id, ${sqlString(batchId)} AS batch_id, c._rule AS rule, c._failed_rules AS failed_rules, ${reason} AS reason, c._source_file AS source_file, c._source_line AS source_line, r.raw_row, TIMESTAMP ${sqlString(at.toISOString().replace('T', ' ').replace('Z', ''))} AS quarantined_at
        FROM ${CHECKED_TABLE} c JOIN ${FAILED_RAW_TABLE} r ON r._row_id = c._row_id WHERE c._rule IS NOT NULL ORDER BY c._source_file, c._source_line, c._row_id) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const key = quarantineKey(job, batchId);
    await store.putFile(key, file, { move: true, contentType: 'application/vnd.apache.parquet' });
    return key;
  } finally {
    await rm(file, { force: true });
  }
}
