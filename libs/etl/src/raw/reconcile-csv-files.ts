import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import { EtlError } from '../etl-error';
import { splitCsvRecord } from './csv-fields';
import { completeFieldForm } from './csv-field-format';
import { type CsvFileMap, countBelow, csvRecordCount } from './csv-file-map';
import { type CsvRowReason, addCsvRowReasons } from './csv-row-reasons';
import type { CsvScan } from './load-csv-source';
import type { RejectedLine } from './rejected-line';

/**
 * Checks, file by file, that no record vanished between the file and the batch, and marks the rows
 * the reader took although they cannot be trusted:
 * - every record of the file (blank lines aside) is a row of the batch or a rejected line; a record
 *   over several lines that the reader did not take as one well-formed row (a quote left open that
 *   swallowed the lines after it) fails the batch, naming the file and the line where the quote opened;
 * - a row with invalid UTF-8 is marked malformed, with the byte offset as its reason;
 * - the last record of a file without a final line break is held to the complete form of its last
 *   field (a timestamp cut after the hour still casts): if it falls short, the field is marked unparsed.
 */
export async function checkCsvFiles(
  db: EtlDuckDb,
  batchTable: string,
  scan: CsvScan,
  maps: readonly CsvFileMap[],
  rejected: readonly RejectedLine[],
): Promise<void> {
  if (scan.files.length === 0) return;
  const keys = scan.files.map((f) => quoteLiteral(f.key)).join(', ');
  const runs = await db.rows(
    `SELECT _source_file AS file, CAST(min(rowid) AS BIGINT) AS first_row, CAST(count(*) AS BIGINT) AS row_count FROM ${batchTable}
     WHERE _source_line IS NULL AND _source_file IN (${keys}) GROUP BY _source_file`,
  );
  const reasons: CsvRowReason[] = [];
  const malformed: number[] = [];
  const unparsed: { rowId: number; column: string }[] = [];
  for (const [index, file] of scan.files.entries()) {
    const map = maps[index] as CsvFileMap;
    const run = runs.find((r) => r['file'] === file.key);
    const firstRow = Number(run?.['first_row'] ?? 0);
    const rowCount = Number(run?.['row_count'] ?? 0);
    const rejectedUnits = new Set(rejected.filter((r) => r.file === file.key).map((r) => r.unit));
    const blankUnits = new Set(map.blankUnits);
    const skipped = [...new Set([...map.blankUnits, ...rejectedUnits])].sort((a, b) => a - b);
    // The batch row of a record unit: its place among the file's records the reader took.
    const rowOf = (unit: number): number | undefined => {
      if (unit <= 1 || rejectedUnits.has(unit) || blankUnits.has(unit)) return undefined;
      const ordinal = unit - 1 - countBelow(skipped, unit);
      return ordinal >= 1 && ordinal <= rowCount ? firstRow + ordinal - 1 : undefined;
    };
    const records = csvRecordCount(map);
    const opened = await openQuoteThatSwallowedLines(db, batchTable, map, rejectedUnits, rowOf);
    if (opened || rowCount + rejectedUnits.size !== records) {
      const where = opened ?? map.multiLineUnits[0];
      throw new EtlError(
        'source-malformed',
        where
          ? `The CSV file ${file.key} has a quoted field that opens on line ${where.line} and runs over ${where.lines - 1} line break(s) to line ${where.line + where.lines - 1}: the reader would take those lines as one broken record and lose the rows on them (the file has ${records} records; ${rowCount} were read and ${rejectedUnits.size} rejected). Close the quote on line ${where.line} in the exporting system and land a corrected file; nothing of this batch is committed.`
          : `The CSV file ${file.key} has ${records} records but the reader returned ${rowCount} rows and rejected ${rejectedUnits.size}; rows would be lost, so nothing of this batch is committed. Check the file's quoting and line breaks and land a corrected file.`,
      );
    }
    const header = scan.source.columns;
    for (const bad of map.invalidUtf8) {
      const rowId = rowOf(bad.unit);
      if (rowId === undefined) continue; // rejected by the reader: explained with the rejected lines
      malformed.push(rowId);
      const column = bad.field === undefined ? undefined : header[bad.field]?.name;
      reasons.push({ rowId, column, reason: `invalid UTF-8 at byte offset ${bad.offset} (line ${bad.line})` });
    }
    const last = map.lastRecord === undefined ? undefined : rowOf(map.units);
    if (last !== undefined && map.lastRecord !== undefined) {
      const fields = splitCsvRecord(map.lastRecord);
      const column = header[header.length - 1];
      const field = fields[header.length - 1]?.trim() ?? '';
      const form = column ? completeFieldForm(column.type) : undefined;
      if (column && form && fields.length === header.length && field !== '' && !form.pattern.test(field)) {
        unparsed.push({ rowId: last, column: column.name });
        reasons.push({
          rowId: last,
          column: column.name,
          reason: `the file ends without a line break and its last record's ${column.name} ${JSON.stringify(field)} is not a complete ${column.type} (${form.example}): the record looks cut short`,
        });
      }
    }
  }
  if (malformed.length > 0)
    await db.run(`UPDATE ${batchTable} SET _malformed = TRUE WHERE rowid IN (${malformed.join(', ')})`);
  for (const u of unparsed)
    await db.run(`UPDATE ${batchTable} SET _unparsed_columns = ${quoteLiteral(u.column)} WHERE rowid = ${u.rowId}`);
  await addCsvRowReasons(db, reasons);
}

/** The first record over several lines that the reader rejected or read with the wrong number of fields. */
async function openQuoteThatSwallowedLines(
  db: EtlDuckDb,
  batchTable: string,
  map: CsvFileMap,
  rejectedUnits: ReadonlySet<number>,
  rowOf: (unit: number) => number | undefined,
): Promise<{ line: number; lines: number } | undefined> {
  const rowIds = map.multiLineUnits.map((m) => (rejectedUnits.has(m.unit) ? undefined : rowOf(m.unit)));
  const read = rowIds.filter((id): id is number => id !== undefined);
  const malformed = new Set<number>();
  for (let i = 0; i < read.length; i += 1000) {
    const ids = read.slice(i, i + 1000);
    for (const row of await db.rows(
      `SELECT CAST(rowid AS BIGINT) AS id FROM ${batchTable} WHERE rowid IN (${ids.join(', ')}) AND _malformed`,
    ))
      malformed.add(Number(row['id']));
  }
  return map.multiLineUnits.find((_, i) => {
    const id = rowIds[i];
    return id === undefined || malformed.has(id);
  });
}
