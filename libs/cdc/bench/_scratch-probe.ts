// Scratch experiment (deleted before hand-off): walsender raw speed vs our consumer on the same backlog.
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { openObjectStore } from '@autocorp/lake-storage';
import { startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';
import { runFullLoad, startCdc } from '../src/index';

const run = promisify(execFile);
const server = await startThrowawayPostgres();
const pool = new pg.Pool({ ...server.connectionConfig, max: 2 });
pool.on('error', () => undefined);
const root = path.join('/tmp', `cdc2-scratch-${randomUUID()}`);
await mkdir(path.join(root, 'lake'), { recursive: true });
const store = openObjectStore(pathToFileURL(path.join(root, 'lake')).href);
const N = Number(process.env.N ?? 200_000);
try {
  await pool.query(`CREATE TABLE sales_order_parts (line_item_id bigint PRIMARY KEY, order_id bigint NOT NULL, sku varchar(50) NOT NULL, quantity int NOT NULL,
    unit_price numeric(10,2) NOT NULL, line_total numeric(12,2) NOT NULL, created_at timestamp(6) NOT NULL DEFAULT now());
    ALTER TABLE sales_order_parts REPLICA IDENTITY FULL;
    INSERT INTO sales_order_parts SELECT g, g / 3, 'SKU-' || (g % 5000), 1 + g % 4, 12.34, 24.68, now() FROM generate_series(1, ${N}) g;`);
  await runFullLoad({ connection: server.connectionConfig, store, tables: ['sales_order_parts'] });
  await pool.query(`SELECT pg_create_logical_replication_slot('probe', 'pgoutput')`);
  let t = performance.now();
  for (let i = 0; i < 20; i++) await pool.query(`UPDATE sales_order_parts SET quantity = quantity + 1 WHERE line_item_id > ${(i * N) / 20} AND line_item_id <= ${((i + 1) * N) / 20}`);
  const pgSeconds = (performance.now() - t) / 1000;
  const { rows } = await pool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  const end = rows[0]?.lsn as string;
  console.log(`pg alone ${pgSeconds.toFixed(2)} s (${Math.round(N / pgSeconds)}/s)`);
  t = performance.now();
  await run('pg_recvlogical', ['-d', server.url, '--slot', 'probe', '--start', '-E', end, '-o', 'proto_version=2', '-o', 'publication_names=autocorp_cdc', '-f', '/dev/null', '--no-loop']);
  const rawSeconds = (performance.now() - t) / 1000;
  console.log(`pg_recvlogical to /dev/null ${rawSeconds.toFixed(2)} s (${Math.round(N / rawSeconds)}/s)`);
  const session = process.env.PROFILE ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  t = performance.now();
  let captured = 0;
  let doneAt = 0;
  const runner = startCdc({
    connection: server.connectionConfig,
    store,
    tables: ['sales_order_parts'],
    onBatch: (b) => {
      captured += b.rows;
      console.log(`  batch ${b.reason} ${b.rows} rows files=${b.files.length} at ${((performance.now() - t) / 1000).toFixed(2)} s`);
      if (captured >= N && !doneAt) doneAt = performance.now();
    },
  });
  await runner.streaming;
  while (!doneAt) await new Promise((r) => setTimeout(r, 5));
  await runner.stop();
  const cdcSeconds = (doneAt - t) / 1000;
  console.log(`cdc catch-up ${cdcSeconds.toFixed(2)} s (${Math.round(N / cdcSeconds)}/s)`);
  if (session && process.env.PROFILE) {
    const { profile } = await session.post('Profiler.stop');
    await writeFile(process.env.PROFILE, JSON.stringify(profile));
  }
} finally {
  await pool.end();
  await server.stop();
  await rm(root, { recursive: true, force: true });
}
