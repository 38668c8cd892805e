import type { JobDefinition } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import type { RuleOutcome } from '../state/run-records';
import { versionsTied } from './winning-versions';

/** The runner's own rule: versions of a key that tie on the winning precombine value agree. */
export const TIED_VERSIONS_RULE = 'tied_versions_agree';

/** `_row_id`, `_conflict` (a number per key), `_kept` of the rows of conflicting tied versions. */
export const CONFLICT_ROWS_TABLE = '_etl_version_conflicts';

const SAMPLE_KEYS = 5;

/**
 * Finds the keys whose winning version is tied: two or more rows that passed the row rules share
 * the key and the largest precombine value but differ in their values. The winner stays the later
 * row (deterministic, like Hudi); the rows are kept in CONFLICT_ROWS_TABLE so that the outcome can
 * show them all. Exact copies are not conflicts. Only the keys whose latest version ties
 * (`winnersTable`, buildWinningVersions) are compared, so without ties the batch is not read again.
 */
export async function findVersionConflicts(
  db: EtlDuckDb,
  job: JobDefinition,
  batchTable: string,
  failedTable: string,
  winnersTable: string,
): Promise<string> {
  const keys = job.hudi.recordKeyFields.map(quoteIdentifier);
  const pre = quoteIdentifier(job.hudi.precombineField);
  const content = `struct_pack(${job.columns.map((c) => `${quoteIdentifier(c.name)} := b.${quoteIdentifier(c.name)}`).join(', ')})`;
  const suspects = await db.count(`SELECT count(*) FROM ${winnersTable} w WHERE ${versionsTied('w')}`);
  if (suspects === 0) {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${CONFLICT_ROWS_TABLE} (_row_id BIGINT, _conflict BIGINT, _kept BOOLEAN)`,
    );
    return CONFLICT_ROWS_TABLE;
  }
  // One read of the batch: the rows of the tied keys that carry the winning precombine value.
  const tiedKeys = `(SELECT * FROM ${winnersTable} w WHERE ${versionsTied('w')})`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${CONFLICT_ROWS_TABLE} AS
     WITH tied AS (SELECT b.rowid AS _row_id, ${keys.map((k) => `b.${k}`).join(', ')}, ${content} AS _content
              FROM ${batchTable} b ANTI JOIN ${failedTable} x ON x._row_id = b.rowid
              JOIN ${tiedKeys} t ON ${keys.map((k) => `b.${k} IS NOT DISTINCT FROM t.${k}`).join(' AND ')} AND b.${pre} IS NOT DISTINCT FROM t._latest
              WHERE b._op = 'U'),
     conflicting AS (SELECT ${keys.join(', ')}, row_number() OVER (ORDER BY min(_row_id)) AS _conflict FROM tied GROUP BY ALL HAVING count(DISTINCT _content) > 1)
     SELECT t._row_id, c._conflict, t._row_id IN (SELECT _row_id FROM ${winnersTable}) AS _kept
     FROM tied t JOIN conflicting c ON ${keys.map((k) => `t.${k} IS NOT DISTINCT FROM c.${k}`).join(' AND ')}`,
  );
  return CONFLICT_ROWS_TABLE;
}

/**
 * The `warn` outcome of the conflicts found by findVersionConflicts (after the rows were located):
 * per conflicting key (up to five) the kept row and the dropped ones, each with its file, line,
 * raw row and values.
 */
export async function versionConflictOutcome(
  db: EtlDuckDb,
  job: JobDefinition,
  batchTable: string,
): Promise<RuleOutcome> {
  const keys = await db.count(`SELECT count(DISTINCT _conflict) FROM ${CONFLICT_ROWS_TABLE}`);
  const pre = job.hudi.precombineField;
  const values = job.columns.map((c) => `b.${quoteIdentifier(c.name)}`).join(', ');
  const rows = await db.rows(
    `SELECT c._conflict, c._kept, b._source_file AS source_file, b._source_line AS source_line, b._raw_row AS raw_row, ${values}
     FROM ${CONFLICT_ROWS_TABLE} c JOIN ${batchTable} b ON b.rowid = c._row_id WHERE c._conflict <= ${SAMPLE_KEYS} ORDER BY c._conflict, c._row_id`,
  );
  const sample: Record<string, unknown>[] = [];
  for (const row of rows) {
    const { _conflict: conflict, _kept: kept, source_file, source_line, raw_row, ...columns } = row;
    let entry = sample[Number(conflict) - 1];
    if (!entry) {
      entry = {
        key: Object.fromEntries(job.hudi.recordKeyFields.map((k) => [k, columns[k]])),
        [pre]: columns[pre],
        kept: undefined,
        dropped: [],
      };
      sample[Number(conflict) - 1] = entry;
    }
    const described = { source_file, source_line, raw_row, values: columns };
    if (kept === true) entry['kept'] = described;
    else (entry['dropped'] as unknown[]).push(described);
  }
  return {
    rule: TIED_VERSIONS_RULE,
    kind: 'tiedVersions',
    level: 'dataset',
    severity: 'warn',
    passed: keys === 0,
    observed: keys,
    ...(keys > 0
      ? {
          message: `${keys} key(s) have versions with the same ${pre} but different values; the later row is kept, the others are dropped (see the sample for both rows)`,
          sample,
        }
      : {}),
  };
}
