import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCdcUntilIdle } from '../src/index';
import { cdcStagingRoot } from '../src/lake/cdc-staging';
import { type CdcChild, spawnCdcChild } from './support/cdc-child';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { startCustomerWorkload } from './support/customer-workload';
import { seededRandom, testSeed } from './support/seeded-random';

const KILLS = 5;
/** Progress the CDC process reports (see src/cli/cdc-process.ts) that a kill follows. */
const KILL_POINTS = [
  // Still starting: connecting, recovering the raw zone, or (the first process) taking the full load.
  'starting',
  // A batch's files are durable, its position not stored yet.
  'files-written',
  // A batch is stored and acknowledged, the stream goes on.
  'batch',
] as const;

/** Kills the process once it has reported `count` events of `point`. */
async function killAfter(cdc: CdcChild, point: (typeof KILL_POINTS)[number], count: number): Promise<void> {
  await cdc.reported(point, count);
  await cdc.kill();
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

  it('kill -9 at random moments of its progress loses and duplicates no change', async () => {
    const seed = testSeed('crash-restart');
    const chooseKill = seededRandom(seed);
    const env = { CDC_CUT_INTERVAL_MS: '100', CDC_MAX_ROWS_PER_FILE: '50' };
    let current = spawnCdcChild(fx, env);
    await current.reported('streaming');
    const workload = startCustomerWorkload(fx.pool, 100_000, 500, seededRandom(seed + 1));
    for (let i = 0; i < KILLS; i++) {
      const point = KILL_POINTS[Math.floor(chooseKill() * KILL_POINTS.length)] as (typeof KILL_POINTS)[number];
      const count = point === 'starting' ? 1 : 1 + Math.floor(chooseKill() * 3);
      console.info(`crash-restart: kill ${i + 1} after ${count} "${point}" event(s)`);
      await killAfter(current, point, count);
      current = spawnCdcChild(fx, env);
    }
    // The last process recovered and stored a batch of its own before the workload stops and it is killed.
    await current.reported('batch');
    const operations = await workload.stop();
    await current.kill();
    // The last pass runs in-process and catches up to now.
    const summary = await runCdcUntilIdle({ connection: fx.connection, store: fx.store, cutIntervalMs: 100 });
    expect(summary.fullLoad).toBeUndefined();
    // What the killed processes staged is gone.
    expect(await readdir(cdcStagingRoot(fx.store, 'autocorp_cdc'))).toEqual([]);

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
