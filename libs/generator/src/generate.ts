import type { SourceTableName } from '@autocorp/schema';
import { createContext } from './context';
import { type Manifest, buildManifest, writeManifest } from './csv-export/manifest';
import { type CustomersFileResult, writeCustomersCsv } from './csv-export/write-customers-csv';
import { type OrderFilesResult, writeOrderFiles } from './csv-export/write-order-files';
import { type GenerateOptions, validateOptions } from './generate-options';
import { GeneratorError } from './generator-error';
import { type TableLoad, loadPostgres } from './postgres/load-postgres';
import { type ProgressSteps, sharedTask, taskPerStep } from './progress-steps';
import type { PlannedCounts } from './scale';

export interface FileSummary {
  readonly rows: number;
  readonly bytes: number;
}

export interface GenerationSummary {
  readonly seed: number;
  readonly scale: number;
  readonly planned: PlannedCounts;
  /** Rows, COPY bytes and seconds per PostgreSQL table (empty without the postgres target). */
  readonly tables: Partial<Record<SourceTableName, { rows: number; bytes: number; seconds: number }>>;
  /** Rows (header excluded) and bytes per written file (empty without the csv target). */
  readonly files: Readonly<Record<string, FileSummary>>;
  readonly manifest: Manifest | undefined;
  readonly out: string | undefined;
  readonly seconds: { readonly total: number; readonly postgres: number; readonly csv: number };
}

interface CsvResult {
  readonly customers: CustomersFileResult;
  readonly orders: OrderFilesResult;
  readonly manifest: Manifest;
  readonly seconds: number;
}

function wrapWriteError(error: unknown, out: string): never {
  if (error instanceof GeneratorError) throw error;
  const reason = error instanceof Error ? error.message : String(error);
  throw new GeneratorError('write-failed', `writing the CSV export to ${out} failed: ${reason}`, { cause: error });
}

/**
 * Generates the AutoCorp business at `scale` from `seed`: loads the source PostgreSQL (one
 * transaction, COPY only) and/or writes the dirty CSV export with its manifest. Deterministic:
 * the same seed and scale give byte-identical files and identical tables.
 */
export async function generate(options: GenerateOptions): Promise<GenerationSummary> {
  const started = performance.now();
  const o = await validateOptions(options);
  const context = createContext(o.seed, o.scale);
  const c = context.counts;
  const concurrent = o.concurrent && o.postgres && o.csv;
  const pgRows =
    c.autoParts + c.service + c.serviceParts + c.customers + c.salesOrder + c.salesOrderParts + c.salesOrderServices;
  const progress: ProgressSteps = concurrent
    ? sharedTask(o.onProgress, 'csv export + postgres load', c.customersSource + c.csvOrderFileRows + pgRows)
    : taskPerStep(o.onProgress);

  const runPostgres = async (): Promise<{ loads: TableLoad[]; seconds: number }> => {
    if (!o.postgres || !o.pool) return { loads: [], seconds: 0 };
    const t = performance.now();
    const loads = await loadPostgres(context, o.pool, { replace: o.replace, progress });
    return { loads, seconds: (performance.now() - t) / 1000 };
  };
  const runCsv = async (): Promise<CsvResult | undefined> => {
    if (!o.csv || !o.out) return undefined;
    const out = o.out;
    const t = performance.now();
    try {
      const customers = await writeCustomersCsv(context, out, progress);
      const orders = await writeOrderFiles(context, out, progress);
      const manifest = buildManifest(context, customers, orders);
      await writeManifest(out, manifest);
      return { customers, orders, manifest, seconds: (performance.now() - t) / 1000 };
    } catch (error) {
      wrapWriteError(error, out);
    }
  };

  let pg: { loads: TableLoad[]; seconds: number };
  let csv: CsvResult | undefined;
  if (concurrent) {
    const [pgResult, csvResult] = await Promise.allSettled([runPostgres(), runCsv()]);
    progress.close();
    if (pgResult.status === 'rejected') throw pgResult.reason;
    if (csvResult.status === 'rejected') throw csvResult.reason;
    pg = pgResult.value;
    csv = csvResult.value;
  } else {
    pg = await runPostgres();
    csv = await runCsv();
  }

  const tables: GenerationSummary['tables'] = {};
  for (const l of pg.loads) tables[l.table] = { rows: l.rows, bytes: l.bytes, seconds: l.seconds };
  const files: Record<string, FileSummary> = {};
  if (csv) {
    const { customers, orders } = csv;
    for (const f of [customers, orders.orders, orders.parts, orders.services, orders.winners, orders.defects]) {
      files[f.file] = { rows: f.rows, bytes: f.bytes };
    }
  }
  return {
    seed: o.seed,
    scale: o.scale,
    planned: context.counts,
    tables,
    files,
    manifest: csv?.manifest,
    out: o.out,
    seconds: { total: (performance.now() - started) / 1000, postgres: pg.seconds, csv: csv?.seconds ?? 0 },
  };
}
