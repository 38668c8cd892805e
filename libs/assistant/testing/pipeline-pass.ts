import { randomUUID } from 'node:crypto';
import { chmod, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Catalog, LocalCatalogBackend, crawlAll } from '@autocorp/catalog';
import { runCdcUntilIdle } from '@autocorp/cdc';
import { transferCsvFiles } from '@autocorp/csv-transfer';
import { type RunReport, runJobs } from '@autocorp/etl';
import { CSV_FILES, generate } from '@autocorp/generator';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { type ThrowawayPostgres, migrate, startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';

/** (The same pass as e2e/pipeline/test/support/pipeline-pass.ts, which a library cannot import.) The whole local pass with real parts: PostgreSQL, generator, CDC, CSV transfer, the ten ETL jobs, crawl. */
export interface PipelinePass {
  readonly server: ThrowawayPostgres;
  readonly pool: pg.Pool;
  readonly store: ObjectStore;
  readonly catalog: Catalog;
  /** The generator's export folder (CSV files, manifest/). */
  readonly exportDir: string;
  /** The lake folder (store root). */
  readonly lakeRoot: string;
  /** Streams the changes committed in PostgreSQL since the last pass, runs the jobs and crawls again. */
  cdcEtlCrawl(): Promise<RunReport[]>;
  close(): Promise<void>;
}

const DATA_FILES = [CSV_FILES.customers, CSV_FILES.orders, CSV_FILES.parts, CSV_FILES.services];

/** Generates the business at `scale` into a throwaway server and export folder, then runs CDC, transfer, ETL and crawl. */
export async function runPipelinePass(scale: number, seed = 42): Promise<PipelinePass> {
  const root = path.join('/tmp', `autocorp-assistant-lake-${randomUUID()}`);
  await mkdir(root, { recursive: true });
  await chmod(root, 0o777);
  const lakeRoot = path.join(root, 'lake');
  const exportDir = path.join(root, 'export');
  await mkdir(lakeRoot, { recursive: true });
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 2 });
  pool.on('error', () => undefined);
  const store = openObjectStore(pathToFileURL(lakeRoot).href);
  const catalog = new Catalog(new LocalCatalogBackend({ root: path.join(root, 'catalog') }));
  const cdcEtlCrawl = async (): Promise<RunReport[]> => {
    await runCdcUntilIdle({ connection: server.connectionConfig, store });
    const reports = await runJobs({ store });
    const bad = reports.filter((r) => r.status === 'failed' || r.status === 'blocked');
    if (bad.length > 0)
      throw new Error(`ETL jobs did not commit: ${bad.map((r) => `${r.job}: ${r.error ?? r.status}`).join('; ')}`);
    await crawlAll({ store, catalog });
    return reports;
  };
  const close = async () => {
    await pool.end().catch(() => undefined);
    await server.stop();
    await rm(root, { recursive: true, force: true });
  };
  try {
    await migrate({ pool, displayAddress: server.url });
    await generate({ seed, scale, out: exportDir, targets: ['postgres', 'csv'], pool });
    await runCdcUntilIdle({ connection: server.connectionConfig, store });
    const transfer = await transferCsvFiles({
      sourceDir: exportDir,
      store,
      expectedHeaders: Object.fromEntries(DATA_FILES.map((f) => [f.name.replace(/\.csv$/, ''), [...f.columns]])),
    });
    if (transfer.errors.length > 0)
      throw new Error(`CSV transfer failed: ${transfer.errors.map((e) => e.message).join('; ')}`);
    await cdcEtlCrawl();
  } catch (error) {
    await close();
    throw error;
  }
  return { server, pool, store, catalog, exportDir, lakeRoot, cdcEtlCrawl, close };
}
