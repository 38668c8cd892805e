import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { type BenchCase, measured } from '../src/bench-case';
import { revertPartLines, updatePartLines } from '../src/cdc/part-updates';
import { BENCH_CUSTOMER_BASE, deleteBenchCustomers, insertCustomersSteadily } from '../src/cdc/steady-inserts';
import { copyInScript, copyOutScript, runPsqlScript } from '../src/psql';
import { runCases } from '../src/run-cases';
import type { ScaleDataset } from '../src/scale-dataset';

const SCALE = 0.001;

async function scalar(pool: pg.Pool, sql: string): Promise<number> {
  const { rows } = await pool.query<{ v: string }>(`SELECT (${sql})::text AS v`);
  return Number(rows[0]?.v);
}

describe('runCases with the shared dataset', () => {
  it('generates the dataset once, records failures, and stops the dataset at the end', async () => {
    const seen: ScaleDataset[] = [];
    const workDirs: string[] = [];
    const first: BenchCase = {
      name: 'first',
      description: 'uses the dataset',
      async run(context) {
        workDirs.push(context.workDir);
        const dataset = await context.dataset();
        seen.push(dataset);
        const customers = await scalar(dataset.pool, 'SELECT count(*) FROM customers');
        return [measured('customers', customers, 'rows')];
      },
    };
    const failing: BenchCase = {
      name: 'failing',
      description: 'throws after touching the dataset',
      async run(context) {
        seen.push(await context.dataset());
        throw new Error('this case broke');
      },
    };
    const results = await runCases({ cases: [first, failing], scale: SCALE, log: () => undefined });

    expect(results.map((r) => r.caseName)).toEqual(['first', 'failing']);
    expect(results[0]?.error).toBeUndefined();
    expect(results[0]?.metrics[0]?.value).toBe(seen[0]?.generation.tables.customers?.rows);
    expect(results[0]?.metrics[0]?.value).toBeGreaterThan(0);
    expect(results[1]?.error).toContain('this case broke');
    expect(seen[0]).toBe(seen[1]);
    expect(workDirs.every((dir) => !fs.existsSync(dir))).toBe(true);
    const dataset = seen[0] as ScaleDataset;
    expect(fs.existsSync(dataset.csvDir)).toBe(false);
    const client = new pg.Client(dataset.postgres.connectionConfig);
    client.on('error', () => undefined);
    await expect(client.connect()).rejects.toThrow();
  });

  it('the workloads the cdc case runs leave the tables as they were, and psql copies rows out and back', async () => {
    const checks: BenchCase = {
      name: 'checks',
      description: 'exercises the helpers against the dataset',
      async run(context) {
        const { pool, postgres } = await context.dataset();
        const quantities = 'SELECT sum(quantity) FROM sales_order_parts';
        const before = await scalar(pool, quantities);
        const lines = await scalar(pool, 'SELECT count(*) FROM sales_order_parts');
        const changed = await updatePartLines(pool, 0, 25);
        expect(changed).toBe(Math.min(25, lines));
        expect(await scalar(pool, quantities)).toBe(before + changed);
        await revertPartLines(pool, changed);
        expect(await scalar(pool, quantities)).toBe(before);

        const inserted = await insertCustomersSteadily(postgres.connectionConfig, 1_000, 0.05);
        expect(inserted).toBe(50);
        expect(await scalar(pool, `SELECT count(*) FROM customers WHERE customer_id >= ${BENCH_CUSTOMER_BASE}`)).toBe(
          50,
        );
        await deleteBenchCustomers(pool);
        expect(await scalar(pool, `SELECT count(*) FROM customers WHERE customer_id >= ${BENCH_CUSTOMER_BASE}`)).toBe(
          0,
        );

        const tables = {
          service: [
            'serviceid',
            'service',
            'category',
            'labor_minutes',
            'labor_rate',
            'labor_cost',
            'created_at',
            'updated_at',
          ],
        };
        const services = await scalar(pool, 'SELECT count(*) FROM service');
        const fingerprint =
          "SELECT md5(string_agg(serviceid || service || labor_cost::text, ',' ORDER BY serviceid)) FROM service";
        const { rows } = await pool.query<{ v: string }>(fingerprint);
        await runPsqlScript(
          postgres.url,
          copyOutScript(tables, context.workDir),
          path.join(context.workDir, 'out.sql'),
        );
        await pool.query('TRUNCATE service CASCADE');
        expect(await scalar(pool, 'SELECT count(*) FROM service')).toBe(0);
        await runPsqlScript(postgres.url, copyInScript(tables, context.workDir), path.join(context.workDir, 'in.sql'), {
          singleTransaction: true,
        });
        expect(await scalar(pool, 'SELECT count(*) FROM service')).toBe(services);
        expect((await pool.query<{ v: string }>(fingerprint)).rows[0]?.v).toBe(rows[0]?.v);
        return [];
      },
    };
    const results = await runCases({ cases: [checks], scale: SCALE, log: () => undefined });
    expect(results[0]?.error).toBeUndefined();
  });
});
