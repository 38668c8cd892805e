import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  DMS_COMMIT_TIMESTAMP_COLUMN,
  changesViewName,
  dmsFilesViewName,
  duckdbType,
  jobByName,
  renderDmsChangesSelect,
  renderLatestChangeSelect,
} from '@autocorp/etl-jobs';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The DMS change order the Glue scripts use (--cdc_position_mode dms), run on DuckDB over Parquet files in the
 * layout a DMS S3 target writes: `LOAD00000001.parquet` for the full load and timestamped files for changes, each
 * row with `Op`, the commit timestamp (TimestampColumnName, a string), `$AR_H_STREAM_POSITION` and
 * `$AR_H_CHANGE_SEQ` (strings, table-mapping columns `_cdc_commit_lsn` / `_cdc_seq`). The reader is the one the
 * Glue script uses: the files with their names as a view, then the same rendered SQL.
 */

const duck = await DuckDBInstance.create(':memory:');
const connection = await duck.connect();
const folder = mkdtempSync(path.join(tmpdir(), 'etl-dms-layout-'));
afterAll(() => {
  connection.closeSync();
  duck.closeSync();
  rmSync(folder, { recursive: true, force: true });
});

const job = jobByName('customers');
const found = job.sources.find((s) => s.kind === 'database');
if (found?.kind !== 'database') throw new Error('customers has no database source');
const source = found;
const key = source.primaryKey[0] as string;

interface Change {
  readonly op: 'U' | 'D';
  readonly id: number;
  readonly city: string;
  /** Commit time of the change's transaction. */
  readonly commit: string;
}

/** Changes in the order they happened on the source. */
const CHANGES: readonly Change[] = [
  { op: 'U', id: 1, city: 'one-updated', commit: '2025-06-01 12:01:00.000000' },
  ...[2, 3, 4, 5, 6, 7, 8].map((n): Change => ({
    op: 'U',
    id: 5,
    city: `five-${n}`,
    commit: '2025-06-01 12:02:00.000000',
  })),
  // Customer 2 changes twice in one transaction, as changes 9 and 10: their stream positions end ".9" and ".10",
  // whose text order is the reverse of the change order.
  { op: 'U', id: 2, city: 'two-first', commit: '2025-06-01 12:03:00.000000' },
  { op: 'U', id: 2, city: 'two-last', commit: '2025-06-01 12:03:00.000000' },
  { op: 'U', id: 3, city: 'three-updated', commit: '2025-06-01 12:04:00.000000' },
  { op: 'D', id: 3, city: 'three-updated', commit: '2025-06-01 12:04:00.000000' },
];
/** The full load, transferred after every change above committed (DMS stamps full-load rows with the transfer time). */
const LOADED = [1, 2, 3, 4, 5].map((id) => ({ id, city: `loaded-${id}` }));
const LOAD_TIME = '2025-06-01 12:30:00.000000';

/** One DMS row as a SELECT: the source columns (typed; only the key and city carry values) and the DMS columns as strings. */
function rowSelect(
  op: string,
  id: number,
  city: string,
  commit: string,
  streamPosition: string,
  changeSeq: string,
): string {
  const columns = source.columns.map((c) => {
    const value = c.name === key ? String(id) : c.name === 'city' ? `'${city}'` : 'NULL';
    return `CAST(${value} AS ${duckdbType(c.type)}) AS ${c.name}`;
  });
  return `SELECT '${op}' AS Op, '${commit}' AS ${DMS_COMMIT_TIMESTAMP_COLUMN}, '${streamPosition}' AS _cdc_commit_lsn, '${changeSeq}' AS _cdc_seq, ${columns.join(', ')}`;
}

async function writeParquet(file: string, rows: string[]): Promise<void> {
  await connection.run(`COPY (${rows.join(' UNION ALL ')}) TO '${file}' (FORMAT parquet)`);
}

describe('the DMS change order the Glue scripts use (--cdc_position_mode dms), on files in the DMS layout', () => {
  it('puts full-load rows first, then orders changes by commit time and AR_H_CHANGE_SEQ, never by the stream position text', async () => {
    const table = path.join(folder, 'raw', 'database', `pg_${source.table}`);
    mkdirSync(table, { recursive: true });
    await writeParquet(
      path.join(table, 'LOAD00000001.parquet'),
      LOADED.map((r) => rowSelect('I', r.id, r.city, LOAD_TIME, '', '')),
    );
    // AR_H_CHANGE_SEQ: a fixed 35-digit increasing number; AR_H_STREAM_POSITION: a string with the change's number unpadded.
    const rows = CHANGES.map((c, i) => ({
      file: i < 8 ? '20250601-120200000.parquet' : '20250601-120400000.parquet',
      sql: rowSelect(
        c.op,
        c.id,
        c.city,
        c.commit,
        `0000000A/0000F000.${i + 1}`,
        `20250601120000${String(i + 1).padStart(21, '0')}`,
      ),
    }));
    for (const file of new Set(rows.map((r) => r.file))) {
      // Rows in each file written newest first: the order must not come from the row order in a file.
      await writeParquet(
        path.join(table, file),
        rows
          .filter((r) => r.file === file)
          .map((r) => r.sql)
          .reverse(),
      );
    }

    await connection.run(
      `CREATE OR REPLACE VIEW ${dmsFilesViewName(source)} AS SELECT *, filename AS _source_file FROM read_parquet('${table}/*.parquet', filename = true)`,
    );
    await connection.run(`CREATE OR REPLACE VIEW ${changesViewName(source)} AS ${renderDmsChangesSelect(source)}`);
    const latest = await connection.runAndReadAll(
      `SELECT ${key} AS id, city, _op, _source_file FROM (${renderLatestChangeSelect(source, 'dms')}) ORDER BY 1`,
    );

    // Expected from the data: each key's last change in source order, else its full-load row.
    const expected = LOADED.map((loaded) => {
      const last = CHANGES.filter((c) => c.id === loaded.id).at(-1);
      return last === undefined
        ? { id: loaded.id, city: loaded.city, _op: 'U' }
        : { id: last.id, city: last.city, _op: last.op };
    });
    expect(latest.getRowObjectsJson().map(({ id, city, _op }) => ({ id, city, _op }))).toEqual(expected);
    // The case the stream position text gets wrong is in the data: a key changed twice in one transaction.
    expect(expected.find((r) => r.id === 2)?.city).toBe(CHANGES[9]?.city);
    // Lineage: each row names its file.
    for (const row of latest.getRowObjectsJson())
      expect(String(row['_source_file'])).toMatch(/\/(LOAD\d+|\d{8}-\d{9})\.parquet$/);
  });
});
