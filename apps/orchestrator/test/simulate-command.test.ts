import { PassThrough } from 'node:stream';
import { startThrowawayPostgres, type ThrowawayPostgres } from '@autocorp/source-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../src/cli/command';
import { runCli } from '../src/cli/run-cli';
import { COMMANDS } from '../src/commands/index';

let postgres: ThrowawayPostgres;

async function autocorp(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const io: CommandIo = { stdout, stderr, env: { USER: 'cli-test', DATABASE_URL: postgres.url }, cwd: '/' };
  const code = await runCli(argv, COMMANDS, io);
  stdout.end();
  stderr.end();
  return { code, out, err };
}

/** sales_order's row count, as `autocorp db status --json` reports it. */
async function orderCount(): Promise<number> {
  const status = JSON.parse((await autocorp('db', 'status', '--json')).out) as {
    tables: { name: string; rows: number }[];
  };
  return status.tables.find((t) => t.name === 'sales_order')?.rows ?? Number.NaN;
}

beforeAll(async () => {
  postgres = await startThrowawayPostgres();
  expect((await autocorp('db', 'migrate')).code).toBe(0);
  expect((await autocorp('generate', '--scale', '0.005', '--target', 'postgres', '--seed', '3')).code).toBe(0);
}, 120_000);

afterAll(async () => {
  await postgres?.stop();
});

describe('autocorp simulate', () => {
  it('writes orders for --duration seconds and reports what it did per operation, with its seed', async () => {
    const before = await orderCount();
    const run = await autocorp('simulate', '--rate', '40', '--seed', '9', '--duration', '0.5');
    expect(run.err).toContain('with seed 9');
    expect(run.code).toBe(0);
    const created = Number(/new-order\s+([\d,]+)/.exec(run.out)?.[1]?.replace(/,/g, ''));
    const purged = Number(/order-deleted\s+([\d,]+)/.exec(run.out)?.[1]?.replace(/,/g, ''));
    expect(created).toBeGreaterThan(0);
    expect(run.out).toContain('seed 9, stopped: limit');
    expect(await orderCount()).toBe(before + created - purged);
  });

  it('names a bad --rate', async () => {
    const run = await autocorp('simulate', '--rate', '0');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--rate must be a number greater than 0');
  });
});
