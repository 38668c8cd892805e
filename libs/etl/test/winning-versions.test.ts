import { type JobDefinition, jobByName } from '@autocorp/etl-jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb } from '../src/index';
import { CONFLICT_ROWS_TABLE, findVersionConflicts } from '../src/quality/evaluate-version-conflicts';
import { buildWinningVersions, versionsTied } from '../src/quality/winning-versions';

/** A job keyed on `k` with precombine `v` and content columns `k`, `v`, `s`. */
const job: JobDefinition = {
  ...jobByName('sales_order'),
  columns: [
    { name: 'k', type: 'STRING', nullable: false, description: 'key' },
    { name: 'v', type: 'INT', nullable: true, description: 'version' },
    { name: 's', type: 'STRING', nullable: true, description: 'content' },
  ],
  hudi: { ...jobByName('sales_order').hudi, recordKeyFields: ['k'], precombineField: 'v' },
};

/** Rows in input order: [key, version, content]. */
const ROWS: [string, number | null, string][] = [
  ['same-copies', 2, 'x'],
  ['same-copies', 2, 'x'],
  ['middle-differs', 5, 'a'],
  ['middle-differs', 5, 'b'],
  ['middle-differs', 5, 'a'],
  ['tie-below-max', 1, 'a'],
  ['tie-below-max', 1, 'b'],
  ['tie-below-max', 3, 'c'],
  ['null-versions-differ', null, 'a'],
  ['null-versions-differ', null, 'b'],
  ['single', 7, 'z'],
  ['later-wins', 4, 'old'],
  ['later-wins', 9, 'new'],
  ['later-wins', 6, 'mid'],
];

/** What the rows say, computed here: per key its rows, its winner (largest version, NULL smallest, then later row) and whether the tied winners differ. */
function expected() {
  const byKey = new Map<string, { row: number; v: number | null; s: string }[]>();
  ROWS.forEach(([k, v, s], row) => byKey.set(k, [...(byKey.get(k) ?? []), { row, v, s }]));
  const rank = (v: number | null) => (v === null ? -Infinity : v);
  return [...byKey].map(([key, rows]) => {
    const best = Math.max(...rows.map((r) => rank(r.v)));
    const tied = rows.filter((r) => rank(r.v) === best);
    return {
      key,
      versions: rows.length,
      winner: Math.max(...tied.map((r) => r.row)),
      conflict: new Set(tied.map((r) => r.s)).size > 1,
      tiedRows: tied.map((r) => r.row),
    };
  });
}

describe('buildWinningVersions and findVersionConflicts', () => {
  let db: EtlDuckDb;
  beforeAll(async () => {
    db = await EtlDuckDb.open();
    const values = ROWS.map(([k, v, s]) => `('${k}', ${v === null ? 'NULL' : v}, '${s}', 'U')`).join(', ');
    await db.run(`CREATE TEMP TABLE batch AS SELECT * FROM (VALUES ${values}) t(k, v, s, _op)`);
    await db.run('CREATE TEMP TABLE failed (_row_id BIGINT)');
  });
  afterAll(async () => {
    await db.close();
  });

  it('picks each key’s latest version, counts its rows and flags the keys whose latest version ties; only differing ties conflict', async () => {
    await buildWinningVersions(db, job, '(SELECT rowid AS _row_id, * FROM batch)', 'winners');
    const rows = await db.rows(
      `SELECT b.k AS key, CAST(w._row_id AS INTEGER) AS winner, CAST(w._versions AS INTEGER) AS versions, ${versionsTied('w')} AS tied
       FROM winners w JOIN batch b ON b.rowid = w._row_id ORDER BY key`,
    );
    const want = expected().sort((a, b) => a.key.localeCompare(b.key));
    expect(rows).toEqual(
      want.map((w) => ({ key: w.key, winner: w.winner, versions: w.versions, tied: w.tiedRows.length > 1 })),
    );

    await findVersionConflicts(db, job, 'batch', 'failed', 'winners');
    const conflicts = await db.rows(
      `SELECT CAST(_row_id AS INTEGER) AS row, _kept AS kept FROM ${CONFLICT_ROWS_TABLE} ORDER BY _row_id`,
    );
    const rowsOfConflicts = want
      .filter((w) => w.conflict)
      .flatMap((w) => w.tiedRows.map((row) => ({ row, kept: row === w.winner })))
      .sort((a, b) => a.row - b.row);
    expect(rowsOfConflicts.length).toBeGreaterThan(0);
    expect(conflicts).toEqual(rowsOfConflicts);
  });

  it('does not read the batch again when no latest version ties (ties below the latest do not count)', async () => {
    await db.run(
      `CREATE TEMP TABLE agreeing AS SELECT * FROM batch WHERE k IN ('tie-below-max', 'single', 'later-wins')`,
    );
    await buildWinningVersions(db, job, '(SELECT rowid AS _row_id, * FROM agreeing)', 'agreeing_winners');
    // A batch table that does not exist: any read of it would fail.
    await findVersionConflicts(db, job, 'no_such_batch', 'failed', 'agreeing_winners');
    expect(await db.count(`SELECT count(*) FROM ${CONFLICT_ROWS_TABLE}`)).toBe(0);
  });
});
