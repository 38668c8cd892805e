import { access, constants } from 'node:fs/promises';
import type { ObjectInfo, ObjectStore } from '@autocorp/lake-storage';
import { type CsvSource, csvTextViewName, renderCsvTypedSelect } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier, quoteList, quoteLiteral } from '@autocorp/duckdb/sql';
import { EtlError } from '../etl-error';
import { type CsvFileMap, mapCsvFiles } from './csv-file-map';
import { localPathOf, localRootOf, storeKeySql } from './store-paths';

/** The CSV files behind one source and where the reader puts the lines it rejects. */
export interface CsvScan {
  readonly source: CsvSource;
  /** Store key and local path of each file, in reading order. */
  readonly files: readonly { readonly key: string; readonly path: string }[];
  /** The local folder the keys are relative to. */
  readonly root: string;
  /** DuckDB's rejects tables for this scan (filled when the text view is first read). */
  readonly rejectsTable: string;
  readonly rejectScansTable: string;
  /**
   * The layout of each file (same order as `files`): blank lines, records over several lines, invalid
   * UTF-8, a missing final line break. Mapped by one sequential pass per file while DuckDB reads them.
   */
  readonly maps: Promise<readonly CsvFileMap[]>;
}

/** A field past the header's: filled only on lines with one field too many. */
export const EXTRA_FIELD = '_etl_extra_field';
/**
 * The reader's NULL text: one no CSV field holds, so that every field present on a line is a string
 * (possibly empty) and only the fields missing from a short line (padded) are NULL.
 */
const NO_NULL_TEXT = '\u0002';

/**
 * Defines `<view>_text` over the CSV files of a source, read in place by one parallel scan when the
 * batch is built: every field VARCHAR, the store key, and `_malformed` for lines with a number of
 * fields other than the header's (their fields NULL). Rows keep file order, so the batch's row ids
 * number them: `_source_line` and `_raw_row` are filled later, only for the rows that need them
 * (locateCsvRows), and the lines the reader rejects (more fields still, broken quoting) are added
 * after the scan (appendRejectedCsvLines). Defines the typed view `<view>`. Starts mapping each file
 * (csv-file-map: records, blank lines, quotes over line breaks, invalid UTF-8) while DuckDB reads them;
 * the batch is then reconciled with the maps (reconcile-csv-files).
 */
export async function loadCsvSource(
  db: EtlDuckDb,
  store: ObjectStore,
  source: CsvSource,
  files: readonly ObjectInfo[],
): Promise<CsvScan> {
  const text = csvTextViewName(source);
  const tag = source.view;
  const located = files.map((f) => ({ key: f.key, path: localPathOf(store, f.key) }));
  // The files are read when the batch is built; one that vanished since it was listed is named now.
  for (const file of located) {
    await access(file.path, constants.R_OK).catch((error: unknown) => {
      throw new EtlError(
        'source-unreadable',
        `The CSV file ${file.key} was listed in the raw zone but cannot be opened (${(error as Error).message}); check that nothing removes raw files while ETL runs, then run the job again.`,
        { cause: error },
      );
    });
  }
  const maps = mapCsvFiles(located.map((f) => f.path)).catch((error: unknown) => {
    throw new EtlError(
      'source-unreadable',
      `The CSV file(s) of ${source.table} could not be read through to map their lines (${(error as Error).message}); check that nothing changes raw files while ETL runs, then run the job again.`,
      { cause: error },
    );
  });
  // Awaited after the batch is built (csv-rejects); a failure before that must not go unhandled.
  maps.catch(() => undefined);
  const scan: CsvScan = {
    source,
    files: located,
    root: localRootOf(store),
    rejectsTable: `_etl_rejects_${tag}`,
    rejectScansTable: `_etl_reject_scans_${tag}`,
    maps,
  };
  for (const table of [scan.rejectsTable, scan.rejectScansTable]) await db.run(`DROP TABLE IF EXISTS ${table}`);
  const names = source.columns.map((c) => quoteIdentifier(c.name));
  if (scan.files.length === 0) {
    const empty = names.map((n) => `CAST(NULL AS VARCHAR) AS ${n}`).join(', ');
    await db.run(
      `CREATE OR REPLACE TEMP VIEW ${text} AS SELECT ${empty}, CAST(NULL AS VARCHAR) AS _source_file, CAST(NULL AS BIGINT) AS _source_line, CAST(NULL AS VARCHAR) AS _raw_row, CAST(NULL AS BOOLEAN) AS _malformed WHERE false`,
    );
  } else {
    const columns = `{${[...source.columns.map((c) => c.name), EXTRA_FIELD].map((name) => `${quoteLiteral(name)}: 'VARCHAR'`).join(', ')}}`;
    const last = names[names.length - 1] as string;
    // A line with one field too many fills EXTRA_FIELD, a short line is padded with NULLs; lines with
    // more fields, or broken quoting, go to the rejects table. Lines end in \n or \r\n (no new_line
    // option: given '\n', DuckDB reads no rows at all from a \r\n file).
    const read = `read_csv(${quoteList(scan.files.map((f) => f.path))}, columns = ${columns}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', null_padding = true, nullstr = ${quoteLiteral(NO_NULL_TEXT)}, hive_partitioning = false, filename = true, store_rejects = true, rejects_table = ${quoteLiteral(scan.rejectsTable)}, rejects_scan = ${quoteLiteral(scan.rejectScansTable)})`;
    await db.run(
      `CREATE OR REPLACE TEMP VIEW ${text} AS SELECT ${names.map((n) => `CASE WHEN NOT _malformed THEN ${n} END AS ${n}`).join(', ')},
         ${storeKeySql('filename', scan.root)} AS _source_file, CAST(NULL AS BIGINT) AS _source_line, CAST(NULL AS VARCHAR) AS _raw_row, _malformed
       FROM (SELECT *, (${quoteIdentifier(EXTRA_FIELD)} IS NOT NULL OR ${last} IS NULL) AS _malformed FROM ${read})`,
    );
  }
  await db.run(`CREATE OR REPLACE TEMP VIEW ${source.view} AS ${renderCsvTypedSelect(source)}`);
  return scan;
}

/** Wraps a failure of the scan (raised when the batch is built) in an error naming the files. */
export function csvUnreadableError(scans: readonly CsvScan[], error: unknown): EtlError {
  const files = scans.flatMap((s) => s.files.map((f) => f.key));
  return new EtlError(
    'source-unreadable',
    `The CSV file(s) ${files.join(', ')} cannot be read (${(error as Error).message}); check that they are UTF-8 CSV with a header row.`,
    { cause: error },
  );
}

/**
 * After the batch failed to build: reads each source's CSV files on their own (the error path only) and
 * throws csvUnreadableError naming them when the reader itself fails.
 */
export async function throwIfCsvUnreadable(db: EtlDuckDb, scans: readonly CsvScan[]): Promise<void> {
  for (const scan of scans) {
    if (scan.files.length === 0) continue;
    try {
      await db.count(`SELECT count(*) FROM ${csvTextViewName(scan.source)}`);
    } catch (error) {
      throw csvUnreadableError([scan], error);
    }
  }
}
