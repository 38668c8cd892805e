import type { ObjectStore } from '@autocorp/lake-storage';
import { type DatabaseSource, changesViewName, duckdbType, renderLatestChangeSelect } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier, quoteList } from '@autocorp/duckdb/sql';
import { EtlError } from '../etl-error';
import { applyTruncates } from './apply-truncates';
import { localPathOf, localRootOf, storeKeySql } from './store-paths';

/**
 * Loads the given raw Parquet files of a database source into `<view>_changes` (source columns,
 * `Op`, `_cdc_commit_lsn`, `_cdc_seq`, `_source_file` as store key) and defines the view `<view>`:
 * the latest change per primary key (a `T` row, a TRUNCATE, first becomes deletes: applyTruncates).
 * Returns the number of raw change rows read.
 */
export async function loadDatabaseSource(
  db: EtlDuckDb,
  store: ObjectStore,
  source: DatabaseSource,
  files: readonly string[],
): Promise<number> {
  const changes = changesViewName(source);
  const columns = source.columns.map(
    (c) => `CAST(${quoteIdentifier(c.name)} AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`,
  );
  if (files.length === 0) {
    const empty = source.columns.map((c) => `CAST(NULL AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`);
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${changes} AS SELECT ${empty.join(', ')}, CAST(NULL AS VARCHAR) AS Op, CAST(NULL AS BIGINT) AS _cdc_commit_lsn, CAST(NULL AS BIGINT) AS _cdc_seq, CAST(NULL AS VARCHAR) AS _source_file WHERE false`,
    );
  } else {
    const paths = files.map((key) => localPathOf(store, key));
    const prefix = localRootOf(store);
    try {
      await db.run(
        `CREATE OR REPLACE TEMP TABLE ${changes} AS SELECT ${columns.join(', ')}, CAST(Op AS VARCHAR) AS Op, CAST(_cdc_commit_lsn AS BIGINT) AS _cdc_commit_lsn, CAST(_cdc_seq AS BIGINT) AS _cdc_seq, ${storeKeySql('filename', prefix)} AS _source_file FROM read_parquet(${quoteList(paths)}, filename = true, union_by_name = true)`,
      );
    } catch (error) {
      throw new EtlError(
        'source-unreadable',
        `Reading ${files.length} raw file(s) of pg_${source.table} failed (${(error as Error).message}); check that ${files[0]} is a DMS-layout Parquet file with Op, _cdc_commit_lsn, _cdc_seq and the table's columns.`,
        { cause: error },
      );
    }
    await applyTruncates(db, store, source, changes, files);
  }
  await db.run(`CREATE OR REPLACE TEMP VIEW ${source.view} AS ${renderLatestChangeSelect(source)}`);
  return db.count(`SELECT count(*) FROM ${changes}`);
}
