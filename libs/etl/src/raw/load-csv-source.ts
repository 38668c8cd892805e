import type { ObjectInfo, ObjectStore } from '@autocorp/lake-storage';
import { type CsvSource, csvTextViewName, renderCsvTypedSelect } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { sqlIdent, sqlString } from '../duckdb/sql-text';
import { EtlError } from '../etl-error';
import { localPathOf } from './store-paths';

/**
 * Reads the CSV files of a source and defines `<view>_text` over them: every field VARCHAR, the store key,
 * the line number (header = line 1), and `_malformed` lines (wrong number of fields, kept with their
 * original text in `_raw_row`). Defines the typed view `<view>`. Each file is read once into a temp table;
 * the text view only adds line numbers and the malformed lines. Returns the number of data lines read.
 */
export async function loadCsvSource(db: EtlDuckDb, store: ObjectStore, source: CsvSource, files: readonly ObjectInfo[]): Promise<number> {
  const text = csvTextViewName(source);
  const parts: string[] = [];
  let lines = 0;
  for (const [index, file] of files.entries()) {
    const loaded = await loadCsvFile(db, store, source, file.key, index + 1);
    parts.push(...loaded.selects);
    lines += loaded.lines;
  }
  if (parts.length === 0) {
    const empty = source.columns.map((c) => `CAST(NULL AS VARCHAR) AS ${sqlIdent(c.name)}`).join(', ');
    parts.push(`SELECT ${empty}, CAST(NULL AS VARCHAR) AS _source_file, CAST(NULL AS BIGINT) AS _source_line, CAST(NULL AS VARCHAR) AS _raw_row, CAST(NULL AS BOOLEAN) AS _malformed WHERE false`);
  }
  await db.run(`CREATE OR REPLACE TEMP VIEW ${text} AS ${parts.join('\nUNION ALL\n')}`);
  await db.run(`CREATE OR REPLACE TEMP VIEW ${source.view} AS ${renderCsvTypedSelect(source)}`);
  return lines;
}

/** Reads one file; returns the SELECTs of its rows for the text view and its number of data lines. */
async function loadCsvFile(db: EtlDuckDb, store: ObjectStore, source: CsvSource, key: string, index: number): Promise<{ selects: string[]; lines: number }> {
  const path = localPathOf(store, key);
  const tag = `${source.view}_${index}`;
  const rejects = `_etl_rejects_${tag}`;
  const scans = `_etl_reject_scans_${tag}`;
  const rows = `_etl_rows_${tag}`;
  const rejected = `_etl_rejected_lines_${tag}`;
  const thresholds = `_etl_reject_thresholds_${tag}`;
  const trailing = `_etl_trailing_delimiter_lines_${tag}`;
  const columns = `{${source.columns.map((c) => `${sqlString(c.name)}: 'VARCHAR'`).join(', ')}}`;
  const names = source.columns.map((c) => sqlIdent(c.name));
  try {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${rows} AS SELECT *, ordinality AS _ord FROM read_csv(${sqlString(path)}, columns = ${columns}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', parallel = false, store_rejects = true, rejects_table = ${sqlString(rejects)}, rejects_scan = ${sqlString(scans)}) WITH ORDINALITY`,
    );
  } catch (error) {
    throw new EtlError('source-unreadable', `The CSV file ${key} cannot be read (${(error as Error).message}); check that it is UTF-8 CSV with a header row.`, {
      cause: error,
    });
  }
  await markTrailingDelimiterLines(db, path, source.columns.length, trailing);
  // Rejected lines shift the ordinal of the rows after them: line = ordinal + 1 (header) + rejects before it.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${rejected} AS SELECT line, first(csv_line) AS csv_line, row_number() OVER (ORDER BY line) AS k FROM (SELECT DISTINCT line, csv_line FROM ${rejects}) GROUP BY line`,
  );
  await db.run(`CREATE OR REPLACE TEMP TABLE ${thresholds} AS SELECT line - k AS t, max(k) AS k FROM ${rejected} GROUP BY line - k`);
  for (const table of [rejects, scans]) await db.run(`DROP TABLE IF EXISTS ${table}`);
  const rejectCount = await db.count(`SELECT count(*) FROM ${rejected}`);
  const rowCount = await db.count(`SELECT count(*) FROM ${rows}`);
  const numbered =
    rejectCount === 0
      ? `SELECT r.*, CAST(r._ord + 1 AS BIGINT) AS _line FROM ${rows} r`
      : `SELECT r.*, CAST(r._ord + 1 + COALESCE(th.k, 0) AS BIGINT) AS _line FROM ${rows} r ASOF LEFT JOIN ${thresholds} th ON r._ord >= th.t`;
  return {
    selects: [
      `SELECT ${names.map((n) => `CASE WHEN x.line IS NULL THEN n.${n} END AS ${n}`).join(', ')}, ${sqlString(key)} AS _source_file, n._line AS _source_line, x.line_text AS _raw_row, x.line IS NOT NULL AS _malformed
       FROM (${numbered}) n LEFT JOIN ${trailing} x ON x.line = n._line`,
      `SELECT ${names.map((n) => `CAST(NULL AS VARCHAR) AS ${n}`).join(', ')}, ${sqlString(key)} AS _source_file, CAST(line AS BIGINT) AS _source_line, csv_line AS _raw_row, TRUE AS _malformed FROM ${rejected}`,
    ],
    lines: rowCount + rejectCount,
  };
}

/**
 * DuckDB's reader accepts a line with one empty field too many (`a,b,c,`) as if the last delimiter were
 * not there, so such lines are found on the raw text: lines ending in a comma whose comma count outside
 * double quotes gives more fields than the header has. Fills `table(line, line_text)`.
 */
async function markTrailingDelimiterLines(db: EtlDuckDb, path: string, fields: number, table: string): Promise<void> {
  const unquoted = `regexp_replace(line_text, '"[^"]*"', '', 'g')`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT CAST(ordinality + 1 AS BIGINT) AS line, line_text
     FROM read_csv(${sqlString(path)}, columns = {'line_text': 'VARCHAR'}, header = true, auto_detect = false, delim = ${sqlString('\u0001')}, quote = '', escape = '', new_line = '\\n', parallel = false) WITH ORDINALITY
     WHERE suffix(line_text, ',') AND length(${unquoted}) - length(replace(${unquoted}, ',', '')) + 1 > ${fields}`,
  );
}

/**
 * The raw row of the well-formed lines of the job's CSV sources named in `lines` (a FROM item with
 * `_source_file`, `_source_line`), as JSON of the fields: a FROM item with `_source_file`, `_source_line`,
 * `_raw_json`, rendered only for those lines. Undefined when there is no CSV source.
 */
export function csvRawRowsSql(sources: readonly CsvSource[], lines: string): string | undefined {
  if (sources.length === 0) return undefined;
  const parts = sources.map((source) => {
    const json = `to_json({${source.columns.map((c) => `${sqlString(c.name)}: t.${sqlIdent(c.name)}`).join(', ')}})`;
    return `SELECT t._source_file, t._source_line, CAST(${json} AS VARCHAR) AS _raw_json FROM ${csvTextViewName(source)} t
      SEMI JOIN ${lines} q ON q._source_file = t._source_file AND q._source_line = t._source_line WHERE NOT t._malformed`;
  });
  return `(${parts.join(' UNION ALL ')})`;
}
