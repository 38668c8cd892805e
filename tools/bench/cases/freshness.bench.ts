import { spawn } from 'node:child_process';
import path from 'node:path';
import { DEFAULT_SCALE } from '@autocorp/config';
import { findFreePort, openSourceDb } from '@autocorp/source-db';
import { type BenchCase, type BenchContext, type BenchMetric, atMost, measured, percentile } from '../src/bench-case';
import { BenchError } from '../src/bench-error';
import { runCommand } from '../src/run-command';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'apps', 'orchestrator', 'bin', 'autocorp.mjs');
/** The load: `autocorp up --simulate 100` at the default scale. */
const SIMULATED_ORDERS_PER_SECOND = 100;
const STAMPS = 40;
const STAMP_EVERY_MS = 500;
const POLL_EVERY_MS = 100;
/** A stamp not visible after this long counts as lost (and fails the case). */
const GIVE_UP_MS = 60_000;
const STARTUP_TARGET_S = 60;
const P50_TARGET_S = 2;
const P99_TARGET_S = 5;
/** The seed's promise (15 minutes) and DMS's batch interval (60 s), for comparison. */
const SEED_PROMISE_S = 15 * 60;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `autocorp up` in a child process; resolves the API URL once its log says the platform runs. */
function startUp(env: NodeJS.ProcessEnv): {
  ready: Promise<{ url: string; seconds: number }>;
  stop: () => Promise<void>;
} {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'up', '--simulate', String(SIMULATED_ORDERS_PER_SECOND), '--seed', '7'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const ready = new Promise<{ url: string; seconds: number }>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /platform API on (http:\/\/[\d.:]+) /.exec(out)?.[1];
      if (url && out.includes('platform running')) resolve({ url, seconds: (performance.now() - started) / 1000 });
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    void exited.then(() =>
      reject(
        new BenchError(
          'command-failed',
          `autocorp up exited before it ran: ${err.trim().split('\n').slice(-3).join(' | ')}`,
        ),
      ),
    );
  });
  return {
    ready,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Which stamps curated sales_order shows, through the platform API (POST /api/sql). */
async function visibleStamps(url: string, prefix: string): Promise<string[]> {
  const response = await fetch(`${url}/api/sql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sql: `SELECT notes FROM sales_order WHERE notes LIKE '${prefix}%'`, maxRows: 10_000 }),
  });
  if (!response.ok)
    throw new BenchError('command-failed', `POST /api/sql answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as { rows: { notes: string }[] };
  return body.rows.map((r) => r.notes);
}

async function run(context: BenchContext): Promise<BenchMetric[]> {
  context.log('building the CLI (npx nx run orchestrator:build, cached)');
  await runCommand('npx', ['nx', 'run', 'orchestrator:build', '--outputStyle=static'], {
    cwd: ROOT,
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AUTOCORP_HOME: path.join(context.workDir, 'home'),
    AUTOCORP_PG_PORT: String(await findFreePort()),
    AUTOCORP_API_PORT: '0',
    AUTOCORP_SCALE: String(DEFAULT_SCALE),
    CI: 'true',
  };
  delete env.DATABASE_URL;
  delete env.LAKE_URI;
  context.log(`autocorp up --simulate ${SIMULATED_ORDERS_PER_SECOND} at scale ${DEFAULT_SCALE} (fresh state)`);
  const up = startUp(env);
  try {
    const { url, seconds: startup } = await up.ready;
    const db = await openSourceDb({ env, cwd: ROOT });
    try {
      const prefix = `STAMP-${Date.now()}-`;
      const { rows: targets } = await db.pool.query<{ order_id: string }>(
        `SELECT order_id FROM sales_order WHERE status = 'Completed' ORDER BY order_id LIMIT ${STAMPS}`,
      );
      const committedAt = new Map<string, number>();
      const visibleAfter = new Map<string, number>();
      let stamped = 0;
      const stamping = (async () => {
        for (const [i, target] of targets.entries()) {
          const stamp = `${prefix}${i}`;
          await db.pool.query(`UPDATE sales_order SET notes = $1, updated_at = clock_timestamp() WHERE order_id = $2`, [
            stamp,
            target.order_id,
          ]);
          committedAt.set(stamp, performance.now());
          stamped += 1;
          await wait(STAMP_EVERY_MS);
        }
      })();
      const deadline = () => performance.now() > Math.max(...committedAt.values(), 0) + GIVE_UP_MS;
      while (stamped < targets.length || visibleAfter.size < committedAt.size) {
        if (stamped === targets.length && deadline()) break;
        for (const stamp of await visibleStamps(url, prefix)) {
          const at = committedAt.get(stamp);
          if (at !== undefined && !visibleAfter.has(stamp)) visibleAfter.set(stamp, (performance.now() - at) / 1000);
        }
        await wait(POLL_EVERY_MS);
      }
      await stamping;
      const latencies = [...visibleAfter.values()];
      const lost = committedAt.size - visibleAfter.size;
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      const comparison = {
        ratio: p99 / SEED_PROMISE_S,
        baseline: `the seed's promise, 15 min (DMS batches every 60 s)`,
      };
      return [
        atMost('start to a running platform with data and the API (after the build)', startup, 's', STARTUP_TARGET_S),
        measured('stamps committed', committedAt.size, 'rows'),
        atMost('stamps never visible in curated sales_order', lost, 'rows', 0),
        atMost('commit to visible in curated sales_order, p50', p50, 's', P50_TARGET_S),
        measured('commit to visible in curated sales_order, p95', percentile(latencies, 95), 's'),
        atMost('commit to visible in curated sales_order, p99', p99, 's', P99_TARGET_S, comparison),
      ];
    } finally {
      await db.close();
    }
  } finally {
    await up.stop();
  }
}

const freshnessCase: BenchCase = {
  name: 'freshness',
  description: `autocorp up --simulate ${SIMULATED_ORDERS_PER_SECOND} at the default scale: ${STAMPS} orders stamped in PostgreSQL, polled in curated sales_order through the platform API (POST /api/sql); start time and commit-to-visible p50/p95/p99`,
  run,
};

export default freshnessCase;
