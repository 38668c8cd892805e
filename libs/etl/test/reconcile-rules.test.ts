import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type JobDefinition, jobByName } from '@autocorp/etl-jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb, type RunReport, TIED_VERSIONS_RULE, listRuns, runJob, runJobs } from '../src/index';
import { readCommittedPosition } from '../src/raw/cdc-position';
import { CuratedReader } from './support/curated-reader';
import { ORDERS_HEADER, fixtureLake, orderLine, reportOf } from './lake-fixture';
import { writeRawCsv } from './raw-fixture';

const duck = await DuckDBInstance.create(':memory:');
const connection = await duck.connect();
let lake: Awaited<ReturnType<typeof fixtureLake>>;
let curated: CuratedReader;
let first: RunReport[];

beforeAll(async () => {
  lake = await fixtureLake();
  curated = new CuratedReader(connection, lake.root);
  first = await runJobs({ store: lake.store, jobs: ['sales_order', 'auto_parts'] });
}, 120_000);

afterAll(async () => {
  connection.closeSync();
  duck.closeSync();
  await lake.remove();
});

/** Runs one (possibly altered) job definition on a fresh fixture lake. */
async function runAltered(job: JobDefinition): Promise<{ report: RunReport; root: string }> {
  const own = await fixtureLake();
  const db = await EtlDuckDb.open();
  try {
    const committed = await readCommittedPosition(own.store, 'autocorp_cdc');
    return { report: await runJob({ db, store: own.store, job, committed }), root: own.root };
  } finally {
    await db.close();
    await own.remove();
  }
}

describe('reconciles_with_source', () => {
  it('accounts for every raw row: written, quarantined or dropped as a version, and names its basis', async () => {
    const parts = reportOf(first, 'auto_parts');
    const outcome = parts.rules.find((r) => r.rule === 'reconciles_with_source');
    const files = parts.inputFiles.map((k) => `'${path.join(lake.root, k)}'`).join(', ');
    const [raw] = (
      await connection.runAndReadAll(
        `SELECT count(*)::INT AS rows, count(DISTINCT sku)::INT AS keys FROM read_parquet([${files}])`,
      )
    ).getRowObjectsJson();
    expect(outcome).toMatchObject({ passed: true, observed: 0, basis: 'raw files (no source database given)' });
    expect(outcome?.details).toEqual({
      readRows: raw?.['rows'],
      writtenRows: raw?.['keys'],
      quarantinedRows: 0,
      duplicateRows: Number(raw?.['rows']) - Number(raw?.['keys']),
    });
  });

  it('fails when the transform loses a row between read and write', async () => {
    const job = jobByName('auto_parts');
    const lost = 'P4';
    const dropping: JobDefinition = {
      ...job,
      transformSql: `SELECT * FROM (${job.transformSql}) t WHERE sku <> '${lost}'`,
    };
    const control = await runAltered(job);
    expect(control.report.status).toBe('committed');
    const { report } = await runAltered(dropping);
    const outcome = report.rules.find((r) => r.rule === 'reconciles_with_source');
    const controlDetails = control.report.rules.find((r) => r.rule === 'reconciles_with_source')?.details;
    expect(outcome).toMatchObject({ passed: false, observed: 1, severity: 'fail' });
    expect(outcome?.details).toEqual({ ...controlDetails, writtenRows: Number(controlDetails?.['writtenRows']) - 1 });
    expect(outcome?.message).toContain('1 lost on the way (check the transform)');
    expect(report.status).toBe('blocked');
    expect(report.error).toContain('reconciles_with_source');
  }, 60_000);

  it('refuses a batch whose transform loses a CSV row, counting the file’s records apart from DuckDB', async () => {
    const job = jobByName('sales_order');
    const dropping: JobDefinition = {
      ...job,
      transformSql: job.transformSql.replace(
        'FROM csv_sales_orders',
        'FROM csv_sales_orders WHERE customer_id IS DISTINCT FROM 99999999',
      ),
    };
    const key = reportOf(first, 'sales_order').inputFiles.find((k) => k.includes('sales_orders')) as string;
    const lines = (await readFile(path.join(lake.root, key), 'utf8')).split(/\r?\n/);
    const records = lines.slice(1).filter((l) => l !== '').length;
    const { report } = await runAltered(dropping);
    expect(report.status).toBe('failed');
    expect(report.errorKind).toBe('source-malformed');
    expect(report.error).toContain(`${key} has ${records} records but the reader returned ${records - 1} rows`);
  }, 60_000);

  it('names the transform, not the CSV files, when the transform fails, and keeps the cause', async () => {
    const job = jobByName('sales_order');
    const broken: JobDefinition = {
      ...job,
      transformSql: job.transformSql.replace(
        'FROM csv_sales_orders',
        'FROM csv_sales_orders WHERE csv_missing_column > 0',
      ),
    };
    const { report } = await runAltered(broken);
    expect(report.status).toBe('failed');
    expect(report.errorKind).toBe('transform-failed');
    expect(report.error).toContain('The transform of ETL job sales_order failed');
    expect(report.error).not.toContain('cannot be read');
    expect(report.errorCause).toContain('csv_missing_column');
  }, 60_000);
});

