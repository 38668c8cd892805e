import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlatformStatusSchema, createPlatformClient } from '@autocorp/platform-client';
import { Random } from '@autocorp/generator';
import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import { findFreePort, openSourceDb } from '@autocorp/source-db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareSourceAndCurated, curatedHolds } from './source-vs-curated';
import { testSeed } from './test-seed';
import { UpProcess } from './up-process';

const SCALE = '0.002';

/** What proves "no regeneration, no reload": the full-load files, the slot's consistent point, the export manifest, the curated commits. */
function lakeState(home: string) {
  const lake = path.join(home, 'lake');
  const database = path.join(lake, 'raw', 'database');
  const loadFiles = fs
    .readdirSync(database)
    .flatMap((table) =>
      fs
        .readdirSync(path.join(database, table))
        .filter((f) => f.startsWith('LOAD'))
        .map((f) => `${table}/${f}`),
    )
    .sort();
  const position = JSON.parse(
    fs.readFileSync(path.join(lake, 'state', 'cdc', 'autocorp_cdc', 'position.json'), 'utf8'),
  ) as {
    consistentPoint: string;
  };
  const commits = fs
    .readdirSync(path.join(lake, 'curated', 'sales_order', '.hoodie'))
    .filter((f) => /\.(commit|replacecommit|deltacommit)$/.test(f))
    .sort();
  return {
    loadFiles,
    consistentPoint: position.consistentPoint,
    manifest: fs.readFileSync(path.join(home, 'generated', 'manifest.json'), 'utf8'),
    commits,
  };
}

/** The embedded server a killed `up` left running (the next start reuses it): stopped at the end. */
function stopOrphanServer(home: string): void {
  const pidFile = path.join(home, 'postgres', 'data', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    // Already gone.
  }
}

