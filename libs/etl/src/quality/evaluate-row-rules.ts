import { type JobDefinition, type RowRule, describeRowFailure, isRowRule, minPassRatio, referenceViewName, renderRowPredicate } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { sqlString } from '../duckdb/sql-text';
import type { RuleOutcome } from '../state/run-records';

/** Table of the transform output with `_row_id` and, per row rule, `_fail_<i>`; plus `_rule` (first broken rule). */
export const CHECKED_TABLE = '_etl_checked';

export interface RowRuleEvaluation {
  readonly outcomes: RuleOutcome[];
  readonly quarantined: number;
  readonly passed: number;
}

/**
 * Evaluates every row-level rule on the transform output in `batchTable` (delete rows are not
 * checked). A row breaking any rule is quarantined under the first broken rule in definition
 * order; a rule passes when the share of checked rows that keep it is at least its minPassRatio.
 */
export async function evaluateRowRules(db: EtlDuckDb, job: JobDefinition, batchTable: string): Promise<RowRuleEvaluation> {
  const rules = job.rules.filter(isRowRule);
  const ctx = { rowAlias: 't', referenceView: referenceViewName };
  const flags = rules.map((rule, i) => `CASE WHEN t._op = 'D' THEN FALSE ELSE NOT ${renderRowPredicate(rule, 'duckdb', ctx)} END AS _fail_${i}`);
  const first = rules.length === 0 ? 'NULL' : `CASE ${rules.map((r, i) => `WHEN _fail_${i} THEN ${sqlString(r.name)}`).join(' ')} END`;
  const all = rules.length === 0 ? "''" : `concat_ws(',', ${rules.map((r, i) => `CASE WHEN _fail_${i} THEN ${sqlString(r.name)} END`).join(', ')})`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${CHECKED_TABLE} AS SELECT *, ${first} AS _rule, ${all} AS _failed_rules FROM (SELECT t.*${flags.map((f) => `, ${f}`).join('')} FROM ${batchTable} t) f`,
  );
  const sums = rules.map((_, i) => `count(*) FILTER (WHERE _fail_${i}) AS f${i}`);
  const [totals] = await db.rows(
    `SELECT count(*) FILTER (WHERE _op <> 'D') AS checked, count(*) FILTER (WHERE _rule IS NOT NULL) AS quarantined, count(*) FILTER (WHERE _rule IS NULL) AS passed${sums.map((s) => `, ${s}`).join('')} FROM ${CHECKED_TABLE}`,
  );
  const checked = Number(totals?.['checked'] ?? 0);
  const outcomes: RuleOutcome[] = [];
  for (const [i, rule] of rules.entries()) {
    const failed = Number(totals?.[`f${i}`] ?? 0);
    const passRatio = checked === 0 ? 1 : (checked - failed) / checked;
    const passed = passRatio >= minPassRatio(rule);
    outcomes.push({
      rule: rule.name,
      kind: rule.kind,
      level: 'row',
      severity: rule.severity,
      passed,
      observed: failed,
      checked,
      ...(failed > 0 ? { message: `${failed} of ${checked} rows: ${describeRowFailure(rule)}`, sample: await sampleFailures(db, i) } : {}),
    });
  }
  return { outcomes, quarantined: Number(totals?.['quarantined'] ?? 0), passed: Number(totals?.['passed'] ?? 0) };
}

async function sampleFailures(db: EtlDuckDb, index: number): Promise<Record<string, unknown>[]> {
  return db.rows(`SELECT _source_file AS source_file, _source_line AS source_line, _raw_row AS raw_row FROM ${CHECKED_TABLE} WHERE _fail_${index} ORDER BY _row_id LIMIT 5`);
}

/** The reason text of each row rule, for the quarantine. */
export function rowRuleReasons(job: JobDefinition): Map<string, string> {
  return new Map(job.rules.filter(isRowRule).map((r: RowRule) => [r.name, describeRowFailure(r)]));
}
