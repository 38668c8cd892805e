import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCdcUntilIdle } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { startCustomerWorkload } from './support/customer-workload';

const CLI = fileURLToPath(new URL('../src/cli/cdc-process.ts', import.meta.url));
const KILLS = 5;

interface CdcChild {
  readonly child: ChildProcess;
  readonly streaming: Promise<void>;
  readonly exited: Promise<number | null>;
}

function spawnCdc(fx: CdcFixture, tempRoot: string): CdcChild {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI], {
    env: { ...process.env, DATABASE_URL: fx.server.url, LAKE_URI: fx.lakeUri, CDC_CUT_INTERVAL_MS: '100', CDC_MAX_ROWS_PER_FILE: '50', CDC_TEMP_ROOT: tempRoot },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const streaming = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (d.toString().includes('"event":"streaming"')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`CDC process exited (${code}) before streaming: ${stderr}`)));
  });
  streaming.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, streaming, exited };
}

describe('crash and restart', () => {
  let fx: CdcFixture;

  beforeAll(async () => {
    fx = await startCdcFixture();
    await fx.query(`INSERT INTO customers (customer_id, first_name, last_name, email, state) SELECT g, 'F', 'L', 'c' || g || '@x.com', 'NY' FROM generate_series(1, 500) g`);
    await fx.query(`
      CREATE TABLE cdc_audit (id bigserial PRIMARY KEY, op text NOT NULL, customer_id int NOT NULL, city text, last_name text, phone text);
      CREATE FUNCTION cdc_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          INSERT INTO cdc_audit (op, customer_id, city, last_name, phone) VALUES ('D', OLD.customer_id, OLD.city, OLD.last_name, OLD.phone);
        ELSE
          INSERT INTO cdc_audit (op, customer_id, city, last_name, phone) VALUES (left(TG_OP, 1), NEW.customer_id, NEW.city, NEW.last_name, NEW.phone);
        END IF;
        RETURN NULL;
      END $$;
      CREATE TRIGGER customers_audit AFTER INSERT OR UPDATE OR DELETE ON customers FOR EACH ROW EXECUTE FUNCTION cdc_audit_row();
    `);
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('kill -9 at random moments loses and duplicates no change', async () => {
    const tempRoot = path.join(path.dirname(fx.lakeDir), 'tmp');
    await mkdir(tempRoot, { recursive: true });
    let current = spawnCdc(fx, tempRoot);
    await current.streaming;
    const workload = startCustomerWorkload(fx.pool, 100_000, 500);
    for (let i = 0; i < KILLS; i++) {
      // Sometimes mid-stream, sometimes while the new process is still starting or recovering.
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 1200));
      current.child.kill('SIGKILL');
      await current.exited;
      current = spawnCdc(fx, tempRoot);
      if (Math.random() < 0.5) await current.streaming;
    }
    await new Promise((r) => setTimeout(r, 500));
    const operations = await workload.stop();
    current.child.kill('SIGKILL');
    await current.exited;
    // The last pass runs in-process and catches up to now.
    const summary = await runCdcUntilIdle({ connection: fx.connection, store: fx.store, cutIntervalMs: 100 });
    expect(summary.fullLoad).toBeUndefined();

    const audit = await fx.query<{ op: string; customer_id: number; city: string | null; last_name: string; phone: string | null }>(
      `SELECT op, customer_id, city, last_name, phone FROM cdc_audit ORDER BY id`,
    );
    expect(audit.length).toBeGreaterThanOrEqual(operations);
    const changes = await fx.rawRows('customers', { cdcOnly: true });
    const asAudit = changes.map((r) => ({ op: r.Op, customer_id: Number(r.customer_id), city: r.city, last_name: r.last_name, phone: r.phone }));
    expect(asAudit.length).toBe(audit.length);
    expect(asAudit).toEqual(audit);
  });
});
