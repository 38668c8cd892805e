import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCdcUntilIdle } from '../src/index';
import { cdcStagingRoot } from '../src/lake/cdc-staging';
import { spawnCdcChild } from './support/cdc-child';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';
import { startCustomerWorkload } from './support/customer-workload';
import { seededRandom, testSeed } from './support/seeded-random';

/**
 * Where a CDC process is killed: `starting` (still connecting and recovering) and `batch` (after its n-th stored
 * batch) by this test when the process reports them; `file`, `before-position` and `after-position` by the process
 * itself at that exact point (see support/self-kill.ts).
 */
const KILL_POINTS = ['starting', 'batch', 'file', 'before-position', 'after-position'] as const;
type KillPoint = (typeof KILL_POINTS)[number];

/** Every kill point once, in a seeded order, each after a seeded count (1 to 3) of its events. */
function killPlan(random: () => number): { point: KillPoint; count: number }[] {
  const points = [...KILL_POINTS];
  for (let i = points.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [points[i], points[j]] = [points[j] as KillPoint, points[i] as KillPoint];
  }
  return points.map((point) => ({ point, count: point === 'starting' ? 1 : 1 + Math.floor(random() * 3) }));
}

/** Runs a CDC process to its planned death; resolves once it is gone. */
async function runUntilKilled(
  fx: CdcFixture,
  env: Record<string, string>,
  point: KillPoint,
  count: number,
): Promise<void> {
  if (point === 'starting' || point === 'batch') {
    const cdc = spawnCdcChild(fx, env);
    await cdc.reported(point, count);
    await cdc.kill();
    return;
  }
  const cdc = spawnCdcChild(fx, { ...env, CDC_TEST_SELF_KILL: `${point}:${count}` });
  expect(await cdc.exited).toBeNull();
  expect(cdc.events.at(-1)).toMatchObject({ event: 'self-kill', point });
}

describe('crash and restart', () => {
  let fx: CdcFixture;

  beforeAll(async () => {
    fx = await startCdcFixture();
    await fx.query(
      `INSERT INTO customers (customer_id, first_name, last_name, email, state) SELECT g, 'F', 'L', 'c' || g || '@x.com', 'NY' FROM generate_series(1, 500) g`,
    );
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
    const plan = killPlan(seededRandom(seed));
    const env = { CDC_CUT_INTERVAL_MS: '100', CDC_MAX_ROWS_PER_FILE: '50' };
    // The first process takes the full load, then streams the workload until killed after a batch.
    const first = spawnCdcChild(fx, env);
    await first.reported('streaming');
    const workload = startCustomerWorkload(fx.pool, 100_000, 500, seededRandom(seed + 1));
    await first.reported('batch', 2);
    await first.kill();
    for (const [i, { point, count }] of plan.entries()) {
      console.info(`crash-restart: kill ${i + 1} at "${point}" #${count}`);
      await runUntilKilled(fx, env, point, count);
    }
    const current = spawnCdcChild(fx, env);
    // The last process recovered and stored a batch of its own before the workload stops and it is killed.
    await current.reported('batch');
    const operations = await workload.stop();
    await current.kill();
    // The last pass runs in-process and catches up to now.
    const summary = await runCdcUntilIdle({ connection: fx.connection, store: fx.store, cutIntervalMs: 100 });
    expect(summary.fullLoad).toBeUndefined();
    // What the killed processes staged is gone.
    expect(await readdir(cdcStagingRoot(fx.store, 'autocorp_cdc'))).toEqual([]);

    const audit = await fx.query<{
      op: string;
      customer_id: number;
      city: string | null;
      last_name: string;
      phone: string | null;
    }>(`SELECT op, customer_id, city, last_name, phone FROM cdc_audit ORDER BY id`);
    expect(audit.length).toBeGreaterThanOrEqual(operations);
    const changes = await fx.rawRows('customers', { cdcOnly: true });
    const asAudit = changes.map((r) => ({
      op: r.Op,
      customer_id: Number(r.customer_id),
      city: r.city,
      last_name: r.last_name,
      phone: r.phone,
    }));
    expect(asAudit.length).toBe(audit.length);
    expect(asAudit).toEqual(audit);
    // Seven CDC processes start (tsx) on a shared machine.
  }, 240_000);
});
