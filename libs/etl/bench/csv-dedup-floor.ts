import path from 'node:path';
import {
  type CsvSource,
  type JobDefinition,
  csvTextViewName,
  duckdbType,
  isRowRule,
  jobByName,
  referenceViewName,
  renderCsvTypedSelect,
  renderRowPredicate,
} from '@autocorp/etl-jobs';
import type { ObjectStore } from '@autocorp/lake-storage';
import { quoteIdentifier, quoteList, quoteLiteral } from '@autocorp/duckdb/sql';
import { defineCuratedView } from '../src/curated/curated-table';
import { EtlDuckDb } from '../src/duckdb/etl-duckdb';
import { secondsSince } from './bench-timer';

/** The hand-fused pipeline's time and the rows it wrote. */
export interface CsvDedupFloor {
  readonly seconds: number;
  readonly rows: number;
}

/**
 * The floor of the CSV sales_order job: the same work written by hand as three DuckDB statements, with none
 * of the job's bookkeeping. (1) read the CSV files as text, cast them as the job's CSV view does, run the
 * transform and every row rule into one batch table with a `_failed` flag; (2) one aggregation for the
 * latest version per key among the rows that passed; (3) one COPY of the winners with Hudi's five meta
 * columns and the table's types, partitioned by the partition field. No file map, no rejected lines, no
 * line numbers, no quarantine, no timeline, no version conflicts. Reads the customers reference from `store`.
 */
export async function handFusedCsvDedup(
  store: ObjectStore,
  files: readonly string[],
  outDir: string,
): Promise<CsvDedupFloor> {
  const job = jobByName('sales_order');
  const source = job.sources.find((s): s is CsvSource => s.kind === 'csv') as CsvSource;
  const db = await EtlDuckDb.open();
  try {
    for (const name of new Set(job.rules.flatMap((r) => ('job' in r ? [r.job] : []))))
      await defineCuratedView(db, store, jobByName(name), referenceViewName(name));
    await defineViews(db, job, source, files);
    const start = performance.now();
    const rules = job.rules.filter(isRowRule);
    const ctx = { rowAlias: 't', referenceView: referenceViewName };
    const failed = rules.map((r) => `NOT ${renderRowPredicate(r, 'duckdb', ctx)}`).join(' OR ');
    await db.run(
      `CREATE TEMP TABLE floor_batch AS SELECT t.*, (${failed}) IS TRUE AS _failed FROM (${job.transformSql}) t`,
    );
    const pre = quoteIdentifier(job.hudi.precombineField);
    const keys = job.hudi.recordKeyFields.map(quoteIdentifier);
    await db.run(
      `CREATE TEMP TABLE floor_winners AS SELECT arg_max(rowid, struct_pack(a := ${pre} IS NOT NULL, b := ${pre}, c := rowid)) AS _row_id
       FROM floor_batch WHERE NOT _failed GROUP BY ${keys.join(', ')}`,
    );
    const instant = '20260101000000000';
    const partition = quoteIdentifier(job.hudi.partitionFields[0] as string);
    const partitionPath = `${quoteLiteral(`${job.hudi.partitionFields[0]}=`)} || CAST(b.${partition} AS VARCHAR)`;
    const data = job.columns.map((c) => {
      const type = duckdbType(c.type);
      const cast = type.startsWith('DECIMAL') ? 'DECIMAL(38,2)' : type === 'TIMESTAMP' ? 'TIMESTAMPTZ' : type;
      return `CAST(b.${quoteIdentifier(c.name)} AS ${cast}) AS ${quoteIdentifier(c.name)}`;
    });
    const written = await db.rows(
      `COPY (SELECT ${quoteLiteral(instant)} AS _hoodie_commit_time,
          ${quoteLiteral(`${instant}_`)} || CAST(b.${partition} AS VARCHAR) || '_' || CAST(b.rowid AS VARCHAR) AS _hoodie_commit_seqno,
          CAST(b.${keys[0]} AS VARCHAR) AS _hoodie_record_key, ${partitionPath} AS _hoodie_partition_path,
          ${partitionPath} || '-0_0-1-0_${instant}.parquet' AS _hoodie_file_name, ${data.join(', ')}, b.${partition} AS _floor_partition
        FROM floor_batch b SEMI JOIN floor_winners w ON w._row_id = b.rowid)
       TO ${quoteLiteral(path.join(outDir, 'hand-fused'))} (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (_floor_partition), OVERWRITE_OR_IGNORE)`,
    );
    return { seconds: secondsSince(start), rows: Number(Object.values(written[0] ?? {})[0] ?? 0) };
  } finally {
    await db.close();
  }
}

/** The job's CSV views over `files` (text as load-csv-source reads it, then its typed view) and empty database views. */
async function defineViews(db: EtlDuckDb, job: JobDefinition, source: CsvSource, files: readonly string[]) {
  const names = source.columns.map((c) => quoteIdentifier(c.name));
  const columns = `{${[...source.columns.map((c) => c.name), '_extra'].map((n) => `${quoteLiteral(n)}: 'VARCHAR'`).join(', ')}}`;
  const read = `read_csv(${quoteList(files)}, columns = ${columns}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', null_padding = true, nullstr = '\u0002', ignore_errors = true)`;
  await db.run(
    `CREATE TEMP VIEW ${csvTextViewName(source)} AS SELECT ${names.map((n) => `CASE WHEN NOT _malformed THEN ${n} END AS ${n}`).join(', ')},
       'csv' AS _source_file, CAST(NULL AS BIGINT) AS _source_line, CAST(NULL AS VARCHAR) AS _raw_row, _malformed
     FROM (SELECT *, (_extra IS NOT NULL OR ${names[names.length - 1]} IS NULL) AS _malformed FROM ${read})`,
  );
  await db.run(`CREATE TEMP VIEW ${source.view} AS ${renderCsvTypedSelect(source)}`);
  // The job also reads PostgreSQL orders; this bench has none: an empty view of the same columns.
  for (const s of job.sources)
    if (s.kind === 'database')
      await db.run(
        `CREATE TEMP VIEW ${s.view} AS SELECT *, CAST(NULL AS BIGINT) AS ${quoteIdentifier('order_id')} FROM ${source.view} WHERE false`,
      );
}
