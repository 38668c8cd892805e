import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plannedCounts } from '@autocorp/generator';
import { findFreePort } from '@autocorp/source-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutocorp } from './autocorp-process';

const SCALE = 0.002;

// Real passes of `autocorp run` (what npm start does) against a fresh state folder, then the
// commands a user runs on what it built. Everything is real: embedded PostgreSQL, DuckDB, files.
describe('autocorp run and the commands over its results', () => {
  const planned = plannedCounts(SCALE);
  let home: string;
  let env: NodeJS.ProcessEnv;
  let firstPass: Awaited<ReturnType<typeof runAutocorp>>;

  beforeAll(async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-run-'));
    fs.chmodSync(parent, 0o777);
    home = path.join(parent, 'home');
    env = { AUTOCORP_HOME: home, AUTOCORP_PG_PORT: String(await findFreePort()), CI: 'true', DATABASE_URL: undefined, LAKE_URI: undefined };
    firstPass = await runAutocorp(['run', '--scale', String(SCALE)], env);
  }, 900_000);

  afterAll(() => {
    fs.rmSync(path.dirname(home), { recursive: true, force: true });
  });

  it('runs every step, prints a summary and keeps all state under AUTOCORP_HOME', () => {
    expect(firstPass.stderr).toBe('');
    expect(firstPass.code).toBe(0);
    expect(firstPass.stdout).toMatch(/== Summary: 7 step\(s\)/);
    expect(firstPass.stdout).toMatch(new RegExp(`postgres sales_order\\s+${planned.salesOrder.toLocaleString('en-US')}\\n`));
    expect(firstPass.stdout).toContain('10 job(s) committed');
    expect(firstPass.stdout).toContain('6 named queries answered');
    for (const dir of ['postgres/data/PG_VERSION', 'generated/sales_orders.csv', 'lake/raw/database/pg_sales_order', 'lake/raw/csv/sales_orders', 'lake/curated/sales_order/.hoodie/hoodie.properties', 'catalog']) {
      expect(fs.existsSync(path.join(home, dir)), dir).toBe(true);
    }
  });

  it('loaded PostgreSQL with the planned rows (db status)', async () => {
    const status = await runAutocorp(['db', 'status', '--json'], env);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { walLevel: string; tables: { name: string; rows: number }[] };
    expect(parsed.walLevel).toBe('logical');
    expect(parsed.tables.find((t) => t.name === 'sales_order')?.rows).toBe(planned.salesOrder);
    expect(parsed.tables.find((t) => t.name === 'auto_parts')?.rows).toBe(400);
  });

  it('curated sales_order holds every PostgreSQL order and every unique CSV invoice once (history, query)', async () => {
    const history = await runAutocorp(['history', 'sales_order', '--json'], env);
    expect(history.code).toBe(0);
    const commits = JSON.parse(history.stdout) as { inserted: number; operation: string }[];
    expect(commits.reduce((n, c) => n + c.inserted, 0)).toBe(planned.uniqueInvoicesCombined);

    const count = await runAutocorp(['query', 'SELECT count(*) AS n, count(DISTINCT invoice_number) AS invoices FROM sales_order', '--format', 'json'], env);
    expect(count.stderr).toBe('');
    expect(JSON.parse(count.stdout)).toEqual([{ n: planned.uniqueInvoicesCombined, invoices: planned.uniqueInvoicesCombined }]);

    const byState = await runAutocorp(['query', '--named', 'customers_by_state', '--format', 'csv'], env);
    expect(byState.code).toBe(0);
    const lines = byState.stdout.trim().split('\n');
    expect(lines[0]).toBe('state,customers');
    expect(lines.slice(1).reduce((n, l) => n + Number(l.split(',')[1]), 0)).toBe(planned.customers);
  });

  it('refuses SQL that writes, names a missing table, and rejects bad flags', async () => {
    const drop = await runAutocorp(['query', 'DROP TABLE sales_order'], env);
    expect(drop.code).toBe(1);
    expect(drop.stderr).toMatch(/^error: .*refused|^error: .*DROP/i);

    const missing = await runAutocorp(['history', 'no_such_table'], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no curated table "no_such_table"');

    const bad = await runAutocorp(['run', '--scale=-3'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --scale must be a number greater than 0, got "-3".\n');

    const unknownJob = await runAutocorp(['etl', 'run', '--job', 'sales'], env);
    expect(unknownJob.code).toBe(2);
    expect(unknownJob.stderr).toContain('--job has "sales", which is not one of');
  });

  it('a second pass keeps the data, streams nothing new and commits nothing', async () => {
    const second = await runAutocorp(['run', '--scale', String(SCALE)], env);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already loaded');
    expect(second.stdout).toContain('0 change(s) streamed');
    expect(second.stdout).toContain('4 unchanged');
    expect(second.stdout).toContain('0 job(s) committed, 10 had no new input');

    const otherScale = await runAutocorp(['run', '--scale', '0.003'], env);
    expect(otherScale.code).toBe(1);
    expect(otherScale.stderr).toContain(`already holds scale ${SCALE}, seed 42`);
  });

  it('reports CDC slot health and the recorded ETL runs', async () => {
    const cdc = await runAutocorp(['cdc', 'status', '--json'], env);
    expect(cdc.stderr).toBe('');
    const status = JSON.parse(cdc.stdout) as { slotExists: boolean; invalidated: boolean; tables: Record<string, { state: string }> };
    expect(status.slotExists).toBe(true);
    expect(status.invalidated).toBe(false);
    expect(Object.keys(status.tables)).toHaveLength(7);

    const runs = await runAutocorp(['etl', 'runs', '--limit', '50', '--json'], env);
    const reports = JSON.parse(runs.stdout) as { job: string; status: string }[];
    expect(reports.filter((r) => r.status === 'committed').map((r) => r.job).sort()).toHaveLength(10);
  });

  it('a dead database gives a clear error naming the address, never the password', async () => {
    const dead = await runAutocorp(['db', 'status'], { ...env, DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/shop' });
    expect(dead.code).toBe(1);
    expect(dead.stderr).toContain('127.0.0.1:1/shop');
    expect(dead.stderr).not.toContain('secret');
  });
});
