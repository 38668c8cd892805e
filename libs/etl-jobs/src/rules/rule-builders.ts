import type { JobName } from '../model/job-name';
import type {
  AllowedValuesRule,
  ExpressionRatioRule,
  FreshnessClock,
  FreshnessRule,
  IsCompleteRule,
  IsUniqueRule,
  ParsesRule,
  PatternRule,
  RangeRule,
  ReconcilesRule,
  ReferenceCoverageRule,
  ReferencesRule,
  RowCountMatchRule,
  RowCountRule,
  RowExpressionRule,
  RuleSeverity,
  WellFormedRule,
} from './rule-types';

/** Options shared by the builders: a name other than the default, and the pass ratio of row rules. */
export interface RuleOptions {
  readonly name?: string;
  readonly minPassRatio?: number;
  /** Row rules: the rule passes too when at most this many rows break it. */
  readonly allowedFailures?: number;
  readonly description?: string;
}

const rowExtras = (options: RuleOptions | undefined) => ({
  ...(options?.minPassRatio === undefined ? {} : { minPassRatio: options.minPassRatio }),
  ...(options?.allowedFailures === undefined ? {} : { allowedFailures: options.allowedFailures }),
});

export function isComplete(column: string, severity: RuleSeverity, options?: RuleOptions): IsCompleteRule {
  return {
    kind: 'isComplete',
    level: 'row',
    name: options?.name ?? `${column}_is_complete`,
    severity,
    column,
    description: options?.description ?? `${column} has a value`,
    ...rowExtras(options),
  };
}

export function inRange(
  column: string,
  bounds: { min?: number; max?: number; exclusiveMin?: boolean; exclusiveMax?: boolean },
  severity: RuleSeverity,
  options?: RuleOptions,
): RangeRule {
  const text = [
    bounds.min === undefined ? '' : `${bounds.exclusiveMin ? '>' : '>='} ${bounds.min}`,
    bounds.max === undefined ? '' : `${bounds.exclusiveMax ? '<' : '<='} ${bounds.max}`,
  ]
    .filter(Boolean)
    .join(' and ');
  return {
    kind: 'range',
    level: 'row',
    name: options?.name ?? `${column}_in_range`,
    severity,
    column,
    ...bounds,
    description: options?.description ?? `${column} ${text}`,
    ...rowExtras(options),
  };
}

export function allowedValues(
  column: string,
  values: readonly string[],
  severity: RuleSeverity,
  options?: RuleOptions,
): AllowedValuesRule {
  return {
    kind: 'allowedValues',
    level: 'row',
    name: options?.name ?? `${column}_allowed`,
    severity,
    column,
    values,
    description: options?.description ?? `${column} is one of ${values.length} allowed values`,
    ...rowExtras(options),
  };
}

export function matchesPattern(
  column: string,
  regex: string,
  severity: RuleSeverity,
  options?: RuleOptions,
): PatternRule {
  return {
    kind: 'pattern',
    level: 'row',
    name: options?.name ?? `${column}_pattern`,
    severity,
    column,
    regex,
    description: options?.description ?? `${column} matches ${regex}`,
    ...rowExtras(options),
  };
}

export function rowExpression(
  name: string,
  expression: string,
  severity: RuleSeverity,
  description: string,
  options?: RuleOptions,
): RowExpressionRule {
  return { kind: 'rowExpression', level: 'row', name, severity, expression, description, ...rowExtras(options) };
}

export function references(
  columns: readonly string[],
  job: JobName,
  refColumns: readonly string[],
  severity: RuleSeverity,
  options?: RuleOptions,
): ReferencesRule {
  return {
    kind: 'references',
    level: 'row',
    name: options?.name ?? `${columns.join('_')}_in_${job}`,
    severity,
    columns,
    job,
    refColumns,
    description: options?.description ?? `${columns.join(', ')} exists in curated ${job}`,
    ...rowExtras(options),
  };
}

