import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ANALYTICS_JOB_NAMES, jobByName } from '@autocorp/etl-jobs';
import { Random } from '@autocorp/generator';
import { HudiTable } from '@autocorp/hudi';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunReport, runJobs } from '../src/index';
import { RandomSource } from './support/random-source';

const SEED = Number(process.env['INCREMENTAL_TEST_SEED'] ?? 20261207);
const ROUNDS = 6;
const CHECK_AFTER = new Set([2, 4, 6]);

const db = await DuckDBInstance.create(':memory:');
const conn = await db.connect();
let root: string;
let store: ObjectStore;

/** Every column of a job's table, ordered by the record key (JSON-safe values). */
async function tableRows(job: string): Promise<Record<string, unknown>[]> {
  const definition = jobByName(job);
  const table = await HudiTable.open(path.join(root, 'curated', definition.hudi.tableName));
  const columns = definition.columns.map((c) => c.name);
  const sql = await table.sql({ type: 'snapshot' }, { columns });
  const reader = await conn.runAndReadAll(
    `SELECT * FROM (${sql}) ORDER BY ${definition.hudi.recordKeyFields.join(', ')}`,
  );
  return reader.getRowObjectsJson() as Record<string, unknown>[];
}

const analytics = (reports: readonly RunReport[]) =>
  reports.filter((r) => (ANALYTICS_JOB_NAMES as readonly string[]).includes(r.job));

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'etl-incremental-'));
  store = openObjectStore(`file://${root}`);
});

afterAll(async () => {
  conn.closeSync();
  db.closeSync();
  await rm(root, { recursive: true, force: true });
});

describe('incremental analytics', () => {
  it(`equal a full rebuild after a seeded random sequence of inserts, updates and deletes (seed ${SEED})`, async () => {
    console.log(`incremental analytics test seed: ${SEED} (set INCREMENTAL_TEST_SEED to repeat another)`);
    const source = new RandomSource(new Random(SEED));
    await source.round(conn, { root }, 60);
    const first = await runJobs({ store });
    expect(first.map((r) => [r.job, r.status, r.error])).toEqual(first.map((r) => [r.job, 'committed', undefined]));
    for (const report of analytics(first)) expect(report.refresh?.mode, report.job).toBe('full');

    let incrementalRuns = 0;
    let checks = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      await source.round(conn, { root }, 30);
      const reports = await runJobs({ store });
      for (const report of reports)
        expect([report.job, report.status, report.error]).toEqual([
          report.job,
          expect.stringMatching(/^(committed|no-new-input)$/),
          undefined,
        ]);
      for (const report of analytics(reports).filter((r) => r.status === 'committed')) {
        expect(report.refresh, report.job).toMatchObject({ mode: 'incremental' });
        incrementalRuns++;
      }
      if (!CHECK_AFTER.has(round)) continue;
      const incremental = new Map<string, Record<string, unknown>[]>();
      for (const job of ANALYTICS_JOB_NAMES) incremental.set(job, await tableRows(job));
      const rebuilt = await runJobs({ store, jobs: [...ANALYTICS_JOB_NAMES], full: true });
      for (const report of analytics(rebuilt)) {
        expect([report.job, report.status, report.refresh]).toEqual([
          report.job,
          'committed',
          { mode: 'full', reason: 'a full rebuild was asked for' },
        ]);
      }
      for (const job of ANALYTICS_JOB_NAMES) {
        const full = await tableRows(job);
        expect(full.length, job).toBeGreaterThan(0);
        expect(incremental.get(job), `${job} after round ${round} (seed ${SEED})`).toEqual(full);
      }
      checks++;
    }
    console.log(`changes made: ${JSON.stringify(Object.fromEntries(source.made))}`);
    expect(checks).toBe(CHECK_AFTER.size);
    expect(incrementalRuns).toBeGreaterThanOrEqual(ROUNDS * 2);
    for (const kind of ['part price change', 'customer state change', 'order delete', 'line delete', 'order update'])
      expect(source.made.get(kind) ?? 0, kind).toBeGreaterThan(0);
  }, 300_000);

  it('rebuilds whole when a delete in the range recorded no deleted keys (a delete is never missed)', async () => {
    const lakeRoot = await mkdtemp(path.join(tmpdir(), 'etl-incremental-nokeys-'));
    try {
      const lake = openObjectStore(`file://${lakeRoot}`);
      const source = new RandomSource(new Random(SEED + 1));
      await source.round(conn, { root: lakeRoot }, 60);
      expect((await runJobs({ store: lake })).every((r) => r.status === 'committed')).toBe(true);
      // A writer that does not record deleted keys (an older runner, a manual fix) deletes one line.
      const lines = await HudiTable.open(path.join(lakeRoot, 'curated', jobByName('sales_order_parts').hudi.tableName));
      const one = `SELECT * FROM (${await lines.sql({ type: 'snapshot' })}) LIMIT 1`;
      const [victim] = (await conn.runAndReadAll(one)).getRowObjectsJson();
      const deleted = await lines.delete(conn, one);
      expect(deleted.numDeletes).toBe(1);
      const reports = analytics(await runJobs({ store: lake, jobs: ['sales_order_fact', 'sales_order_line_items'] }));
      for (const report of reports) {
        expect([report.job, report.status, report.refresh]).toEqual([
          report.job,
          'committed',
          { mode: 'full', reason: `the delete ${deleted.instant} of sales_order_parts recorded no deleted keys` },
        ]);
      }
      const items = await HudiTable.open(path.join(lakeRoot, 'curated', 'sales_order_line_items'));
      const left = await conn.runAndReadAll(
        `SELECT count(*) AS n FROM (${await items.sql({ type: 'snapshot' })}) WHERE invoice_number = '${String(victim?.['invoice_number'])}' AND line_type = 'part' AND line_number = ${String(victim?.['line_number'])}`,
      );
      expect(Number(left.getRowObjectsJson()[0]?.['n'])).toBe(0);
    } finally {
      await rm(lakeRoot, { recursive: true, force: true });
    }
  }, 120_000);
});
