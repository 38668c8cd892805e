import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCdcUntilIdle } from '@autocorp/cdc';
import { transferCsvFiles } from '@autocorp/csv-transfer';
import { CSV_FILES, generate } from '@autocorp/generator';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { type ThrowawayPostgres, migrate, startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';

/** A throwaway PostgreSQL loaded by the generator, its CSV export, and a local lake fed by CDC and the CSV transfer. */
export interface GeneratedLake {
  readonly server: ThrowawayPostgres;
  readonly pool: pg.Pool;
  readonly store: ObjectStore;
  /** The lake folder (store root). */
  readonly lakeRoot: string;
  /** The generator's export folder (CSV files, manifest.json, manifest/). */
  readonly exportDir: string;
  /** Streams every change committed so far into the raw zone. */
  cdc(): Promise<void>;
  close(): Promise<void>;
}

const DATA_FILES = [CSV_FILES.customers, CSV_FILES.orders, CSV_FILES.parts, CSV_FILES.services];

/** Generates the business at `scale` into a fresh server and export folder, then fills the raw zone (CDC full load + transfer). */
export async function generatedLake(scale: number, seed = 42): Promise<GeneratedLake> {
  const root = path.join('/tmp', `autocorp-etl-test-${randomUUID()}`);
  await mkdir(root, { recursive: true, mode: 0o777 });
  const lakeRoot = path.join(root, 'lake');
  const exportDir = path.join(root, 'export');
  await mkdir(lakeRoot, { recursive: true });
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 2 });
  pool.on('error', () => undefined);
  const store = openObjectStore(pathToFileURL(lakeRoot).href);
  const cdc = async () => {
    await runCdcUntilIdle({ connection: server.connectionConfig, store });
  };
  try {
    await migrate({ pool, displayAddress: server.url });
    await generate({ seed, scale, out: exportDir, targets: ['postgres', 'csv'], pool, progress: false });
    await cdc();
    const transfer = await transferCsvFiles({
      sourceDir: exportDir,
      store,
      expectedHeaders: Object.fromEntries(DATA_FILES.map((f) => [f.name.replace(/\.csv$/, ''), f.columns])),
      progress: false,
    });
    if (transfer.errors.length > 0) throw new Error(`CSV transfer failed: ${transfer.errors.map((e) => e.message).join('; ')}`);
  } catch (error) {
    await pool.end().catch(() => undefined);
    await server.stop();
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return {
    server,
    pool,
    store,
    lakeRoot,
    exportDir,
    cdc,
    async close() {
      await pool.end().catch(() => undefined);
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
