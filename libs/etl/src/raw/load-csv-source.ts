import type { ObjectInfo, ObjectStore } from '@autocorp/lake-storage';
import { type CsvSource, csvTextViewName, renderCsvTypedSelect } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { sqlIdent, sqlString } from '../duckdb/sql-text';
import { EtlError } from '../etl-error';
import { localPathOf } from './store-paths';

/**
 * Reads the CSV files of a source as text into `<view>_text`: every field VARCHAR, the store key,
 * the line number (header = line 1), and `_malformed` lines (wrong number of fields, kept with their
 * original text in `_raw_row`). Defines the typed view `<view>`. Returns the number of data lines read.
 */
export async function loadCsvSource(db: EtlDuckDb, store: ObjectStore, source: CsvSource, files: readonly ObjectInfo[]): Promise<number> {
  const text = csvTextViewName(source);
  const fields = source.columns.map((c) => `${sqlIdent(c.name)} VARCHAR`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${text} (${fields.join(', ')}, _source_file VARCHAR, _source_line BIGINT, _raw_row VARCHAR, _malformed BOOLEAN)`,
  );
  let index = 0;
  for (const file of files) {
    index += 1;
    await loadCsvFile(db, store, source, file.key, index);
  }
  await db.run(`CREATE OR REPLACE TEMP VIEW ${source.view} AS ${renderCsvTypedSelect(source)}`);
  return db.count(`SELECT count(*) FROM ${text}`);
}

async function loadCsvFile(db: EtlDuckDb, store: ObjectStore, source: CsvSource, key: string, index: number): Promise<void> {
  const text = csvTextViewName(source);
  const path = localPathOf(store, key);
  const rejects = `_etl_rejects_${source.view}_${index}`;
  const scans = `_etl_reject_scans_${source.view}_${index}`;
  const rows = `_etl_rows_${source.view}_${index}`;
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
  await markTrailingDelimiterLines(db, path, source.columns.length);
  // Rejected lines shift the ordinal of the rows after them: line = ordinal + 1 (header) + rejects before it.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE _etl_rejected_lines AS SELECT line, first(csv_line) AS csv_line, row_number() OVER (ORDER BY line) AS k FROM (SELECT DISTINCT line, csv_line FROM ${rejects}) GROUP BY line`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE _etl_reject_thresholds AS SELECT line - k AS t, max(k) AS k FROM _etl_rejected_lines GROUP BY line - k`,
  );
  // `_raw_row` holds the line's text for malformed lines only; for the others `csvRawRowsSql` renders it on demand.
  await db.run(
    `INSERT INTO ${text} SELECT ${names.map((n) => `CASE WHEN x.line IS NULL THEN n.${n} END`).join(', ')}, ${sqlString(key)}, n._line, x.line_text, x.line IS NOT NULL
     FROM (SELECT r.*, CAST(r._ord + 1 + COALESCE(th.k, 0) AS BIGINT) AS _line FROM ${rows} r ASOF LEFT JOIN _etl_reject_thresholds th ON r._ord >= th.t) n
     LEFT JOIN ${TRAILING_DELIMITER_LINES} x ON x.line = n._line`,
  );
  await db.run(
    `INSERT INTO ${text} SELECT ${names.map(() => 'NULL').join(', ')}, ${sqlString(key)}, CAST(line AS BIGINT), csv_line, TRUE FROM _etl_rejected_lines`,
  );
  for (const table of [rows, rejects, scans, '_etl_rejected_lines', '_etl_reject_thresholds', TRAILING_DELIMITER_LINES]) await db.run(`DROP TABLE IF EXISTS ${table}`);
}

const TRAILING_DELIMITER_LINES = '_etl_trailing_delimiter_lines';

/**
 * DuckDB's reader accepts a line with one empty field too many (`a,b,c,`) as if the last delimiter were
 * not there, so such lines are found on the raw text: lines ending in a comma whose comma count outside
 * double quotes gives more fields than the header has. Fills `_etl_trailing_delimiter_lines(line, line_text)`.
 */
async function markTrailingDelimiterLines(db: EtlDuckDb, path: string, fields: number): Promise<void> {
  const unquoted = `regexp_replace(line_text, '"[^"]*"', '', 'g')`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${TRAILING_DELIMITER_LINES} AS SELECT CAST(ordinality + 1 AS BIGINT) AS line, line_text
     FROM read_csv(${sqlString(path)}, columns = {'line_text': 'VARCHAR'}, header = true, auto_detect = false, delim = '\x01', quote = '', escape = '', new_line = '\\n', parallel = false) WITH ORDINALITY
     WHERE suffix(line_text, ',') AND length(${unquoted}) - length(replace(${unquoted}, ',', '')) + 1 > ${fields}`,
  );
}

/**
 * The raw row of every well-formed line of the jobs' CSV sources as JSON of its fields, keyed by
 * `_source_file` and `_source_line` (a FROM item), for the few rows a quarantine or a rule sample shows;
 * undefined when there is no CSV source.
 */
export function csvRawRowsSql(sources: readonly CsvSource[]): string | undefined {
  if (sources.length === 0) return undefined;
  const parts = sources.map((source) => {
    const json = `to_json({${source.columns.map((c) => `${sqlString(c.name)}: ${sqlIdent(c.name)}`).join(', ')}})`;
    return `SELECT _source_file, _source_line, CAST(${json} AS VARCHAR) AS _raw_json FROM ${csvTextViewName(source)} WHERE NOT _malformed`;
  });
  return `(${parts.join(' UNION ALL ')})`;
}
