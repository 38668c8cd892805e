import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { plannedCounts } from '@autocorp/generator';
import { findFreePort } from '@autocorp/source-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAutocorp } from './autocorp-process';

// One real pass of `autocorp run` (what npm start does) against a fresh state folder.
describe('autocorp run', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-run-'));
    fs.chmodSync(parent, 0o777);
    home = path.join(parent, 'home');
    env = { AUTOCORP_HOME: home, AUTOCORP_PG_PORT: String(await findFreePort()), DATABASE_URL: '', CI: 'true' };
    delete env.DATABASE_URL;
  });

  afterAll(() => {
    fs.rmSync(path.dirname(home), { recursive: true, force: true });
  });

  it('runs the pass, prints a summary and leaves the state under AUTOCORP_HOME', { timeout: 600_000 }, async () => {
    const scale = 0.001;
    const planned = plannedCounts(scale);
    const result = await runAutocorp(['run', '--scale', String(scale)], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('== Summary');
    expect(result.stdout).toMatch(new RegExp(`postgres sales_order\\s+${planned.salesOrder.toLocaleString('en-US')}\\n`));
    expect(fs.existsSync(path.join(home, 'postgres', 'data', 'PG_VERSION'))).toBe(true);
    expect(fs.existsSync(path.join(home, 'generated', 'sales_orders.csv'))).toBe(true);

    const status = await runAutocorp(['db', 'status', '--json'], env);
    expect(status.stderr).toBe('');
    expect(status.code).toBe(0);
    const parsed = JSON.parse(status.stdout) as { walLevel: string; tables: { name: string; rows: number }[] };
    expect(parsed.walLevel).toBe('logical');
    expect(parsed.tables.find((t) => t.name === 'sales_order')?.rows).toBe(planned.salesOrder);
    expect(parsed.tables.find((t) => t.name === 'auto_parts')?.rows).toBe(400);
  });

  it('exits 2 with a clear message on a bad flag, 1 on a dead database', { timeout: 120_000 }, async () => {
    const bad = await runAutocorp(['run', '--scale=-3'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --scale must be a number greater than 0, got "-3".\n');

    const dead = await runAutocorp(['db', 'status'], { ...env, DATABASE_URL: 'postgres://u:secret@127.0.0.1:1/shop' });
    expect(dead.code).toBe(1);
    expect(dead.stderr).toContain('127.0.0.1:1/shop');
    expect(dead.stderr).not.toContain('secret');
  });
});
