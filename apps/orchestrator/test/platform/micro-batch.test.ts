import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { resolvePlatformConfig, resolveStateHome } from '@autocorp/config';
import { jobsInDependencyOrder } from '@autocorp/etl-jobs';
import { PlatformEventSchema, PlatformStatusSchema } from '@autocorp/platform-client';
import { type SourceDb, findFreePort, openSourceDb } from '@autocorp/source-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/cli/command';
import type { EtlRunEvent, PlatformEvent } from '../../src/platform/platform-events';
import { type RunningPlatform, startPlatform } from '../../src/platform/start-platform';
import { EventLog } from './platform-events-wait';
import { compareSourceAndCurated } from './source-vs-curated';

const SCALE = '0.002';

function committed(job: string, field: 'inserted' | 'updated' | 'deleted') {
  return (e: PlatformEvent): e is EtlRunEvent =>
    e.type === 'etl-run' && e.jobs.some((j) => j.job === job && j.status === 'committed' && j[field] > 0);
}

// The live platform in this process, on a real embedded PostgreSQL and a real lake: a change committed
// in PostgreSQL reaches curated sales_order through a CDC batch and an ETL micro-batch, observed through
// the runtime's events; a CSV export dropped into the watched folder is transferred and processed.
describe('the live platform (in process)', () => {
  let parent: string;
  let platform: RunningPlatform;
  let source: SourceDb;
  const events = new EventLog();
  const log: string[] = [];

  beforeAll(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-platform-'));
    fs.chmodSync(parent, 0o777);
    const env: NodeJS.ProcessEnv = {
      AUTOCORP_HOME: path.join(parent, 'home'),
      AUTOCORP_PG_PORT: String(await findFreePort()),
      AUTOCORP_SCALE: SCALE,
      AUTOCORP_ETL_INTERVAL_MS: '100',
      AUTOCORP_CDC_CUT_MS: '200',
      CI: 'true',
    };
    const io: CommandIo = { stdout: new PassThrough(), stderr: new PassThrough(), env, cwd: parent };
    platform = await startPlatform({
      io,
      config: resolvePlatformConfig({ env, cwd: parent }),
      home: resolveStateHome(env, parent),
      log: (line) => log.push(line),
      onEvent: events.listener,
    });
    source = await openSourceDb({ env, cwd: parent });
  }, 600_000);

  afterAll(async () => {
    await source?.close();
    await platform?.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('started: every component healthy, the start-up ETL run and crawl reported', () => {
    const status = platform.runtime.status();
    expect(status.mode).toBe('live');
    const health = Object.fromEntries(status.components.map((c) => [c.name, c.health]));
    expect(health).toMatchObject({ source: 'ok', cdc: 'ok', etl: 'ok', catalog: 'ok', 'csv-watch': 'ok' });
    const startup = events.events.find((e): e is EtlRunEvent => e.type === 'etl-run' && e.trigger === 'startup');
    expect(startup?.jobs.filter((j) => j.status === 'committed').map((j) => j.job)).toContain('sales_order');
    expect(events.events.some((e) => e.type === 'crawl' && e.tables > 0)).toBe(true);
    expect(status.cdc?.tables.map((t) => t.state)).toEqual(status.cdc?.tables.map(() => 'ready'));
    expect(log.join('\n')).toContain('change data capture: streaming');
  });

  it('an insert, an update and a delete in PostgreSQL reach curated sales_order by micro-batches', async () => {
    const { rows } = await source.pool.query<{ id: string; customer: number; invoice: string }>(
      `SELECT max(order_id) + 1 AS id, min(customer_id) AS customer, min(invoice_number) AS invoice FROM sales_order`,
    );
    const row = rows[0];
    if (!row) throw new Error('no orders');
    const invoice = `LIVE-${row.id}`;
    const inserted = events.next(committed('sales_order', 'inserted'));
    await source.pool.query(
      `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status)
       VALUES ($1::bigint, $2, clock_timestamp(), $3, 'Cash', 10, 1, 11, 'Parts', 'Pending')`,
      [row.id, row.customer, invoice],
    );
    const batch = await events.next((e) => e.type === 'cdc-batch' && e.tables.some((t) => t.table === 'sales_order'));
    const run = await inserted;
    expect(run.trigger).toBe('micro-batch');
    expect(run.at).toBeGreaterThanOrEqual(batch.at);

    const updated = events.next(committed('sales_order', 'updated'));
    await source.pool.query(
      `UPDATE sales_order SET status = 'Completed', notes = 'live update', updated_at = clock_timestamp() WHERE invoice_number = $1`,
      [invoice],
    );
    await updated;
    const deleted = events.next(committed('sales_order', 'deleted'));
    await source.pool.query(`DELETE FROM sales_order WHERE order_id = $1::bigint`, [row.id]);
    await deleted;
    const again = events.next(committed('sales_order', 'inserted'));
    await source.pool.query(
      `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status, notes)
       VALUES ($1::bigint + 1, $2, clock_timestamp(), $3, 'Credit Card', 20, 2, 22, 'Service', 'Pending', 'kept')`,
      [row.id, row.customer, `${invoice}-2`],
    );
    await again;

    const home = path.join(parent, 'home');
    const comparison = await compareSourceAndCurated(source.pool, path.join(home, 'lake'), {
      source: 'sales_order',
      curated: 'sales_order',
    });
    expect(comparison.columns).toContain('status');
    expect(comparison.curatedRows).toEqual(comparison.sourceRows);
    expect(comparison.curatedRows.some((l) => l.startsWith(`${invoice} |`) || l.includes(`| ${invoice} |`))).toBe(
      false,
    );
    expect(comparison.curatedRows.filter((l) => l.includes(`${invoice}-2`))).toHaveLength(1);
    expect(platform.runtime.status().etl?.lastRun?.trigger).toBe('micro-batch');
    // What the runtime emits and reports is exactly the contract's shapes.
    expect(() => PlatformStatusSchema.parse(platform.runtime.status())).not.toThrow();
    for (const event of events.events) expect(PlatformEventSchema.safeParse(event).error).toBeUndefined();
  }, 300_000);

  it('a new order reaches sales_order in a hot run (sales_order and what it depends on only), then sales_order_fact in a cycle step of its own', async () => {
    const { rows } = await source.pool.query<{ id: string; customer: number }>(
      `SELECT max(order_id) + 10 AS id, min(customer_id) AS customer FROM sales_order`,
    );
    const row = rows[0];
    if (!row) throw new Error('no orders');
    const inOrders = events.next(committed('sales_order', 'inserted'));
    await source.pool.query(
      `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status)
       VALUES ($1::bigint, $2, clock_timestamp(), $3, 'Cash', 10, 1, 11, 'Parts', 'Pending')`,
      [row.id, row.customer, `FRESH-${row.id}`],
    );
    const hot = await inOrders;
    // Started after the hot run, so it is the fact's run of this order (or a later one taking it too).
    const inFact = events.next(committed('sales_order_fact', 'inserted'));
    // Only sales_order and what it depends on run in the hot run: the change waits for no other job.
    expect(hot.jobs.map((j) => j.job)).toEqual(jobsInDependencyOrder(['sales_order']).map((j) => j.name));
    const fact = await inFact;
    expect(fact.at).toBeGreaterThan(hot.at);
    expect(fact.jobs.map((j) => j.job)).toEqual(['sales_order_fact']);
  }, 300_000);

  it('a CSV export dropped into the watched folder is transferred and processed without a restart', async () => {
    const exported = fs.readFileSync(path.join(platform.watchedFolder, 'sales_orders.csv'), 'utf8').split('\n');
    const [header, first] = exported;
    if (!header || !first) throw new Error('no CSV export');
    const fields = first.split(',');
    const invoiceAt = header.split(',').indexOf('invoice_number');
    const invoice = `DROP-${Date.now()}`;
    fields[invoiceAt] = invoice;
    const transferred = events.next((e) => e.type === 'csv-transfer' && e.files > 0);
    const processed = events.next(
      (e) =>
        e.type === 'etl-run' && e.trigger === 'csv' && e.jobs.some((j) => j.job === 'sales_order' && j.inserted > 0),
    );
    // Written beside, then moved in: a drop appears whole.
    const staged = path.join(platform.watchedFolder, '.sales_orders.csv.partial');
    fs.writeFileSync(staged, `${[...exported.filter((l) => l !== ''), fields.join(',')].join('\n')}\n`);
    fs.renameSync(staged, path.join(platform.watchedFolder, 'sales_orders.csv'));
    const transfer = await transferred;
    expect(transfer).toMatchObject({ files: 1, rejected: [] });
    await processed;
  }, 300_000);
});
