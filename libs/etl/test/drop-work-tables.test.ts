import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb } from '../src/duckdb/etl-duckdb';
import { dropWorkTables } from '../src/run/drop-work-tables';

let db: EtlDuckDb;
beforeAll(async () => {
  db = await EtlDuckDb.open();
});
afterAll(async () => {
  await db.close();
});

const tempObjects = async () =>
  (
    await db.rows(`SELECT table_name FROM information_schema.tables WHERE table_catalog = 'temp' ORDER BY table_name`)
  ).map((r) => String(r['table_name']));

describe('dropping a job run’s work tables', () => {
  it('drops every temp table and view in one statement after the listing', async () => {
    const tables = ['_etl_batch', '_etl_upserts', 'pg_sales_order_changes'];
    const views = ['pg_sales_order', '_etl "quoted" view'];
    for (const t of tables) await db.run(`CREATE TEMP TABLE "${t}" AS SELECT 1 AS x`);
    for (const v of views) await db.run(`CREATE TEMP VIEW "${v.replaceAll('"', '""')}" AS SELECT * FROM _etl_batch`);
    expect(await tempObjects()).toEqual([...tables, ...views].sort());
    const before = db.statements;
    await dropWorkTables(db);
    expect(db.statements - before).toBe(2);
    expect(await tempObjects()).toEqual([]);
    // Nothing left: only the listing runs.
    const again = db.statements;
    await dropWorkTables(db);
    expect(db.statements - again).toBe(1);
  });
});