describe('updated_at_fresh, on the data clock', () => {
  it('fires for a batch with nothing updated within a day of the newest order held, and passes for a fresh one', async () => {
    const orders = await curated.snapshotSql('sales_order');
    const [held] = await curated.rows(
      `SELECT strftime(max(updated_at), '%Y-%m-%dT%H:%M:%SZ') AS newest FROM ${orders}`,
    );
    const newest = Date.parse(String(held?.['newest']));
    const stale = ['2024-02-01 10:00:00', '2024-02-03 07:00:00'];
    await writeRawCsv(lake, 'sales_orders', '2025-06-02', 'sales_orders.csv', [
      ORDERS_HEADER,
      ...stale.map((t, i) => orderLine(`INV-C-8${String(i).padStart(5, '0')}`, t)),
    ]);
    const staleRun = reportOf(await runJobs({ store: lake.store, jobs: ['sales_order'] }), 'sales_order');
    const staleAge = Math.round(
      (newest - Math.max(...stale.map((t) => Date.parse(`${t.replace(' ', 'T')}Z`)))) / 3_600_000,
    );
    expect(staleRun.status).toBe('committed');
    expect(staleRun.rules.find((r) => r.rule === 'updated_at_fresh')).toMatchObject({
      passed: false,
      severity: 'warn',
      observed: staleAge,
    });

    const fresh = new Date(newest - 2 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    await writeRawCsv(lake, 'sales_orders', '2025-06-03', 'sales_orders.csv', [
      ORDERS_HEADER,
      orderLine('INV-C-810000', fresh),
    ]);
    const freshRun = reportOf(await runJobs({ store: lake.store, jobs: ['sales_order'] }), 'sales_order');
    expect(freshRun.rules.find((r) => r.rule === 'updated_at_fresh')).toMatchObject({ passed: true, observed: 2 });
  }, 60_000);
});

describe('tied versions', () => {
  it('keeps the later of two versions with the same updated_at and records both rows in a warn outcome', async () => {
    const copy = orderLine('INV-C-820001', '2024-03-01 09:00:00');
    // Two versions of one invoice tie and differ; two exact copies of another are no conflict.
    const lines = [
      ORDERS_HEADER,
      orderLine('INV-C-820000', '2024-03-01 09:00:00', { status: 'Completed' }),
      orderLine('INV-C-820000', '2024-03-01 09:00:00', { status: 'Pending' }),
      copy,
      copy,
    ];
    const key = await writeRawCsv(lake, 'sales_orders', '2025-06-04', 'sales_orders.csv', lines);
    const run = reportOf(await runJobs({ store: lake.store, jobs: ['sales_order'] }), 'sales_order');
    expect(run.status).toBe('committed');
    const outcome = run.rules.find((r) => r.rule === TIED_VERSIONS_RULE);
    expect(outcome).toMatchObject({ passed: false, severity: 'warn', observed: 1 });
    const [conflict] = outcome?.sample ?? [];
    expect(conflict?.['key']).toEqual({ invoice_number: 'INV-C-820000' });
    expect(conflict?.['kept']).toMatchObject({
      source_file: key,
      source_line: '3',
      raw_row: lines[2],
      values: { status: 'Pending' },
    });
    expect(conflict?.['dropped']).toEqual([
      expect.objectContaining({
        source_file: key,
        source_line: '2',
        raw_row: lines[1],
        values: expect.objectContaining({ status: 'Completed' }),
      }),
    ]);
    const orders = await curated.snapshotSql('sales_order');
    expect(await curated.rows(`SELECT status FROM ${orders} WHERE invoice_number = 'INV-C-820000'`)).toEqual([
      { status: 'Pending' },
    ]);
    const [recorded] = await listRuns({ store: lake.store, job: 'sales_order', limit: 1 });
    expect(recorded?.rules.find((r) => r.rule === TIED_VERSIONS_RULE)).toEqual(outcome);
  }, 60_000);

  it('does not count exact copies as a conflict', () => {
    expect(reportOf(first, 'sales_order').rules.find((r) => r.rule === TIED_VERSIONS_RULE)).toMatchObject({
      passed: true,
      observed: 0,
    });
  });
});
