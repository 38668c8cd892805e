import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { jobByName } from '@autocorp/etl-jobs';
import { rawCsvPrefix } from '@autocorp/lake-storage';
import { runJobs } from '../src/index';
import { type EtlBenchOptions, secondsSince } from './bench-timer';
import { handFusedCsvDedup } from './csv-dedup-floor';
import { generatedLake } from './generated-lake';

export interface CsvDedupBenchResult {
  readonly scale: number;
  readonly csvRows: number;
  /** The sales_order job on CSV input only: read, rules, quarantine, dedup, Hudi upsert. */
  readonly etlSeconds: number;
  /** Plain DuckDB: read the same CSV files typed, keep the latest version per invoice, write one Parquet file. */
  readonly duckdbSeconds: number;
  readonly ratio: number;
  readonly etlRows: number;
  readonly duckdbRows: number;
  /** The hand-fused floor (csv-dedup-floor): the job's reading, casts, rules, dedup and Hudi columns, nothing else. */
  readonly floorSeconds: number;
  readonly floorRows: number;
}

/**
 * The CSV half of sales_order: CDC captures only the catalog and customers (so the job reads CSV orders
 * alone), then the job's run is timed against plain DuckDB doing the same dedup into one Parquet file.
 */
export async function csvDedupBench(options: EtlBenchOptions): Promise<CsvDedupBenchResult> {
  const lake = await generatedLake({
    scale: options.scale,
    folder: path.join(options.workDir, 'csv-dedup'),
    cdcTables: ['auto_parts', 'service', 'service_parts', 'customers'],
    ...(options.log ? { log: options.log } : {}),
    ...(options.business ? { business: options.business } : {}),
  });
  try {
    const ready = await runJobs({ store: lake.store, cdcSlot: lake.cdcSlot, jobs: ['customers'] });
    if (ready.some((r) => r.status !== 'committed'))
      throw new Error(`customers did not commit: ${ready.map((r) => r.error).join('; ')}`);
    const files: string[] = [];
    for await (const info of lake.store.list(rawCsvPrefix('sales_orders')))
      files.push(lake.store.localPath(info.key) as string);

    let start = performance.now();
    const [run] = (await runJobs({ store: lake.store, cdcSlot: lake.cdcSlot, jobs: ['sales_order'] })).filter(
      (r) => r.job === 'sales_order',
    );
    const etlSeconds = secondsSince(start);
    if (run?.status !== 'committed') throw new Error(`sales_order did not commit: ${run?.error ?? 'no report'}`);

    const instance = await DuckDBInstance.create(':memory:', {
      threads: '2',
      memory_limit: '4GB',
      preserve_insertion_order: 'true',
    });
    const connection = await instance.connect();
    try {
      const columns = jobByName('sales_order').sources.flatMap((s) => (s.kind === 'csv' ? s.columns : []));
      const spec = `{${columns.map((c) => `'${c.name}': '${c.type === 'STRING' ? 'VARCHAR' : c.type === 'INT' ? 'INTEGER' : c.type}'`).join(', ')}}`;
      const output = path.join(options.workDir, 'csv-dedup', 'plain-duckdb.parquet');
      start = performance.now();
      await connection.run(
        `COPY (SELECT * FROM read_csv([${files.map((f) => `'${f}'`).join(', ')}], columns = ${spec}, header = true, auto_detect = false, ignore_errors = true)
           WHERE invoice_number IS NOT NULL
           QUALIFY row_number() OVER (PARTITION BY invoice_number ORDER BY updated_at DESC) = 1)
         TO '${output}' (FORMAT parquet, COMPRESSION snappy)`,
      );
      const duckdbSeconds = secondsSince(start);
      const counted = await connection.runAndReadAll(`SELECT count(*)::BIGINT FROM read_parquet('${output}')`);
      const lines = await connection.runAndReadAll(
        `SELECT count(*)::BIGINT FROM read_csv([${files.map((f) => `'${f}'`).join(', ')}], columns = {'line': 'VARCHAR'}, header = true, auto_detect = false, delim = '\u0001', quote = '')`,
      );
      const floor = await handFusedCsvDedup(lake.store, files, path.join(options.workDir, 'csv-dedup'));
      return {
        floorSeconds: floor.seconds,
        floorRows: floor.rows,
        scale: options.scale,
        csvRows: Number(lines.getRows()[0]?.[0] ?? 0),
        etlSeconds,
        duckdbSeconds,
        ratio: Math.round((etlSeconds / duckdbSeconds) * 100) / 100,
        etlRows: run.counts.inserted,
        duckdbRows: Number(counted.getRows()[0]?.[0] ?? 0),
      };
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  } finally {
    await lake.close();
  }
}
