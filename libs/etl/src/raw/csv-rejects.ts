import { type JobDefinition, changesViewName, csvTextViewName } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { sqlIdent, sqlString } from '../duckdb/sql-text';
import type { CsvScan } from './load-csv-source';
import { storeKeySql } from './store-paths';

/** Name of the table of a scan's rejected lines: `_source_file` (store key), `line`, `csv_line` (without line break characters around it). */
export function rejectedLinesTable(scan: CsvScan): string {
  return `_etl_rejected_lines_${scan.source.view}`;
}

/**
 * After the batch is built: the lines DuckDB's reader rejected (two or more fields more than the
 * header has, broken quoting, invalid UTF-8) become malformed rows of the batch, with their line and text, through the
 * job's own transform (the database sources emptied first, so that only these rows come out).
 * Returns the number of rejected lines.
 */
export async function appendRejectedCsvLines(db: EtlDuckDb, job: JobDefinition, batchTable: string, outputs: string, scans: readonly CsvScan[]): Promise<number> {
  let total = 0;
  for (const scan of scans) {
    const table = rejectedLinesTable(scan);
    const hasRejects = scan.files.length > 0 && (await db.count(`SELECT count(*) FROM duckdb_tables() WHERE table_name = ${sqlString(scan.rejectsTable)}`)) > 0;
    await db.run(
      hasRejects
        ? `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${storeKeySql('s.file_path', scan.root)} AS _source_file, CAST(e.line AS BIGINT) AS line, trim(first(e.csv_line), chr(13) || chr(10)) AS csv_line
           FROM ${scan.rejectsTable} e JOIN ${scan.rejectScansTable} s ON s.scan_id = e.scan_id AND s.file_id = e.file_id GROUP BY ALL`
        : `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT CAST(NULL AS VARCHAR) AS _source_file, CAST(NULL AS BIGINT) AS line, CAST(NULL AS VARCHAR) AS csv_line WHERE false`,
    );
    for (const name of [scan.rejectsTable, scan.rejectScansTable]) await db.run(`DROP TABLE IF EXISTS ${name}`);
    total += await db.count(`SELECT count(*) FROM ${table}`);
  }
  if (total === 0) return 0;
  // The batch is built: the sources are read again only to pass the rejected lines through the transform.
  for (const source of job.sources) if (source.kind === 'database') await db.run(`DELETE FROM ${changesViewName(source)}`);
  for (const scan of scans) {
    const names = scan.source.columns.map((c) => sqlIdent(c.name));
    await db.run(
      `CREATE OR REPLACE TEMP VIEW ${csvTextViewName(scan.source)} AS SELECT ${names.map((n) => `CAST(NULL AS VARCHAR) AS ${n}`).join(', ')},
         _source_file, line AS _source_line, csv_line AS _raw_row, TRUE AS _malformed FROM ${rejectedLinesTable(scan)} ORDER BY _source_file, line`,
    );
  }
  await db.run(`INSERT INTO ${batchTable} SELECT ${outputs} FROM (${job.transformSql}) x`);
  return total;
}