export function parses(severity: RuleSeverity, options?: RuleOptions): ParsesRule {
  return {
    kind: 'parses',
    level: 'row',
    name: options?.name ?? 'fields_parse',
    severity,
    description: options?.description ?? 'every CSV field casts to its column type',
    ...rowExtras(options),
  };
}

export function wellFormed(severity: RuleSeverity, options?: RuleOptions): WellFormedRule {
  return {
    kind: 'wellFormed',
    level: 'row',
    name: options?.name ?? 'line_well_formed',
    severity,
    description: options?.description ?? "the CSV line has the header's number of fields",
    ...rowExtras(options),
  };
}

export function isUnique(columns: readonly string[], severity: RuleSeverity, options?: RuleOptions): IsUniqueRule {
  return {
    kind: 'isUnique',
    level: 'dataset',
    name: options?.name ?? `${columns.join('_')}_is_unique`,
    severity,
    columns,
    description: options?.description ?? `${columns.join(', ')} identifies one row`,
  };
}

export function rowCount(min: number, severity: RuleSeverity, options?: RuleOptions & { max?: number }): RowCountRule {
  return {
    kind: 'rowCount',
    level: 'dataset',
    name: options?.name ?? 'row_count',
    severity,
    min,
    ...(options?.max === undefined ? {} : { max: options.max }),
    description: options?.description ?? `at least ${min} row(s)`,
  };
}

export function reconciles(severity: RuleSeverity, options?: RuleOptions): ReconcilesRule {
  return {
    kind: 'reconciles',
    level: 'dataset',
    name: options?.name ?? 'reconciles_with_source',
    severity,
    description:
      options?.description ??
      'rows read from the raw files = rows written + rows quarantined + versions dropped (and PostgreSQL rows = curated rows, where the source is given)',
  };
}

export function rowCountMatch(
  job: JobName,
  minRatio: number,
  maxRatio: number,
  severity: RuleSeverity,
  options?: RuleOptions,
): RowCountMatchRule {
  return {
    kind: 'rowCountMatch',
    level: 'dataset',
    name: options?.name ?? `row_count_matches_${job}`,
    severity,
    job,
    minRatio,
    maxRatio,
    description: options?.description ?? `row count / ${job} row count in [${minRatio}, ${maxRatio}]`,
  };
}

export function referenceCoverage(
  columns: readonly string[],
  job: JobName,
  refColumns: readonly string[],
  minRatio: number,
  severity: RuleSeverity,
  options?: RuleOptions,
): ReferenceCoverageRule {
  return {
    kind: 'referenceCoverage',
    level: 'dataset',
    name: options?.name ?? `${columns.join('_')}_covered_by_${job}`,
    severity,
    columns,
    job,
    refColumns,
    minRatio,
    description: options?.description ?? `at least ${minRatio * 100}% of ${columns.join(', ')} found in ${job}`,
  };
}

export function freshness(
  column: string,
  maxAgeHours: number,
  severity: RuleSeverity,
  options?: RuleOptions & { clock?: FreshnessClock },
): FreshnessRule {
  const clock = options?.clock ?? 'run';
  return {
    kind: 'freshness',
    level: 'dataset',
    name: options?.name ?? `${column}_fresh`,
    severity,
    column,
    maxAgeHours,
    ...(options?.clock === undefined ? {} : { clock: options.clock }),
    description:
      options?.description ??
      (clock === 'data'
        ? `newest ${column} of the batch at most ${maxAgeHours} h older than the newest ${column} of the table`
        : `newest ${column} at most ${maxAgeHours} h old`),
  };
}

export function expressionRatio(
  name: string,
  expression: string,
  minRatio: number,
  severity: RuleSeverity,
  description: string,
): ExpressionRatioRule {
  return { kind: 'expressionRatio', level: 'dataset', name, severity, expression, minRatio, description };
}
