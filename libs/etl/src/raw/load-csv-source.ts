import type { ObjectInfo, ObjectStore } from '@autocorp/lake-storage';
import { type CsvSource, csvTextViewName, renderCsvTypedSelect } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { sqlIdent, sqlString } from '../duckdb/sql-text';
import { EtlError } from '../etl-error';
import { localPathOf } from './store-paths';

/**
 * Reads the CSV files of a source and defines `<view>_text` over them: every field VARCHAR, the store key,
 * the line number (header = line 1), and `_malformed` lines (a number of fields other than the header's,
 * kept with their text in `_raw_row`). Defines the typed view `<view>`. Each file is read once, in
 * parallel, into a temp table; the text view only numbers the lines. Returns the number of data lines read.
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

/** A field past the header's: filled only on lines with one field too many. */
const EXTRA_FIELD = '_etl_extra_field';
/**
 * The reader's NULL text: one no CSV field holds, so that every field present on a line is a string
 * (possibly empty) and only the fields missing from a short line (padded) are NULL.
 */
const NO_NULL_TEXT = '\u0002';

/** Reads one file; returns the SELECTs of its rows for the text view and its number of data lines. */
async function loadCsvFile(db: EtlDuckDb, store: ObjectStore, source: CsvSource, key: string, index: number): Promise<{ selects: string[]; lines: number }> {
  const path = localPathOf(store, key);
  const tag = `${source.view}_${index}`;
  const rejects = `_etl_rejects_${tag}`;
  const scans = `_etl_reject_scans_${tag}`;
  const rows = `_etl_rows_${tag}`;
  const rejected = `_etl_rejected_lines_${tag}`;
  const thresholds = `_etl_reject_thresholds_${tag}`;
  const columns = `{${[...source.columns.map((c) => c.name), EXTRA_FIELD].map((name) => `${sqlString(name)}: 'VARCHAR'`).join(', ')}}`;
  const names = source.columns.map((c) => sqlIdent(c.name));
  const last = names[names.length - 1] as string;
  const extra = sqlIdent(EXTRA_FIELD);
  const malformed = `(${extra} IS NOT NULL OR ${last} IS NULL)`;
  const rawText = `concat_ws(',', ${[...names, extra].map(csvField).join(', ')})`;
  try {
    // One parallel read (rows keep file order, so rowid numbers them). A line with one field too many fills
    // EXTRA_FIELD, a short line is padded with NULLs; lines with more fields, or broken quoting, are rejected.
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${rows} AS SELECT ${names.join(', ')}, ${malformed} AS _malformed, CASE WHEN ${malformed} THEN ${rawText} END AS _raw_row
       FROM read_csv(${sqlString(path)}, columns = ${columns}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', new_line = '\\n', null_padding = true, nullstr = ${sqlString(NO_NULL_TEXT)}, hive_partitioning = false, store_rejects = true, rejects_table = ${sqlString(rejects)}, rejects_scan = ${sqlString(scans)})`,
    );
  } catch (error) {
    throw new EtlError('source-unreadable', `The CSV file ${key} cannot be read (${(error as Error).message}); check that it is UTF-8 CSV with a header row.`, {
      cause: error,
    });
  }
  // The fields of a malformed line are not trusted (its text stays in _raw_row): a few rows.
  await db.run(`UPDATE ${rows} SET ${names.map((n) => `${n} = NULL`).join(', ')} WHERE _malformed`);
  // Rejected lines shift the row number of the rows after them: line = rowid + 2 (header, 1-based) + rejects before it.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${rejected} AS SELECT line, first(csv_line) AS csv_line, row_number() OVER (ORDER BY line) AS k FROM (SELECT DISTINCT line, csv_line FROM ${rejects}) GROUP BY line`,
  );
  await db.run(`CREATE OR REPLACE TEMP TABLE ${thresholds} AS SELECT line - k AS t, max(k) AS k FROM ${rejected} GROUP BY line - k`);
  for (const table of [rejects, scans]) await db.run(`DROP TABLE IF EXISTS ${table}`);
  const rejectCount = await db.count(`SELECT count(*) FROM ${rejected}`);
  const rowCount = await db.count(`SELECT count(*) FROM ${rows}`);
  const numbered =
    rejectCount === 0
      ? `SELECT r.*, CAST(r.rowid + 2 AS BIGINT) AS _line FROM ${rows} r`
      : `SELECT r.*, CAST(r.rowid + 2 + COALESCE(th.k, 0) AS BIGINT) AS _line FROM ${rows} r ASOF LEFT JOIN ${thresholds} th ON r.rowid + 1 >= th.t`;
  return {
    selects: [
      `SELECT ${names.join(', ')}, ${sqlString(key)} AS _source_file, _line AS _source_line, _raw_row, _malformed FROM (${numbered}) n`,
      `SELECT ${names.map((n) => `CAST(NULL AS VARCHAR) AS ${n}`).join(', ')}, ${sqlString(key)} AS _source_file, CAST(line AS BIGINT) AS _source_line, csv_line AS _raw_row, TRUE AS _malformed FROM ${rejected}`,
    ],
    lines: rowCount + rejectCount,
  };
}

/**
 * A field as CSV text (quoted when it holds a delimiter, quote or line break; NULL stays NULL): the raw
 * row of a line with a wrong number of fields is its fields joined again.
 */
function csvField(value: string): string {
  return `CASE WHEN regexp_matches(${value}, '[,"\\r\\n]') THEN '"' || replace(${value}, '"', '""') || '"' ELSE ${value} END`;
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