// `autocorp up` as a user runs it: a child process of the built CLI over a fresh state folder, the
// embedded PostgreSQL, a real lake. Waits end with log lines or API events, never with sleeps.
describe('autocorp up (child process)', () => {
  let parent: string;
  let home: string;
  let env: NodeJS.ProcessEnv;
  const running: UpProcess[] = [];
  const start = (args: readonly string[] = []) => {
    const up = new UpProcess(args, env);
    running.push(up);
    return up;
  };

  beforeAll(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-up-'));
    fs.chmodSync(parent, 0o777);
    home = path.join(parent, 'home');
    env = {
      AUTOCORP_HOME: home,
      AUTOCORP_PG_PORT: String(await findFreePort()),
      AUTOCORP_API_PORT: '0',
      AUTOCORP_SCALE: SCALE,
      AUTOCORP_ETL_INTERVAL_MS: '200',
      AUTOCORP_CDC_CUT_MS: '300',
      CI: 'true',
      DATABASE_URL: undefined,
      LAKE_URI: undefined,
    };
  });

  afterAll(async () => {
    for (const up of running) up.signal('SIGKILL');
    await Promise.all(running.map((up) => up.exited));
    stopOrphanServer(home);
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('starts at a small scale, serves the API and stops cleanly on SIGTERM', async () => {
    const up = start();
    const [, url] = await up.waitFor(/platform API on (http:\/\/[\d.:]+) /);
    // From the first line: "platform running" may arrive in the same chunk as the API line.
    await up.waitFor(/platform running/, 0);
    const status = PlatformStatusSchema.parse(await (await fetch(`${url}/api/status`)).json());
    expect(status.mode).toBe('live');
    expect(Object.fromEntries(status.components.map((c) => [c.name, c.health]))).toMatchObject({
      source: 'ok',
      cdc: 'ok',
      etl: 'ok',
      catalog: 'ok',
      'csv-watch': 'ok',
    });
    expect(up.lines.join('\n')).toMatch(/generate data when the database is empty: scale 0\.002, seed 42/);
    up.signal('SIGTERM');
    expect(await up.exited).toEqual({ code: 0, signal: null });
    expect(up.lines.at(-1)).toMatch(/stopped; the next start resumes from here$/);
    expect(up.stderr).toBe('');
  }, 600_000);

  it('Ctrl-C at a terminal (SIGINT to the whole process group) stops cleanly, the embedded server last', async () => {
    const up = new UpProcess([], env, { ownGroup: true });
    running.push(up);
    await up.waitFor(/platform running/);
    up.interruptGroup();
    expect(await up.exited).toEqual({ code: 0, signal: null });
    expect(up.lines.at(-1)).toMatch(/stopped; the next start resumes from here$/);
    expect(up.lines.join('\n')).not.toMatch(/failed|down/);
    expect(up.stderr).toBe('');
  }, 600_000);

  it('resumes where it stopped: no regeneration, no reload, and a change made while stopped arrives', async () => {
    const before = lakeState(home);
    const db = await openSourceDb({ env, cwd: parent });
    const invoice = `WHILE-STOPPED-${Date.now()}`;
    try {
      await db.pool.query(
        `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status)
         SELECT max(order_id) + 1, min(customer_id), clock_timestamp(), $1, 'Cash', 10, 1, 11, 'Parts', 'Pending' FROM sales_order`,
        [invoice],
      );
    } finally {
      await db.close();
    }
    const up = start();
    await up.waitFor(/platform running/);
    const log = up.lines.join('\n');
    expect(log).toContain('kept (no generation)');
    expect(log).toMatch(/transfer CSV exports: 0 file\(s\) copied .*, 4 unchanged/);
    await up.waitFor(/ etl (startup|micro-batch) \S+: .*sales_order \+1 ~0 -0/, 0);
    expect(await curatedHolds(path.join(home, 'lake'), 'sales_order', 'invoice_number', invoice)).toBe(true);
    const after = lakeState(home);
    expect(after.loadFiles).toEqual(before.loadFiles);
    expect(after.consistentPoint).toBe(before.consistentPoint);
    expect(after.manifest).toBe(before.manifest);
    // The curated table only grew: every earlier commit is still there, one more holds the new order.
    expect(after.commits.slice(0, before.commits.length)).toEqual(before.commits);
    expect(after.commits.length).toBeGreaterThan(before.commits.length);
    up.signal('SIGTERM');
    expect((await up.exited).code).toBe(0);
  }, 600_000);

  it('kill -9 at three seeded random moments under the simulator: source and curated agree exactly afterwards', async () => {
    const seed = testSeed('autocorp up kill -9');
    const random = Random.stream(seed, 'kill -9 moments');
    for (let round = 1; round <= 3; round++) {
      const up = start(['--simulate', '40', '--seed', String(seed + round)]);
      const [, url] = await up.waitFor(/platform API on (http:\/\/[\d.:]+) /);
      await up.waitFor(/simulator: 40 order/, 0);
      // A random moment: after the n-th live event (CDC batches, status updates, ETL progress and runs).
      const n = 20 + random.int(400);
      await new Promise<void>((resolve, reject) => {
        let seen = 0;
        const subscription = createPlatformClient({ baseUrl: url as string }).subscribe(
          () => {
            seen += 1;
            if (seen !== n) return;
            subscription.close();
            resolve();
          },
          { onError: (error) => reject(error) },
        );
      });
      up.signal('SIGKILL');
      const exit = await up.exited;
      console.info(`round ${round}: killed after ${n} live events (${exit.signal})`);
      expect(exit.signal).toBe('SIGKILL');
    }

    // Restart without the simulator; once a marker order committed after everything else is curated, all is.
    const up = start();
    await up.waitFor(/platform running/);
    const db = await openSourceDb({ env, cwd: parent });
    try {
      const marker = `MARKER-${seed}`;
      await db.pool.query(
        `INSERT INTO sales_order (order_id, customer_id, order_date, invoice_number, payment_method, subtotal, tax, total_amount, order_type, status)
         SELECT max(order_id) + 1, min(customer_id), clock_timestamp(), $1, 'Cash', 10, 1, 11, 'Parts', 'Pending' FROM sales_order`,
        [marker],
      );
      let from = 0;
      while (!(await curatedHolds(path.join(home, 'lake'), 'sales_order', 'invoice_number', marker))) {
        await up.waitFor(/ etl (startup|micro-batch) /, from);
        from = up.lines.length;
      }
      up.signal('SIGTERM');
      expect((await up.exited).code).toBe(0);
      expect(up.lines.join('\n')).not.toMatch(/not committed|failed/);

      for (const table of SOURCE_TABLE_NAMES) {
        const comparison = await compareSourceAndCurated(db.pool, path.join(home, 'lake'), {
          source: table,
          curated: table,
        });
        expect(comparison.columns.length, table).toBeGreaterThan(2);
        expect(comparison.curatedRows, table).toEqual(comparison.sourceRows);
      }
      // The simulator did write every kind of change, so the agreement covers updates and deletes.
      const { rows } = await db.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM sales_order WHERE status IN ('Cancelled', 'Refunded', 'In Progress')`,
      );
      expect(Number(rows[0]?.n)).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  }, 1_200_000);
});
