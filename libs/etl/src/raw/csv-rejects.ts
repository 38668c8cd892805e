import { type JobDefinition, changesViewName, csvTextViewName } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';
import { splitCsvRecord } from './csv-fields';
import { type CsvFileMap, physicalLineOf } from './csv-file-map';
import { CSV_ROW_REASONS, createCsvRowReasons, describeFieldCount } from './csv-row-reasons';
import { EXTRA_FIELD, type CsvScan } from './load-csv-source';
import { checkCsvFiles } from './reconcile-csv-files';
import type { RejectedLine } from './rejected-line';
import { storeKeySql } from './store-paths';

/**
 * Name of the table of a scan's rejected lines: `_source_file` (store key), `unit` (the reader's line
 * number: blank lines count, a record over several lines counts once), `line` (the physical line it
 * starts on), `csv_line` (without line break characters around it), `column_name`, `reason`.
 */
export function rejectedLinesTable(scan: CsvScan): string {
  return `_etl_rejected_lines_${scan.source.view}`;
}

/**
 * After the batch is built: checks that every record of every file was read or rejected
 * (reconcile-csv-files), then the lines DuckDB's reader rejected (two or more fields more than the
 * header has, broken quoting, invalid UTF-8) become malformed rows of the batch, with their line,
 * text and reason, through the job's own transform (the database sources emptied first, so that
 * only these rows come out). Returns the number of rejected lines.
 */
export async function appendRejectedCsvLines(
  db: EtlDuckDb,
  job: JobDefinition,
  batchTable: string,
  outputs: string,
  scans: readonly CsvScan[],
): Promise<number> {
  await createCsvRowReasons(db);
  let total = 0;
  for (const scan of scans) {
    const maps = await scan.maps;
    const rejected = await readRejectedLines(db, scan, maps);
    await checkCsvFiles(db, batchTable, scan, maps, rejected);
    await writeRejectedLines(db, rejectedLinesTable(scan), rejected);
    total += rejected.length;
  }
  if (total === 0) return 0;
  // The batch is built: the sources are read again only to pass the rejected lines through the transform.
  for (const source of job.sources)
    if (source.kind === 'database') await db.run(`DELETE FROM ${changesViewName(source)}`);
  for (const scan of scans) {
    const names = scan.source.columns.map((c) => quoteIdentifier(c.name));
    await db.run(
      `CREATE OR REPLACE TEMP VIEW ${csvTextViewName(scan.source)} AS SELECT ${names.map((n) => `CAST(NULL AS VARCHAR) AS ${n}`).join(', ')},
         _source_file, line AS _source_line, csv_line AS _raw_row, TRUE AS _malformed FROM ${rejectedLinesTable(scan)} ORDER BY _source_file, line`,
    );
  }
  await db.run(`INSERT INTO ${batchTable} SELECT ${outputs} FROM (${job.transformSql}) x`);
  for (const scan of scans) {
    await db.run(
      `INSERT INTO ${CSV_ROW_REASONS} SELECT b.rowid, r.column_name, r.reason FROM ${batchTable} b JOIN ${rejectedLinesTable(scan)} r ON r._source_file = b._source_file AND r.line = b._source_line
       WHERE b.rowid NOT IN (SELECT _row_id FROM ${CSV_ROW_REASONS})`,
    );
  }
  return total;
}

/** DuckDB's rejects of a scan, one per line, with the reader's error as the reason (invalid UTF-8 and field counts told in our words). */
async function readRejectedLines(db: EtlDuckDb, scan: CsvScan, maps: readonly CsvFileMap[]): Promise<RejectedLine[]> {
  const hasRejects =
    scan.files.length > 0 &&
    (await db.count(`SELECT count(*) FROM duckdb_tables() WHERE table_name = ${quoteLiteral(scan.rejectsTable)}`)) > 0;
  const rows = hasRejects
    ? await db.rows(
        `SELECT ${storeKeySql('s.file_path', scan.root)} AS file, CAST(e.line AS BIGINT) AS unit, trim(first(e.csv_line ORDER BY e.column_idx), chr(13) || chr(10)) AS text,
           first(CAST(e.error_type AS VARCHAR) ORDER BY e.column_idx) AS error_type, first(e.error_message ORDER BY e.column_idx) AS error_message, first(e.column_name ORDER BY e.column_idx) AS column_name
         FROM ${scan.rejectsTable} e JOIN ${scan.rejectScansTable} s ON s.scan_id = e.scan_id AND s.file_id = e.file_id GROUP BY ALL ORDER BY file, unit`,
      )
    : [];
  for (const name of [scan.rejectsTable, scan.rejectScansTable]) await db.run(`DROP TABLE IF EXISTS ${name}`);
  const header = scan.source.columns.map((c) => c.name);
  return rows.map((row) => {
    const file = String(row['file']);
    const unit = Number(row['unit']);
    const text = String(row['text'] ?? '');
    const map = maps[scan.files.findIndex((f) => f.key === file)];
    const line = map ? physicalLineOf(map, unit) : unit;
    const utf8 = map?.invalidUtf8.find((u) => u.unit === unit);
    if (utf8) {
      return {
        file,
        unit,
        line,
        text,
        column: utf8.field === undefined ? undefined : header[utf8.field],
        reason: `invalid UTF-8 at byte offset ${utf8.offset} (line ${utf8.line})`,
      };
    }
    const type = String(row['error_type']);
    if (type === 'TOO MANY COLUMNS')
      return { file, unit, line, text, ...describeFieldCount(splitCsvRecord(text).length, header) };
    const column =
      row['column_name'] === null || row['column_name'] === EXTRA_FIELD ? undefined : String(row['column_name']);
    return { file, unit, line, text, column, reason: `${type.toLowerCase()}: ${String(row['error_message'])}` };
  });
}

async function writeRejectedLines(db: EtlDuckDb, table: string, rejected: readonly RejectedLine[]): Promise<void> {
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${table} (_source_file VARCHAR, unit BIGINT, line BIGINT, csv_line VARCHAR, column_name VARCHAR, reason VARCHAR)`,
  );
  for (let i = 0; i < rejected.length; i += 1000) {
    const values = rejected
      .slice(i, i + 1000)
      .map(
        (r) =>
          `(${quoteLiteral(r.file)}, ${r.unit}, ${r.line}, ${quoteLiteral(r.text)}, ${r.column === undefined ? 'NULL' : quoteLiteral(r.column)}, ${quoteLiteral(r.reason)})`,
      );
    await db.run(`INSERT INTO ${table} VALUES ${values.join(', ')}`);
  }
}
