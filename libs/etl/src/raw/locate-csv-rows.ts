import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { sqlString } from '../duckdb/sql-text';
import { EtlError } from '../etl-error';
import { rejectedLinesTable } from './csv-rejects';
import type { CsvScan } from './load-csv-source';
import { readCsvRecords } from './read-csv-records';

const FILE_STARTS = '_etl_csv_file_starts';
const LOCATED = '_etl_csv_located';

/**
 * Fills `_source_line` and `_raw_row` (the line as written) of the CSV rows of the batch listed in
 * `rowsTable` (`_row_id`): the rows that need them, e.g. those to quarantine. The scan kept file order,
 * so a row's line is its place among its file's rows in the batch, plus the header and the lines
 * the reader rejected before it. The text of those lines is read from the files.
 */
export async function locateCsvRows(db: EtlDuckDb, batchTable: string, rowsTable: string, scans: readonly CsvScan[]): Promise<void> {
  const files = scans.flatMap((s) => s.files.map((f) => ({ ...f, scan: s })));
  if (files.length === 0) return;
  const keys = `(${files.map((f) => sqlString(f.key)).join(', ')})`;
  // Rows from the scan (rejected lines, added later, already carry their line): each file's rows are one run of row ids.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${FILE_STARTS} AS SELECT _source_file, min(rowid) AS first_row, max(rowid) AS last_row, count(*) AS row_count
     FROM ${batchTable} WHERE _source_line IS NULL AND _source_file IN ${keys} GROUP BY _source_file`,
  );
  const broken = await db.rows(`SELECT _source_file FROM ${FILE_STARTS} WHERE last_row - first_row + 1 <> row_count LIMIT 1`);
  if (broken.length > 0) {
    throw new EtlError(
      'unsupported-job',
      `The rows of ${String(broken[0]?.['_source_file'])} are not in file order in the batch, so their line numbers cannot be told; the job's transform must keep the CSV rows in order (no join or aggregate on the CSV branch).`,
    );
  }
  const rejected = scans.map((s) => `SELECT _source_file, line FROM ${rejectedLinesTable(s)}`).join(' UNION ALL ');
  // The k-th rejected line of a file (k = 1, 2, ...) at line L comes after the rows numbered L - k - 1 or less.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${LOCATED} AS
     WITH wanted AS (
       SELECT r._row_id, b._source_file, CAST(b.rowid - f.first_row + 1 AS BIGINT) AS ordinal
       FROM ${rowsTable} r JOIN ${batchTable} b ON b.rowid = r._row_id JOIN ${FILE_STARTS} f ON f._source_file = b._source_file
       WHERE b._source_line IS NULL
     ),
     thresholds AS (
       SELECT _source_file, line - k AS t, max(k) AS k FROM (SELECT _source_file, line, row_number() OVER (PARTITION BY _source_file ORDER BY line) AS k FROM (${rejected})) GROUP BY ALL
     )
     SELECT w._row_id, w._source_file, CAST(w.ordinal + 1 + COALESCE(th.k, 0) AS BIGINT) AS line, CAST(NULL AS VARCHAR) AS raw_row
     FROM wanted w ASOF LEFT JOIN thresholds th ON th._source_file = w._source_file AND w.ordinal >= th.t`,
  );
  const located = await db.rows(`SELECT _source_file, list(line) AS lines FROM ${LOCATED} GROUP BY _source_file`);
  for (const row of located) {
    const key = String(row['_source_file']);
    const file = files.find((f) => f.key === key);
    if (!file) continue;
    const lines = new Set((row['lines'] as unknown[]).map(Number));
    const texts = await readCsvRecords(file.path, lines);
    const values = [...texts].map(([line, text]) => `(${line}, ${sqlString(text)})`);
    for (let i = 0; i < values.length; i += 1000) {
      await db.run(
        `UPDATE ${LOCATED} SET raw_row = t.text FROM (VALUES ${values.slice(i, i + 1000).join(', ')}) t(line, text) WHERE ${LOCATED}._source_file = ${sqlString(key)} AND ${LOCATED}.line = t.line`,
      );
    }
  }
  await db.run(`UPDATE ${batchTable} SET _source_line = l.line, _raw_row = l.raw_row FROM ${LOCATED} l WHERE ${batchTable}.rowid = l._row_id`);
  for (const table of [FILE_STARTS, LOCATED]) await db.run(`DROP TABLE IF EXISTS ${table}`);
}
