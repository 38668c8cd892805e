/**
 * CDC stream throughput, three ways, on one generated source (CDC_BENCH_SCALE, default 1):
 *   live      CDC running while 20 transactions of 10,000 updates commit; timed from the first
 *             UPDATE until every change is in files (the "sustained" number).
 *   pg-alone  the same 200,000 updates with CDC stopped: how fast PostgreSQL itself commits them.
 *   walsender the same backlog read by pg_recvlogical into /dev/null from a slot made just before
 *             the updates: PostgreSQL's own decoding speed, the ceiling for any logical consumer.
 *   backlog   then CDC starts on that WAL backlog; timed from start until every change is in files:
 *             what the consumer sustains when the producer is not the limit.
 * Run: `npx tsx libs/cdc/bench/cdc-throughput.ts` (CDC_BENCH_ROUNDS backlog rounds, default 2).
 * CDC_BENCH_PROFILE=<file.cpuprofile> records a CPU profile of the backlog rounds (open it in Chrome DevTools).
 * Prints one JSON object; progress lines go to stderr.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate } from '@autocorp/generator';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { migrate, startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';
import { type CdcBatch, runFullLoad, startCdc } from '../src/index';

export interface CdcThroughputResult {
  readonly scale: number;
  readonly changesPerRound: number;
  readonly liveChangesPerSecond: number;
  readonly liveCommitChangesPerSecond: number;
  readonly pgAloneChangesPerSecond: readonly number[];
  readonly walsenderAloneChangesPerSecond: readonly number[];
  readonly backlogChangesPerSecond: readonly number[];
  readonly loadAverage: readonly number[];
}

const TRANSACTIONS = 20;
const UPDATES_PER_TRANSACTION = 10_000;

const run = promisify(execFile);
const log = (line: string): void => void process.stderr.write(`[cdc throughput] ${line}\n`);

async function updateRound(pool: pg.Pool, round: number): Promise<number> {
  let n = 0;
  for (let i = 0; i < TRANSACTIONS; i++) {
    const sql = `UPDATE sales_order_parts SET quantity = quantity + ${round % 2 === 0 ? 1 : -1}
                  WHERE line_item_id IN (SELECT line_item_id FROM sales_order_parts ORDER BY line_item_id OFFSET ${i * UPDATES_PER_TRANSACTION} LIMIT ${UPDATES_PER_TRANSACTION})`;
    n += (await pool.query(sql)).rowCount ?? 0;
  }
  return n;
}

/** Runs CDC (and `during` once it streams) until `expected` changes are in files; resolves with performance.now() of that moment. */
async function captureUntil(
  connection: pg.ClientConfig,
  store: ObjectStore,
  expected: number,
  during?: () => Promise<void>,
): Promise<number> {
  let captured = 0;
  let capturedAt = 0;
  let failure: unknown;
  const runner = startCdc({
    connection,
    store,
    onBatch: (batch: CdcBatch) => {
      captured += batch.rows;
      log(`  batch (${batch.reason}) ${batch.rows} changes in ${batch.files.length} file(s), ${captured}/${expected}`);
      if (captured >= expected && capturedAt === 0) capturedAt = performance.now();
    },
  });
  runner.done.catch((error: unknown) => (failure = error));
  await runner.streaming;
  await during?.();
  while (capturedAt === 0) {
    if (failure !== undefined) throw failure;
    await new Promise((r) => setTimeout(r, 5));
  }
  await runner.stop();
  return capturedAt;
}

export async function cdcThroughput(options: { scale?: number; rounds?: number } = {}): Promise<CdcThroughputResult> {
  const scale = options.scale ?? Number(process.env.CDC_BENCH_SCALE ?? 1);
  const rounds = options.rounds ?? Number(process.env.CDC_BENCH_ROUNDS ?? 2);
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 2 });
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', () => undefined);
  const root = path.join('/tmp', `autocorp-cdc-throughput-${randomUUID()}`);
  await mkdir(path.join(root, 'lake'), { recursive: true });
  const store = openObjectStore(pathToFileURL(path.join(root, 'lake')).href);
  try {
    await migrate({ pool, displayAddress: server.url });
    await generate({ seed: 42, scale, targets: ['postgres'], pool });
    await pool.query('VACUUM ANALYZE');
    const load = await runFullLoad({ connection: server.connectionConfig, store });
    log(`source generated, full load ${load.rows} rows in ${load.seconds.toFixed(2)} s`);

    // Live: CDC streams while the updates commit.
    let commitSeconds = 0;
    let changes = 0;
    let liveStart = 0;
    const liveEnd = await captureUntil(
      server.connectionConfig,
      store,
      TRANSACTIONS * UPDATES_PER_TRANSACTION,
      async () => {
        liveStart = performance.now();
        changes = await updateRound(pool, 0);
        commitSeconds = (performance.now() - liveStart) / 1000;
      },
    );
    const liveSeconds = (liveEnd - liveStart) / 1000;
    log(
      `live: ${changes} changes committed in ${commitSeconds.toFixed(2)} s, in files after ${liveSeconds.toFixed(2)} s`,
    );

    const profile = process.env.CDC_BENCH_PROFILE;
    const session = profile ? new Session() : undefined;
    const pgAlone: number[] = [];
    const walsender: number[] = [];
    const backlog: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      await pool.query(`SELECT pg_create_logical_replication_slot('throughput_probe', 'pgoutput')`);
      let started = performance.now();
      const n = await updateRound(pool, round);
      const pgSeconds = (performance.now() - started) / 1000;
      pgAlone.push(n / pgSeconds);
      const { rows } = await pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
      started = performance.now();
      const recv = [
        '-d',
        server.url,
        '--slot',
        'throughput_probe',
        '--start',
        '-E',
        rows[0]?.lsn ?? '0/0',
        '--no-loop',
        '-f',
        '/dev/null',
      ];
      await run('pg_recvlogical', [...recv, '-o', 'proto_version=2', '-o', 'publication_names=autocorp_cdc']);
      const walsenderSeconds = (performance.now() - started) / 1000;
      walsender.push(n / walsenderSeconds);
      await pool.query(`SELECT pg_drop_replication_slot('throughput_probe')`);
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      started = performance.now();
      const catchUp = ((await captureUntil(server.connectionConfig, store, n)) - started) / 1000;
      backlog.push(n / catchUp);
      if (session && profile) {
        const { profile: recorded } = await session.post('Profiler.stop');
        await writeFile(profile.replace(/(\.cpuprofile)?$/, `-${round}.cpuprofile`), JSON.stringify(recorded));
        session.disconnect();
      }
      log(
        `round ${round}: PostgreSQL alone ${pgSeconds.toFixed(2)} s, walsender alone ${walsenderSeconds.toFixed(2)} s, CDC catch-up ${catchUp.toFixed(2)} s (${Math.round(n / catchUp)} changes/s)`,
      );
    }
    return {
      scale,
      changesPerRound: changes,
      liveChangesPerSecond: changes / liveSeconds,
      liveCommitChangesPerSecond: changes / commitSeconds,
      pgAloneChangesPerSecond: pgAlone,
      walsenderAloneChangesPerSecond: walsender,
      backlogChangesPerSecond: backlog,
      loadAverage: loadavg(),
    };
  } finally {
    await pool.end().catch(() => undefined);
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cdcThroughput().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
