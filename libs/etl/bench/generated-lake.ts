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
  /** Streams every change committed so far into the raw zone (full load first, of `cdcTables`). */
  cdc(): Promise<void>;
  close(): Promise<void>;
}

export interface GeneratedLakeOptions {
  readonly scale: number;
  readonly seed?: number;
  /** Folder to work in (created; removed by close()); default a new folder under /tmp. */
  readonly folder?: string;
  /** Source tables CDC captures; default all seven. */
  readonly cdcTables?: readonly string[];
  readonly log?: (line: string) => void;
}

const DATA_FILES = [CSV_FILES.customers, CSV_FILES.orders, CSV_FILES.parts, CSV_FILES.services];

/** The CSV transfer's expected header per raw CSV table. */
export function exportHeaders(): Record<string, readonly string[]> {
  return Object.fromEntries(DATA_FILES.map((f) => [f.name.replace(/\.csv$/, ''), f.columns]));
}

/**
 * Generates the business at `scale` into a fresh embedded PostgreSQL and an export folder, then fills the
 * raw zone of a local lake as `npm start` does: CDC full load (+ stream) and the CSV transfer.
 */
export async function generatedLake(options: GeneratedLakeOptions): Promise<GeneratedLake> {
  const log = options.log ?? (() => undefined);
  const root = options.folder ?? path.join('/tmp', `autocorp-etl-lake-${randomUUID()}`);
  await mkdir(root, { recursive: true, mode: 0o777 });
  const lakeRoot = path.join(root, 'lake');
  const exportDir = path.join(root, 'export');
  await mkdir(lakeRoot, { recursive: true });
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 2 });
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', () => undefined);
  const store = openObjectStore(pathToFileURL(lakeRoot).href);
  const cdc = async () => {
    await runCdcUntilIdle({ connection: server.connectionConfig, store, ...(options.cdcTables ? { tables: options.cdcTables } : {}) });
  };
  const close = async () => {
    await pool.end().catch(() => undefined);
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await migrate({ pool, displayAddress: server.url });
    let t = performance.now();
    await generate({ seed: options.seed ?? 42, scale: options.scale, out: exportDir, targets: ['postgres', 'csv'], pool, progress: false });
    log(`generated scale ${options.scale} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await cdc();
    log(`CDC full load in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const transfer = await transferCsvFiles({ sourceDir: exportDir, store, expectedHeaders: exportHeaders(), progress: false });
    if (transfer.errors.length > 0) throw new Error(`CSV transfer failed: ${transfer.errors.map((e) => e.message).join('; ')}`);
    log(`CSV transfer in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (error) {
    await close();
    throw error;
  }
  return { server, pool, store, lakeRoot, exportDir, cdc, close };
}
