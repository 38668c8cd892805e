import { type ObjectStore, isLoadFileKey, parseCdcFileKey, rawDatabasePrefix } from '@autocorp/lake-storage';
import { type DatabaseSource, duckdbType } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier, quoteList, quoteLiteral } from '@autocorp/duckdb/sql';
import { localPathOf } from './store-paths';

const TRUNCATED = '_etl_truncated_rows';

/**
 * libs/cdc writes a TRUNCATE of a source table as one `T` row (every column NULL) at the
 * truncate's place in the change order. This turns the latest `T` of the loaded changes into
 * deletes: every key with a change before it (in these files, or in the table's earlier raw
 * files) that was not already deleted gets a `D` row carrying its last image, at the truncate's
 * position; then the `T` rows are dropped. Changes after the truncate still win. Returns the
 * number of `D` rows added.
 */
export async function applyTruncates(
  db: EtlDuckDb,
  store: ObjectStore,
  source: DatabaseSource,
  changes: string,
  files: readonly string[],
): Promise<number> {
  const truncates = await db.rows(
    `SELECT _cdc_commit_lsn AS lsn, _cdc_seq AS seq, _source_file AS file FROM ${changes} WHERE Op = 'T' ORDER BY 1 DESC, 2 DESC LIMIT 1`,
  );
  const last = truncates[0];
  if (!last) return 0;
  const lsn = BigInt(String(last.lsn));
  const seq = Number(last.seq);
  const before = `(_cdc_commit_lsn < ${lsn} OR (_cdc_commit_lsn = ${lsn} AND _cdc_seq < ${seq}))`;
  const earlier = await earlierFiles(store, source.table, new Set(files), lsn);
  const columns = source.columns.map((c) => quoteIdentifier(c.name));
  const typed = source.columns.map(
    (c) => `CAST(${quoteIdentifier(c.name)} AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`,
  );
  const history = earlier.length
    ? `UNION ALL SELECT ${typed.join(', ')}, CAST(Op AS VARCHAR) AS Op, CAST(_cdc_commit_lsn AS BIGINT) AS _cdc_commit_lsn, CAST(_cdc_seq AS BIGINT) AS _cdc_seq
         FROM read_parquet(${quoteList(earlier.map((key) => localPathOf(store, key)))}, union_by_name = true)`
    : '';
  const key = source.primaryKey.map(quoteIdentifier).join(', ');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${TRUNCATED} AS
       SELECT ${columns.join(', ')}, 'D' AS Op, ${lsn}::BIGINT AS _cdc_commit_lsn, ${seq}::BIGINT AS _cdc_seq, ${quoteLiteral(String(last.file))} AS _source_file
         FROM (SELECT *, row_number() OVER (PARTITION BY ${key} ORDER BY _cdc_commit_lsn DESC, _cdc_seq DESC) AS _rank
                 FROM (SELECT ${columns.join(', ')}, Op, _cdc_commit_lsn, _cdc_seq FROM ${changes} ${history}) all_changes
                WHERE Op <> 'T' AND ${before}) latest
        WHERE _rank = 1 AND Op <> 'D'`,
  );
  const added = await db.count(`SELECT count(*) FROM ${TRUNCATED}`);
  await db.run(`INSERT INTO ${changes} SELECT * FROM ${TRUNCATED}`);
  await db.run(`DELETE FROM ${changes} WHERE Op = 'T'`);
  await db.run(`DROP TABLE ${TRUNCATED}`);
  return added;
}

/** Raw files of the table not among `loaded` that can hold changes before `lsn` (full load included). */
async function earlierFiles(
  store: ObjectStore,
  table: string,
  loaded: ReadonlySet<string>,
  lsn: bigint,
): Promise<string[]> {
  const keys: string[] = [];
  for await (const info of store.list(rawDatabasePrefix(table))) {
    if (loaded.has(info.key)) continue;
    if (isLoadFileKey(info.key)) keys.push(info.key);
    else {
      const name = parseCdcFileKey(info.key);
      if (name && name.first.lsn <= lsn) keys.push(info.key);
    }
  }
  return keys;
}
