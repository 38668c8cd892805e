import path from 'node:path';
import { ANALYTICS_JOB_NAMES, jobByName } from '@autocorp/etl-jobs';
import { HudiTable } from '@autocorp/hudi';
import { EtlDuckDb } from '../src/duckdb/etl-duckdb';

/** Row count and an order-independent hash of every column of each analytics table, by job. */
export async function tableFingerprints(lakeRoot: string): Promise<Record<string, { rows: string; hash: string }>> {
  const db = await EtlDuckDb.open();
  try {
    const out: Record<string, { rows: string; hash: string }> = {};
    for (const name of ANALYTICS_JOB_NAMES) {
      const job = jobByName(name);
      const table = await HudiTable.open(path.join(lakeRoot, 'curated', job.hudi.tableName));
      const sql = await table.sql({ type: 'snapshot' }, { columns: job.columns.map((c) => c.name) });
      const [row] = await db.rows(`SELECT count(*) AS rows, CAST(bit_xor(hash(t)) AS VARCHAR) AS hash FROM (${sql}) t`);
      out[name] = { rows: String(row?.['rows']), hash: String(row?.['hash']) };
    }
    return out;
  } finally {
    await db.close();
  }
}
