import {
  type JobDefinition,
  type RowRule,
  describeRowFailure,
  isRowRule,
  referenceViewName,
  renderRowPredicate,
  rowRulePasses,
} from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import type { CsvScan } from '../raw/load-csv-source';
import { locateCsvRows } from '../raw/locate-csv-rows';
import type { RuleOutcome } from '../state/run-records';

/**
 * View of the transform output with `_row_id` (the batch table's rowid, in input order) and, from the
 * failures table, per row rule `_fail_<i>`, `_rule` (first broken rule, NULL when the row passed) and
 * `_failed_rules`.
 */
export const CHECKED_TABLE = '_etl_checked';
/** Only the rows that broke a row rule: `_row_id`, `_fail_<i>`, `_rule`, `_failed_rules` (small). */
export const FAILED_TABLE = '_etl_failed';

export interface RowRuleOptions {
  /**
   * Called once FAILED_TABLE is built, before the failing rows are located in their files: returns
   * a table (`_row_id`) of further batch rows whose file, line and raw row are wanted too.
   */
  readonly moreRowsToLocate?: () => Promise<string | undefined>;
}

export interface RowRuleEvaluation {
  readonly outcomes: RuleOutcome[];
  readonly quarantined: number;
  readonly passed: number;
}

/**
 * Evaluates every row-level rule on the transform output in `batchTable` (delete rows are not
 * checked) in one pass, keeping only the rows that break one. A row breaking any rule is quarantined
 * under the first broken rule in definition order; a rule passes when the share of checked rows that
 * keep it is at least its minPassRatio, or at most its allowedFailures rows break it.
 */
export async function evaluateRowRules(
  db: EtlDuckDb,
  job: JobDefinition,
  batchTable: string,
  csvScans: readonly CsvScan[],
  options: RowRuleOptions = {},
): Promise<RowRuleEvaluation> {
  const rules = job.rules.filter(isRowRule);
  const ctx = { rowAlias: 't', referenceView: referenceViewName };
  const flags = rules.map(
    (rule, i) =>
      `CASE WHEN t._op = 'D' THEN FALSE ELSE NOT ${renderRowPredicate(rule, 'duckdb', ctx)} END AS _fail_${i}`,
  );
  const first =
    rules.length === 0
      ? 'CAST(NULL AS VARCHAR)'
      : `CASE ${rules.map((r, i) => `WHEN _fail_${i} THEN ${quoteLiteral(r.name)}`).join(' ')} END`;
  const all =
    rules.length === 0
      ? "''"
      : `concat_ws(',', ${rules.map((r, i) => `CASE WHEN _fail_${i} THEN ${quoteLiteral(r.name)} END`).join(', ')})`;
  const failedColumns = rules.map((_, i) => `_fail_${i}`);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${FAILED_TABLE} AS SELECT _row_id${failedColumns.map((c) => `, ${c}`).join('')}, ${first} AS _rule, ${all} AS _failed_rules
     FROM (SELECT t.rowid AS _row_id${flags.map((f) => `, ${f}`).join('')} FROM ${batchTable} t) f
     WHERE ${rules.length === 0 ? 'false' : `(${failedColumns.join(' OR ')}) IS TRUE`}`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP VIEW ${CHECKED_TABLE} AS SELECT b.rowid AS _row_id, b.*${failedColumns.map((c) => `, COALESCE(x.${c}, FALSE) AS ${c}`).join('')}, x._rule, COALESCE(x._failed_rules, '') AS _failed_rules
     FROM ${batchTable} b LEFT JOIN ${FAILED_TABLE} x ON x._row_id = b.rowid`,
  );
  const sums = rules.map((_, i) => `count(*) FILTER (WHERE _fail_${i}) AS f${i}`);
  const [failures] = await db.rows(
    `SELECT count(*) AS quarantined${sums.map((s) => `, ${s}`).join('')} FROM ${FAILED_TABLE}`,
  );
  const [batch] = await db.rows(
    `SELECT count(*) AS total, count(*) FILTER (WHERE _op <> 'D') AS checked FROM ${batchTable}`,
  );
  const checked = Number(batch?.['checked'] ?? 0);
  const quarantined = Number(failures?.['quarantined'] ?? 0);
  await describeFailedRows(db, batchTable, csvScans, await options.moreRowsToLocate?.());
  const samples = await sampleFailures(db, rules.length);
  const outcomes: RuleOutcome[] = [];
  for (const [i, rule] of rules.entries()) {
    const failed = Number(failures?.[`f${i}`] ?? 0);
    const passed = rowRulePasses(rule, failed, checked);
    outcomes.push({
      rule: rule.name,
      kind: rule.kind,
      level: 'row',
      severity: rule.severity,
      passed,
      observed: failed,
      checked,
      ...(failed > 0
        ? { message: `${failed} of ${checked} rows: ${describeRowFailure(rule)}`, sample: samples.get(i) ?? [] }
        : {}),
    });
  }
  return { outcomes, quarantined, passed: Number(batch?.['total'] ?? 0) - quarantined };
}

