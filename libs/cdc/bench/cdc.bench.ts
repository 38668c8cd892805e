/**
 * CDC benchmark: full-load throughput (and its ratio to psql \copy of the same tables),
 * sustained CDC changes/s, and commit-to-readable latency under a steady 1,000 changes/s.
 * Run: `npx tsx libs/cdc/bench/cdc.bench.ts` (CDC_BENCH_SCALE, default 1 = 1.6M source rows).
 */
import { execFile } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { generate } from '@autocorp/generator';
import { openObjectStore } from '@autocorp/lake-storage';
import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import { migrate, startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';
import { type CdcBatch, runFullLoad, startCdc } from '../src/index';

export interface CdcBenchResult {
  readonly scale: number;
  readonly fullLoadRows: number;
  readonly fullLoadSeconds: number;
  readonly fullLoadRowsPerSecond: number;
  readonly psqlCopySeconds: number;
  /** Full-load time over psql \copy time of the same tables (1 = as fast as reading them out). */
  readonly fullLoadToPsqlRatio: number;
  readonly sustainedChanges: number;
  readonly sustainedChangesPerSecond: number;
  readonly latencyChanges: number;
  readonly latencyP50Ms: number;
  readonly latencyP99Ms: number;
}

const run = promisify(execFile);

const log = (line: string): void => void process.stderr.write(`[cdc bench] ${line}\n`);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export async function cdcBench(options: { scale?: number } = {}): Promise<CdcBenchResult> {
  const scale = options.scale ?? Number(process.env.CDC_BENCH_SCALE ?? 1);
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 4 });
  // A client still checked out when the server stops must not crash the process.
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', () => undefined);
  const root = path.join('/tmp', `autocorp-cdc-bench-${randomUUID()}`);
  await mkdir(path.join(root, 'lake'), { recursive: true });
  const store = openObjectStore(pathToFileURL(path.join(root, 'lake')).href);
  try {
    await migrate({ pool, displayAddress: server.url });
    await generate({ seed: 42, scale, targets: ['postgres'], pool, progress: false });
    await pool.query('VACUUM ANALYZE');
    log('source generated');

    let started = performance.now();
    for (const table of SOURCE_TABLE_NAMES) await run('psql', [server.url, '-q', '-c', `\\copy ${table} to '/dev/null' csv`]);
    const psqlCopySeconds = (performance.now() - started) / 1000;

    log(`psql \\copy ${psqlCopySeconds.toFixed(2)} s`);
    const load = await runFullLoad({ connection: server.connectionConfig, store });
    log(`full load ${load.rows} rows in ${load.seconds.toFixed(2)} s`);

    // Sustained: 20 transactions of 10,000 updates each, as fast as PostgreSQL takes them.
    const batches: { batch: CdcBatch; at: number }[] = [];
    const runner = startCdc({ connection: server.connectionConfig, store, onBatch: (batch) => void batches.push({ batch, at: Date.now() }) });
    await runner.streaming;
    let failure: unknown;
    runner.done.catch((error: unknown) => (failure = error));
    const waitUntil = async (ready: () => boolean): Promise<void> => {
      while (!ready()) {
        if (failure !== undefined) throw failure;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    let sustainedChanges = 0;
    started = performance.now();
    for (let i = 0; i < 20; i++) {
      sustainedChanges += (await pool.query(`UPDATE sales_order_parts SET quantity = quantity + 1 WHERE line_item_id IN (SELECT line_item_id FROM sales_order_parts ORDER BY line_item_id OFFSET ${i * 10_000} LIMIT 10000)`)).rowCount ?? 0;
    }
    log(`${sustainedChanges} updates committed`);
    await waitUntil(() => batches.reduce((n, b) => n + b.batch.rows, 0) >= sustainedChanges);
    log('sustained phase captured');
    const sustainedSeconds = (performance.now() - started) / 1000;
    batches.length = 0;

    // Latency: 100 transactions/s of 10 inserts each for 10 s.
    const latencySeconds = 10;
    const client = new pg.Client(server.connectionConfig);
    client.on('error', () => undefined);
    await client.connect();
    const base = 900_000_000;
    let n = 0;
    const t0 = Date.now();
    for (let tick = 0; tick < latencySeconds * 100; tick++) {
      const due = t0 + tick * 10;
      const wait = due - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const values = Array.from({ length: 10 }, (_, i) => `(${base + n + i}, 'W', 'L', 'lat${base + n + i}@x.com', 'NY')`).join(', ');
      await client.query(`INSERT INTO customers (customer_id, first_name, last_name, email, state) VALUES ${values}`);
      n += 10;
    }
    await client.end();
    log(`${n} inserts committed at 1,000 changes/s`);
    await waitUntil(() => batches.reduce((s, b) => s + b.batch.files.filter((f) => f.table === 'customers').reduce((x, f) => x + f.rows, 0), 0) >= n);
    await runner.stop();

    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const latencies: number[] = [];
    for (const { batch, at } of batches) {
      for (const file of batch.files.filter((f) => f.table === 'customers')) {
        const reader = await duck.runAndReadAll(`SELECT epoch_ms(_cdc_commit_ts) AS ms FROM read_parquet('${store.localPath(file.key)}')`);
        for (const row of reader.getRowObjects()) latencies.push(at - Number(row.ms));
      }
    }
    latencies.sort((a, b) => a - b);
    return {
      scale,
      fullLoadRows: load.rows,
      fullLoadSeconds: load.seconds,
      fullLoadRowsPerSecond: load.rows / load.seconds,
      psqlCopySeconds,
      fullLoadToPsqlRatio: load.seconds / psqlCopySeconds,
      sustainedChanges,
      sustainedChangesPerSecond: sustainedChanges / sustainedSeconds,
      latencyChanges: latencies.length,
      latencyP50Ms: percentile(latencies, 50),
      latencyP99Ms: percentile(latencies, 99),
    };
  } finally {
    await pool.end().catch(() => undefined);
    await server.stop();
    await rm(root, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cdcBench().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
