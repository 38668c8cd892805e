import { quoteIdentifier } from '@autocorp/duckdb/sql';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';

/** Drops every temp table and view a job run left in the ETL's DuckDB, in one statement (a job leaves 15-30). */
export async function dropWorkTables(db: EtlDuckDb): Promise<void> {
  const rows = await db.rows(
    `SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = 'temp'`,
  );
  // One statement for all of them: a job leaves 15-30 work tables and views.
  const drops = rows.map((row) => {
    const name = quoteIdentifier(String(row['table_name']));
    return row['table_type'] === 'VIEW' ? `DROP VIEW IF EXISTS ${name}` : `DROP TABLE IF EXISTS ${name}`;
  });
  if (drops.length > 0) await db.run(drops.join('; '));
}
