import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JOBS } from '@autocorp/etl-jobs';
import { MANIFEST_FILE, plannedCounts } from '@autocorp/generator';
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
    env = {
      AUTOCORP_HOME: home,
      AUTOCORP_PG_PORT: String(await findFreePort()),
      CI: 'true',
      DATABASE_URL: undefined,
      LAKE_URI: undefined,
    };
    firstPass = await runAutocorp(['run', '--scale', String(SCALE)], env);
  }, 900_000);

  afterAll(() => {
    fs.rmSync(path.dirname(home), { recursive: true, force: true });
  });

  it('runs every step, prints a summary and keeps all state under AUTOCORP_HOME', () => {
    expect(firstPass.stderr).toBe('');
    expect(firstPass.code).toBe(0);
    expect(firstPass.stdout).toMatch(/== Summary: 7 step\(s\)/);
    expect(firstPass.stdout).toMatch(
      new RegExp(`postgres sales_order\\s+${planned.salesOrder.toLocaleString('en-US')}\\n`),
    );
    expect(firstPass.stdout).toContain('10 job(s) committed');
    expect(firstPass.stdout).toContain('6 named queries answered');
    for (const dir of [
      'postgres/data/PG_VERSION',
      'generated/sales_orders.csv',
      'lake/raw/database/pg_sales_order',
      'lake/raw/csv/sales_orders',
      'lake/curated/sales_order/.hoodie/hoodie.properties',
      'catalog',
    ]) {
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

    const count = await runAutocorp(
      [
        'query',
        'SELECT count(*) AS n, count(DISTINCT invoice_number) AS invoices FROM sales_order',
        '--format',
        'json',
      ],
      env,
    );
    expect(count.stderr).toBe('');
    expect(JSON.parse(count.stdout)).toEqual([
      { n: planned.uniqueInvoicesCombined, invoices: planned.uniqueInvoicesCombined },
    ]);

    const byState = await runAutocorp(['query', '--named', 'customers_by_state', '--format', 'csv'], env);
    expect(byState.code).toBe(0);
    const lines = byState.stdout.trim().split('\n');
    expect(lines[0]).toBe('state,customers');
    expect(lines.slice(1).reduce((n, l) => n + Number(l.split(',')[1]), 0)).toBe(planned.customers);
  });

  it('named period queries cover the data through its latest order day and print the period used', async () => {
    const range = await runAutocorp(
      [
        'query',
        "SELECT strftime(min(order_date), '%Y-%m-%d') AS first_day, strftime(max(order_date), '%Y-%m-%d') AS last_day, strftime(max(order_date) + INTERVAL 1 DAY, '%Y-%m-%d') AS day_after FROM sales_order",
        '--format',
        'json',
      ],
      env,
    );
    expect(range.stderr).toBe('');
    const [days] = JSON.parse(range.stdout) as { first_day: string; last_day: string; day_after: string }[];
    if (!days) throw new Error('no order-day range');
    const period = `period: ${days.first_day} through ${days.last_day} (the data's own range; --param from=${days.first_day} --param to=${days.day_after}, to excluded)`;

    const table = await runAutocorp(['query', '--named', 'revenue_by_month_and_order_type'], env);
    expect(table.stderr).toBe('');
    expect(table.stdout.split('\n')[0]).toBe(period);

    // As CSV the period goes to stderr and the rows cover every order.
    const csv = await runAutocorp(['query', '--named', 'revenue_by_month_and_order_type', '--format', 'csv'], env);
    expect(csv.stderr).toBe(`${period}\n`);
    const rows = csv.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(','));
    expect(rows.reduce((n, r) => n + Number(r[2]), 0)).toBe(planned.uniqueInvoicesCombined);
    expect(rows.at(-1)?.[0]).toBe(`${days.last_day.slice(0, 7)}-01`);

    const given = await runAutocorp(
      ['query', '--named', 'average_order_value_by_payment_method', '--param', `from=${days.last_day}`],
      env,
    );
    expect(given.stdout.split('\n')[0]).toBe(
      `period: ${days.last_day} through ${days.last_day} (to taken from the data; --param from=${days.last_day} --param to=${days.day_after}, to excluded)`,
    );
    expect(firstPass.stdout).toContain(`-- revenue_by_month_and_order_type: `);
    expect(firstPass.stdout).toContain(period);
  }, 240_000);

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

  it('a pass over a state folder whose export manifest is corrupt names the manifest and why', async () => {
    const file = path.join(home, 'generated', MANIFEST_FILE);
    const manifest = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, manifest.slice(0, manifest.length / 2));
    try {
      const pass = await runAutocorp(['run', '--scale', String(SCALE)], env);
      expect(pass.code).toBe(1);
      expect(pass.stderr).toContain(
        `error: pipeline step "generate and load data" failed: the export manifest ${file} is not valid JSON`,
      );
      expect(pass.stderr).not.toContain('data this tool did not generate');
    } finally {
      fs.writeFileSync(file, manifest);
    }
  }, 240_000);

  it('a moved state folder (lake and catalog copied elsewhere) answers the same queries', async () => {
    const sql =
      'SELECT order_type, count(*) AS n, sum(total_amount) AS revenue FROM sales_order GROUP BY order_type ORDER BY order_type';
    const here = await runAutocorp(['query', sql, '--format', 'json'], env);
    expect(here.stderr).toBe('');
    const copy = `${home}-copy`;
    const away = `${home}-away`;
    fs.cpSync(home, copy, { recursive: true });
    // The original is out of reach while the copy is queried.
    fs.renameSync(home, away);
    try {
      const there = await runAutocorp(['query', sql, '--format', 'json'], { ...env, AUTOCORP_HOME: copy });
      expect(there.stderr).toBe('');
      expect(JSON.parse(there.stdout)).toEqual(JSON.parse(here.stdout));
      const named = await runAutocorp(['query', '--named', 'top_selling_parts', '--format', 'json'], {
        ...env,
        AUTOCORP_HOME: copy,
      });
      expect(named.code).toBe(0);
      expect((JSON.parse(named.stdout) as unknown[]).length).toBe(10);
    } finally {
      fs.renameSync(away, home);
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }, 240_000);

  it('reports CDC slot health and the recorded ETL runs', async () => {
    const cdc = await runAutocorp(['cdc', 'status', '--json'], env);
    expect(cdc.stderr).toBe('');
    const status = JSON.parse(cdc.stdout) as {
      slotExists: boolean;
      invalidated: boolean;
      tables: Record<string, { state: string }>;
    };
    expect(status.slotExists).toBe(true);
    expect(status.invalidated).toBe(false);
    expect(Object.keys(status.tables)).toHaveLength(7);

    const runs = await runAutocorp(['etl', 'runs', '--limit', '50', '--json'], env);
    const reports = JSON.parse(runs.stdout) as { job: string; status: string }[];
    // The first pass committed each of the ten jobs exactly once (the second pass had no new input).
    expect(
      reports
        .filter((r) => r.status === 'committed')
        .map((r) => r.job)
        .sort(),
    ).toEqual(JOBS.map((j) => j.name).sort());
  });

  it('a dead database gives a clear error naming the address, never the password', async () => {
    const dead = await runAutocorp(['db', 'status'], { ...env, DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/shop' });
    expect(dead.code).toBe(1);
    expect(dead.stderr).toContain('127.0.0.1:1/shop');
    expect(dead.stderr).not.toContain('secret');
  });
});
