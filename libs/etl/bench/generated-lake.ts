import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dropCdc, runCdcUntilIdle } from '@autocorp/cdc';
import { transferCsvFiles } from '@autocorp/csv-transfer';
import { CSV_FILES, generate } from '@autocorp/generator';
import { DEFAULT_CDC_SLOT, type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { migrate, startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';

/** A generated business to reuse: its PostgreSQL (left as found) and its CSV export folder. */
export interface ExistingBusiness {
  readonly connectionConfig: pg.ClientConfig;
  readonly pool: pg.Pool;
  readonly csvDir: string;
}

/** A PostgreSQL loaded by the generator, its CSV export, and a local lake fed by CDC and the CSV transfer. */
export interface GeneratedLake {
  readonly pool: pg.Pool;
  readonly store: ObjectStore;
  /** The lake folder (store root). */
  readonly lakeRoot: string;
  /** The generator's export folder (CSV files, manifest.json, manifest/). */
  readonly exportDir: string;
  /** The CDC slot feeding the lake (pass it to runJobs as `cdcSlot`). */
  readonly cdcSlot: string;
  /** Streams every change committed so far into the raw zone (full load first, of `cdcTables`). */
  cdc(): Promise<void>;
  /** Removes the lake; stops a server this lake started, or drops its CDC slot from a reused one. */
  close(): Promise<void>;
}

export interface GeneratedLakeOptions {
  readonly scale: number;
  readonly seed?: number;
  /** Reuse this business instead of generating one (a distinct CDC slot is used and dropped on close). */
  readonly business?: ExistingBusiness;
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

const seconds = (start: number) => ((performance.now() - start) / 1000).toFixed(1);

/**
 * Fills the raw zone of a fresh local lake as `npm start` does (CDC full load + stream, CSV transfer) from a
 * business generated at `scale` into a throwaway PostgreSQL and export folder, or from `business`.
 */
export async function generatedLake(options: GeneratedLakeOptions): Promise<GeneratedLake> {
  const log = options.log ?? (() => undefined);
  const root = options.folder ?? path.join('/tmp', `autocorp-etl-lake-${randomUUID()}`);
  await mkdir(root, { recursive: true, mode: 0o777 });
  const lakeRoot = path.join(root, 'lake');
  await mkdir(lakeRoot, { recursive: true });
  const store = openObjectStore(pathToFileURL(lakeRoot).href);
  const own = options.business === undefined ? await startThrowawayPostgres() : undefined;
  const pool = options.business?.pool ?? new pg.Pool({ ...own?.connectionConfig, max: 2 });
  if (own) {
    pool.on('connect', (client) => client.on('error', () => undefined));
    pool.on('error', () => undefined);
  }
  const connection = options.business?.connectionConfig ?? (own?.connectionConfig as pg.ClientConfig);
  const exportDir = options.business?.csvDir ?? path.join(root, 'export');
  const cdcSlot = own ? DEFAULT_CDC_SLOT : `autocorp_etl_bench_${randomUUID().slice(0, 8)}`;
  const cdcOptions = {
    connection,
    store,
    slotName: cdcSlot,
    publicationName: cdcSlot,
    tempRoot: root,
    ...(options.cdcTables ? { tables: options.cdcTables } : {}),
  };
  const cdc = async () => {
    await runCdcUntilIdle(cdcOptions);
  };
  const close = async () => {
    if (own) {
      await pool.end().catch(() => undefined);
      await own.stop();
    } else {
      await dropCdc(cdcOptions).catch(() => undefined);
    }
    await rm(root, { recursive: true, force: true });
  };
  try {
    if (own) {
      await migrate({ pool, displayAddress: own.url });
      const start = performance.now();
      await generate({
        seed: options.seed ?? 42,
        scale: options.scale,
        out: exportDir,
        targets: ['postgres', 'csv'],
        pool,
      });
      log(`generated scale ${options.scale} in ${seconds(start)} s`);
    }
    let start = performance.now();
    await cdc();
    log(`CDC full load in ${seconds(start)} s`);
    start = performance.now();
    const transfer = await transferCsvFiles({ sourceDir: exportDir, store, expectedHeaders: exportHeaders() });
    if (transfer.errors.length > 0)
      throw new Error(`CSV transfer failed: ${transfer.errors.map((e) => e.message).join('; ')}`);
    log(`CSV transfer in ${seconds(start)} s`);
  } catch (error) {
    await close();
    throw error;
  }
  return { pool, store, lakeRoot, exportDir, cdcSlot, cdc, close };
}

/** The business of a bench run's shared dataset (its server, pool and CSV folder), to reuse. */
export function reuseBusiness(dataset: {
  readonly postgres: { readonly connectionConfig: pg.ClientConfig };
  readonly pool: pg.Pool;
  readonly csvDir: string;
}): ExistingBusiness {
  return { connectionConfig: dataset.postgres.connectionConfig, pool: dataset.pool, csvDir: dataset.csvDir };
}
