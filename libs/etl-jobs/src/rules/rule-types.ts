import type { JobName } from '../model/job-name';

export type RuleSeverity = 'warn' | 'fail';

interface RuleBase {
  /** Unique within the job, snake_case; names the rule in quarantine records and run reports. */
  readonly name: string;
  /** `fail` blocks the commit when the rule does not pass; `warn` is reported only. */
  readonly severity: RuleSeverity;
  readonly description: string;
}

/**
 * Row-level rules: each row passes or breaks the rule. Rows that break any row-level rule are
 * quarantined (never written, never dropped silently). The rule itself passes when the share of
 * rows that pass is at least `minPassRatio` (default 1: every row), like DQDL's `with threshold`.
 * NULL values pass value rules (`range`, `allowedValues`, `pattern`, `references`); completeness is
 * its own rule. Delete rows (`_op` = 'D') are not checked.
 */
interface RowRuleBase extends RuleBase {
  readonly level: 'row';
  readonly minPassRatio?: number;
  /**
   * The rule also passes when at most this many rows break it, whatever their share (default 0), so
   * that one bad row in a small delta does not block a job whose ratio allows it in a large one.
   */
  readonly allowedFailures?: number;
}

export interface IsCompleteRule extends RowRuleBase {
  readonly kind: 'isComplete';
  readonly column: string;
}

export interface RangeRule extends RowRuleBase {
  readonly kind: 'range';
  readonly column: string;
  /** Inclusive bounds unless `exclusiveMin`/`exclusiveMax`. */
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
}

export interface AllowedValuesRule extends RowRuleBase {
  readonly kind: 'allowedValues';
  readonly column: string;
  readonly values: readonly string[];
}

export interface PatternRule extends RowRuleBase {
  readonly kind: 'pattern';
  readonly column: string;
  /** Matched against the whole value; the common subset of RE2 (DuckDB) and java.util.regex (Spark). */
  readonly regex: string;
}

export interface RowExpressionRule extends RowRuleBase {
  readonly kind: 'rowExpression';
  /** A portable SQL predicate over the transform output, true when the row is good. */
  readonly expression: string;
}

export interface ReferencesRule extends RowRuleBase {
  readonly kind: 'references';
  readonly columns: readonly string[];
  /** The curated table (by job) that must hold the value. */
  readonly job: JobName;
  readonly refColumns: readonly string[];
}

/** CSV only: every non-empty field casts to its column type. */
export interface ParsesRule extends RowRuleBase {
  readonly kind: 'parses';
}

/** CSV only: the line has as many fields as the header (rows the CSV reader rejects). */
export interface WellFormedRule extends RowRuleBase {
  readonly kind: 'wellFormed';
}

export type RowRule =
  | IsCompleteRule
  | RangeRule
  | AllowedValuesRule
  | PatternRule
  | RowExpressionRule
  | ReferencesRule
  | ParsesRule
  | WellFormedRule;

/** Dataset-level rules: checked once per batch, on the rows that passed the row-level rules. */
interface DatasetRuleBase extends RuleBase {
  readonly level: 'dataset';
}

/** No two rows of the batch (one row per record key after precombine) share these columns. */
export interface IsUniqueRule extends DatasetRuleBase {
  readonly kind: 'isUnique';
  readonly columns: readonly string[];
}

export interface RowCountRule extends DatasetRuleBase {
  readonly kind: 'rowCount';
  readonly min: number;
  readonly max?: number;
}

/**
 * Nothing is lost on the way, each count taken from its own place: rows read from the batch's raw
 * files (change rows; CSV records and the lines the reader rejected) = rows handed to Hudi + rows
 * quarantined + rows dropped as older or repeated versions of a key. Where the runner is given the
 * source database, the table's PostgreSQL row count must also equal the curated rows from
 * PostgreSQL after the write (the outcome names the basis used).
 */
export interface ReconcilesRule extends DatasetRuleBase {
  readonly kind: 'reconciles';
}

/** Output rows / rows of another curated table lies within [minRatio, maxRatio]. */
export interface RowCountMatchRule extends DatasetRuleBase {
  readonly kind: 'rowCountMatch';
  readonly job: JobName;
  readonly minRatio: number;
  readonly maxRatio: number;
}

/** Share of rows whose columns find a match in another curated table is at least `minRatio`. */
export interface ReferenceCoverageRule extends DatasetRuleBase {
  readonly kind: 'referenceCoverage';
  readonly columns: readonly string[];
  readonly job: JobName;
  readonly refColumns: readonly string[];
  readonly minRatio: number;
}

/**
 * The newest value of a timestamp column in the batch is at most `maxAgeHours` old. `clock` says
 * old against what: `run` (default) the run's start; `data` the data's own clock, the newest value
 * of the column in the curated table and the batch (a batch that brings nothing updated within
 * `maxAgeHours` of what the table already holds is stale).
 */
export interface FreshnessRule extends DatasetRuleBase {
  readonly kind: 'freshness';
  readonly column: string;
  readonly maxAgeHours: number;
  readonly clock?: FreshnessClock;
}

export type FreshnessClock = 'run' | 'data';

/** Share of rows for which a portable SQL predicate holds is at least `minRatio` (nothing quarantined). */
export interface ExpressionRatioRule extends DatasetRuleBase {
  readonly kind: 'expressionRatio';
  readonly expression: string;
  readonly minRatio: number;
}

export type DatasetRule =
  | ExpressionRatioRule
  | IsUniqueRule
  | RowCountRule
  | ReconcilesRule
  | RowCountMatchRule
  | ReferenceCoverageRule
  | FreshnessRule;

export type DqRule = RowRule | DatasetRule;

export function isRowRule(rule: DqRule): rule is RowRule {
  return rule.level === 'row';
}

export function isDatasetRule(rule: DqRule): rule is DatasetRule {
  return rule.level === 'dataset';
}

/** The pass ratio a row-level rule needs (1 when not set). */
export function minPassRatio(rule: RowRule): number {
  return rule.minPassRatio ?? 1;
}

/** Whether a row-level rule passes with `failed` of `checked` rows breaking it (ratio, or the absolute allowance). */
export function rowRulePasses(rule: RowRule, failed: number, checked: number): boolean {
  const ratio = checked === 0 ? 1 : (checked - failed) / checked;
  return ratio >= minPassRatio(rule) || failed <= (rule.allowedFailures ?? 0);
}

/**
 * The columns a row-level rule checks, named in its quarantine records (none for a row expression, and for the
 * CSV reader rules `parses` and `wellFormed`, whose records name the fields the row itself got wrong).
 */
export function rowRuleColumns(rule: RowRule): readonly string[] {
  switch (rule.kind) {
    case 'isComplete':
    case 'range':
    case 'allowedValues':
    case 'pattern':
      return [rule.column];
    case 'references':
      return rule.columns;
    case 'rowExpression':
    case 'parses':
    case 'wellFormed':
      return [];
  }
}