/**
 * The source file, line and raw row of every failing row (`FAILED_RAW_TABLE`: `_row_id`, `_source_file`,
 * `_source_line`, `raw_row`): a CSV row keeps its line as written (located in its file now, for these
 * rows only), a database row its change file.
 */
async function describeFailedRows(
  db: EtlDuckDb,
  batchTable: string,
  csvScans: readonly CsvScan[],
  moreRows: string | undefined,
): Promise<void> {
  // One call locates every wanted row (it numbers the rows it has not located yet).
  const wanted = moreRows ? LOCATE_TABLE : FAILED_TABLE;
  if (moreRows)
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${LOCATE_TABLE} AS SELECT _row_id FROM ${FAILED_TABLE} UNION SELECT _row_id FROM ${moreRows}`,
    );
  await locateCsvRows(db, batchTable, wanted, csvScans);
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${FAILED_RAW_TABLE} AS SELECT x._row_id, b._source_file, b._source_line, b._raw_row AS raw_row FROM ${FAILED_TABLE} x JOIN ${batchTable} b ON b.rowid = x._row_id`,
  );
}

/** Up to five failing rows per row rule (source file, line, raw row). */
async function sampleFailures(db: EtlDuckDb, ruleCount: number): Promise<Map<number, Record<string, unknown>[]>> {
  const samples = new Map<number, Record<string, unknown>[]>();
  if (ruleCount === 0) return samples;
  const picks = Array.from(
    { length: ruleCount },
    (_, i) => `(SELECT ${i} AS _rule_index, _row_id FROM ${FAILED_TABLE} WHERE _fail_${i} ORDER BY _row_id LIMIT 5)`,
  );
  const rows = await db.rows(
    `SELECT p._rule_index, r._source_file AS source_file, r._source_line AS source_line, r.raw_row FROM (${picks.join(' UNION ALL ')}) p JOIN ${FAILED_RAW_TABLE} r ON r._row_id = p._row_id ORDER BY p._rule_index, p._row_id`,
  );
  for (const row of rows) {
    const index = Number(row['_rule_index']);
    const { _rule_index: _, ...sample } = row;
    samples.set(index, [...(samples.get(index) ?? []), sample]);
  }
  return samples;
}

const LOCATE_TABLE = '_etl_rows_to_locate';

/** `_row_id`, `_source_file`, `_source_line`, `raw_row` of the rows in FAILED_TABLE. */
export const FAILED_RAW_TABLE = '_etl_failed_raw';

/** The reason text of each row rule, for the quarantine. */
export function rowRuleReasons(job: JobDefinition): Map<string, string> {
  return new Map(job.rules.filter(isRowRule).map((r: RowRule) => [r.name, describeRowFailure(r)]));
}
