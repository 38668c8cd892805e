import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { JOBS } from '@autocorp/etl-jobs';
import { startThrowawayPostgres } from '@autocorp/source-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../src/cli/command';
import { runCli } from '../src/cli/run-cli';
import { COMMANDS } from '../src/commands/index';

// The etl commands in-process against a real local lake (real files, DuckDB, Hudi): a CSV export
// whose orders name customers the lake does not hold blocks sales_order until the file is taken out.
let root: string;
let lake: string;
const key = 'raw/csv/sales_orders/ingest_date=2025-06-01/sales_orders.csv';
const header =
  'invoice_number,customer_id,order_date,payment_method,subtotal,tax,total_amount,order_type,status,notes,created_at,updated_at';
const orders = [1, 2, 3].map(
  (i) =>
    `INV-C-00000${i},${i},2024-01-0${i} 10:00:00,Cash,10.00,0.83,10.83,Parts,Completed,,2024-01-0${i} 10:00:00,2024-01-0${i} 10:00:00`,
);

async function autocorp(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  return autocorpWith({}, ...argv);
}

async function autocorpWith(
  env: NodeJS.ProcessEnv,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const io: CommandIo = { stdout, stderr, env: { USER: 'cli-test', ...env }, cwd: root };
  const code = await runCli([...argv, ...(argv[0] === 'etl' ? ['--lake', lake] : [])], COMMANDS, io);
  stdout.end();
  stderr.end();
  return { code, out, err };
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'etl-commands-'));
  lake = `file://${path.join(root, 'lake')}`;
  const file = path.join(root, 'lake', key);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${[header, ...orders].join('\n')}\n`);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('autocorp etl', () => {
  it('blocks on the file, names it and the command that takes it out', async () => {
    const run = await autocorp('etl', 'run', '--job', 'sales_order');
    expect(run.code).toBe(1);
    expect(run.out).toContain('customer_id_in_customers');
    expect(run.out).toContain(`autocorp etl quarantine-file ${key} --reason`);
    expect(run.out).toContain(`${key} (${orders.length} row(s) breaking a rule)`);
  });

  it('takes the file out with a record, lists it, and the next run skips it and says so', async () => {
    const out = await autocorp('etl', 'quarantine-file', key, '--reason', 'unknown customers');
    expect(out).toMatchObject({ code: 0, err: '' });
    expect(out.out).toContain(`${key} is out of the input of sales_order (by cli-test at `);

    const listed = await autocorp('etl', 'quarantined-files', '--json');
    const records = JSON.parse(listed.out) as { key: string; reason: string; excludedBy: string; jobs: string[] }[];
    expect(records.map((r) => [r.key, r.reason, r.excludedBy, r.jobs])).toEqual([
      [key, 'unknown customers', 'cli-test', ['sales_order']],
    ]);

    const next = await autocorp('etl', 'run', '--job', 'sales_order', '--json');
    expect(next.code).toBe(0);
    const reports = JSON.parse(next.out) as { job: string; status: string; excludedFiles?: string[] }[];
    expect(reports.find((r) => r.job === 'sales_order')).toMatchObject({
      status: 'no-new-input',
      excludedFiles: [key],
    });

    const back = await autocorp('etl', 'quarantine-file', key, '--undo');
    expect(back.code).toBe(0);
    expect(JSON.parse((await autocorp('etl', 'quarantined-files', '--json')).out)).toEqual([]);
    expect((await autocorp('etl', 'run', '--job', 'sales_order')).code).toBe(1);
  });

  it('lists the runs of every job named in --job a,b', async () => {
    const runs = await autocorp('etl', 'runs', '--job', 'sales_order,customers', '--json');
    expect(runs.code).toBe(0);
    const jobs = (JSON.parse(runs.out) as { job: string }[]).map((r) => r.job);
    expect(new Set(jobs)).toEqual(new Set(['sales_order', 'customers']));
    expect(jobs.filter((j) => j === 'sales_order')).toHaveLength(3);
  });

  it('refuses an unknown job naming the known ones, a missing reason and a non-CSV key', async () => {
    const unknown = await autocorp('etl', 'runs', '--job', 'sales_order,nope');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain(`--job has "nope", which is not one of: ${JOBS.map((j) => j.name).join(', ')}`);
    const noReason = await autocorp('etl', 'quarantine-file', key);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('--reason is required');
    const cdc = await autocorp(
      'etl',
      'quarantine-file',
      'raw/database/pg_sales_order/LOAD00000001.parquet',
      '--reason',
      'x',
    );
    expect(cdc.code).toBe(1);
    expect(cdc.err).toContain('is not a raw CSV file key');
  });

  it('reconciles with the PostgreSQL row count when asked to, and says so in the outcome', async () => {
    const postgres = await startThrowawayPostgres();
    try {
      const env = { DATABASE_URL: postgres.url };
      const migrated = await autocorpWith(env, 'db', 'migrate');
      expect(migrated.err).toBe('');
      expect(migrated.code).toBe(0);
      const run = await autocorpWith(env, 'etl', 'run', '--job', 'sales_order', '--reconcile-source', '--json');
      const reports = JSON.parse(run.out) as {
        job: string;
        rules: { rule: string; basis?: string; details?: Record<string, number> }[];
      }[];
      const outcome = reports
        .find((r) => r.job === 'sales_order')
        ?.rules.find((r) => r.rule === 'reconciles_with_source');
      // The new database holds no orders, and the export's orders are all CSV rows.
      expect(outcome).toMatchObject({
        basis: 'raw files and PostgreSQL row count',
        details: { sourceRows: 0, curatedSourceRows: 0 },
      });
      const recorded = JSON.parse(
        (await autocorp('etl', 'runs', '--job', 'sales_order', '--limit', '1', '--json')).out,
      ) as typeof reports;
      expect(recorded[0]?.rules.find((r) => r.rule === 'reconciles_with_source')?.basis).toBe(
        'raw files and PostgreSQL row count',
      );
    } finally {
      await postgres.stop();
    }
  }, 120_000);
});
