import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import { EtlError } from '../etl-error';
import { splitCsvRecord } from './csv-fields';
import { describeUnparsedField } from './csv-field-format';
import { physicalLineOf } from './csv-file-map';
import { type CsvRowReason, addCsvRowReasons, describeFieldCount } from './csv-row-reasons';
import { rejectedLinesTable } from './csv-rejects';
import type { CsvScan } from './load-csv-source';
import { readCsvRecords } from './read-csv-records';

const FILE_STARTS = '_etl_csv_file_starts';
const SKIPPED = '_etl_csv_skipped_units';
const LOCATED = '_etl_csv_located';

/**
 * Fills `_source_line` (the physical line the record starts on) and `_raw_row` (the record as
 * written) of the CSV rows of the batch listed in `rowsTable` (`_row_id`): the rows that need them,
 * e.g. those to quarantine, and gives the reader's reason for those malformed or unparsed. The scan
 * kept file order, so a row's unit (the reader's line number) is its place among its file's rows in
 * the batch, plus the header and the units the reader skipped before it: blank lines and rejected
 * lines. The text of those records is read from the files (only the stretches that hold them).
 */
export async function locateCsvRows(
  db: EtlDuckDb,
  batchTable: string,
  rowsTable: string,
  scans: readonly CsvScan[],
): Promise<void> {
  const files = scans.flatMap((s) => s.files.map((f, index) => ({ ...f, index, scan: s })));
  if (files.length === 0) return;
  const keys = `(${files.map((f) => quoteLiteral(f.key)).join(', ')})`;
  // Rows from the scan (rejected lines, added later, already carry their line): each file's rows are one run of row ids.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${FILE_STARTS} AS SELECT _source_file, min(rowid) AS first_row, max(rowid) AS last_row, count(*) AS row_count
     FROM ${batchTable} WHERE _source_line IS NULL AND _source_file IN ${keys} GROUP BY _source_file`,
  );
  const broken = await db.rows(
    `SELECT _source_file FROM ${FILE_STARTS} WHERE last_row - first_row + 1 <> row_count LIMIT 1`,
  );
  if (broken.length > 0) {
    throw new EtlError(
      'unsupported-job',
      `The rows of ${String(broken[0]?.['_source_file'])} are not in file order in the batch, so their line numbers cannot be told; the job's transform must keep the CSV rows in order (no join or aggregate on the CSV branch).`,
    );
  }
  await db.run(`CREATE OR REPLACE TEMP TABLE ${SKIPPED} (_source_file VARCHAR, unit BIGINT)`);
  for (const scan of scans) {
    await db.run(`INSERT INTO ${SKIPPED} SELECT _source_file, unit FROM ${rejectedLinesTable(scan)}`);
    const maps = await scan.maps;
    for (const [index, file] of scan.files.entries()) {
      const blanks = maps[index]?.blankUnits ?? [];
      for (let i = 0; i < blanks.length; i += 1000) {
        await db.run(
          `INSERT INTO ${SKIPPED} VALUES ${blanks
            .slice(i, i + 1000)
            .map((u) => `(${quoteLiteral(file.key)}, ${u})`)
            .join(', ')}`,
        );
      }
    }
  }
  // The k-th skipped unit of a file (k = 1, 2, ...) at unit U comes after the rows numbered U - k - 1 or less.
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${LOCATED} AS
     WITH wanted AS (
       SELECT r._row_id, b._source_file, CAST(b.rowid - f.first_row + 1 AS BIGINT) AS ordinal
       FROM ${rowsTable} r JOIN ${batchTable} b ON b.rowid = r._row_id JOIN ${FILE_STARTS} f ON f._source_file = b._source_file
       WHERE b._source_line IS NULL
     ),
     thresholds AS (
       SELECT _source_file, unit - k AS t, max(k) AS k FROM (SELECT _source_file, unit, row_number() OVER (PARTITION BY _source_file ORDER BY unit) AS k FROM (SELECT DISTINCT _source_file, unit FROM ${SKIPPED})) GROUP BY ALL
     )
     SELECT w._row_id, w._source_file, CAST(w.ordinal + 1 + COALESCE(th.k, 0) AS BIGINT) AS unit, CAST(NULL AS BIGINT) AS line, CAST(NULL AS VARCHAR) AS raw_row
     FROM wanted w ASOF LEFT JOIN thresholds th ON th._source_file = w._source_file AND w.ordinal >= th.t`,
  );
  const located = await db.rows(`SELECT _source_file, list(unit) AS units FROM ${LOCATED} GROUP BY _source_file`);
  const texts = new Map<string, Map<number, string>>();
  for (const row of located) {
    const key = String(row['_source_file']);
    const file = files.find((f) => f.key === key);
    if (!file) continue;
    const map = (await file.scan.maps)[file.index];
    if (!map) continue;
    const units = new Set((row['units'] as unknown[]).map(Number));
    const found = await readCsvRecords(file.path, units, map);
    texts.set(key, found);
    const values = [...found].map(([unit, text]) => `(${unit}, ${physicalLineOf(map, unit)}, ${quoteLiteral(text)})`);
    for (let i = 0; i < values.length; i += 1000) {
      await db.run(
        `UPDATE ${LOCATED} SET line = t.line, raw_row = t.text FROM (VALUES ${values.slice(i, i + 1000).join(', ')}) t(unit, line, text) WHERE ${LOCATED}._source_file = ${quoteLiteral(key)} AND ${LOCATED}.unit = t.unit`,
      );
    }
  }
  await db.run(
    `UPDATE ${batchTable} SET _source_line = l.line, _raw_row = l.raw_row FROM ${LOCATED} l WHERE ${batchTable}.rowid = l._row_id`,
  );
  await explainLocatedRows(db, batchTable, files, texts);
  for (const table of [FILE_STARTS, SKIPPED, LOCATED]) await db.run(`DROP TABLE IF EXISTS ${table}`);
}

/** The reader's reason for each located row that is malformed (its field count) or has fields that did not parse (which, and as what). */
async function explainLocatedRows(
  db: EtlDuckDb,
  batchTable: string,
  files: readonly { key: string; scan: CsvScan }[],
  texts: ReadonlyMap<string, ReadonlyMap<number, string>>,
): Promise<void> {
  const rows = await db.rows(
    `SELECT l._row_id, l._source_file, l.unit, b._malformed, b._unparsed_columns FROM ${LOCATED} l JOIN ${batchTable} b ON b.rowid = l._row_id
     WHERE b._malformed OR COALESCE(b._unparsed_columns, '') <> ''`,
  );
  const reasons: CsvRowReason[] = [];
  for (const row of rows) {
    const key = String(row['_source_file']);
    const columns = files.find((f) => f.key === key)?.scan.source.columns ?? [];
    const text = texts.get(key)?.get(Number(row['unit']));
    const fields = text === undefined ? undefined : splitCsvRecord(text);
    const rowId = Number(row['_row_id']);
    if (row['_malformed'] === true) {
      if (fields)
        reasons.push({
          rowId,
          ...describeFieldCount(
            fields.length,
            columns.map((c) => c.name),
          ),
        });
      continue;
    }
    const names = String(row['_unparsed_columns'])
      .split(',')
      .filter((n) => n !== '');
    const why = names.map((name) => {
      const index = columns.findIndex((c) => c.name === name);
      const column = columns[index];
      return column ? describeUnparsedField(name, column.type, fields?.[index]) : `${name} does not parse`;
    });
    reasons.push({ rowId, column: names.join(','), reason: why.join('; ') });
  }
  await addCsvRowReasons(db, reasons);
}
