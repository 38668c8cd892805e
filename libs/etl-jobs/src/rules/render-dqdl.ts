import { EtlJobsError } from '../etl-jobs-error';
import { identifier } from '../sql/portable-sql';
import type { DqRule, RowRule } from './rule-types';
import { minPassRatio } from './rule-types';
import { renderRowPredicate } from './render-row-predicate';

const q = (value: string) => JSON.stringify(value);

function withThreshold(rule: RowRule, text: string): string {
  const ratio = minPassRatio(rule);
  return ratio < 1 ? `${text} with threshold >= ${ratio}` : text;
}

/**
 * The rule in AWS Glue Data Quality's DQDL. Reference datasets are named by job (the Glue script
 * passes the curated tables under those aliases in `additional_data_sources`, and the raw input as
 * `source`); row-level rules with `minPassRatio` < 1 carry `with threshold`.
 */
export function renderDqdl(rule: DqRule): string {
  switch (rule.kind) {
    case 'isComplete':
      return minPassRatio(rule) < 1
        ? `Completeness ${q(rule.column)} >= ${minPassRatio(rule)}`
        : `IsComplete ${q(rule.column)}`;
    case 'range': {
      const parts: string[] = [];
      if (rule.min !== undefined)
        parts.push(withThreshold(rule, `ColumnValues ${q(rule.column)} ${rule.exclusiveMin ? '>' : '>='} ${rule.min}`));
      if (rule.max !== undefined)
        parts.push(withThreshold(rule, `ColumnValues ${q(rule.column)} ${rule.exclusiveMax ? '<' : '<='} ${rule.max}`));
      return parts.length === 1 ? (parts[0] ?? '') : parts.map((p) => `(${p})`).join(' and ');
    }
    case 'allowedValues':
      return withThreshold(rule, `ColumnValues ${q(rule.column)} in [${rule.values.map(q).join(', ')}]`);
    case 'pattern':
      return withThreshold(rule, `ColumnValues ${q(rule.column)} matches ${q(rule.regex)}`);
    case 'rowExpression':
    case 'parses':
    case 'wellFormed': {
      const predicate = renderRowPredicate(rule, 'spark', { rowAlias: 'primary', referenceView: (job) => job });
      return withThreshold(rule, `CustomSql ${q(`SELECT * FROM primary WHERE ${predicate}`)}`);
    }
    case 'references': {
      const cols = rule.columns.map(identifier).join(',');
      const refCols = rule.refColumns.length === 1 ? rule.refColumns.join('') : `{${rule.refColumns.join(',')}}`;
      return `ReferentialIntegrity ${q(cols)} ${q(`${rule.job}.${refCols}`)} >= ${minPassRatio(rule)}`;
    }
    case 'isUnique':
      return rule.columns.length === 1
        ? `IsUnique ${q(rule.columns[0] ?? '')}`
        : `IsUnique ${rule.columns.map(q).join(' ')}`;
    case 'rowCount':
      return rule.max === undefined
        ? `RowCount >= ${rule.min}`
        : `(RowCount >= ${rule.min}) and (RowCount <= ${rule.max})`;
    case 'reconciles':
      return `RowCountMatch "source" = 1.0`;
    case 'rowCountMatch':
      return rule.minRatio === rule.maxRatio
        ? `RowCountMatch ${q(rule.job)} = ${rule.minRatio}`
        : `(RowCountMatch ${q(rule.job)} >= ${rule.minRatio}) and (RowCountMatch ${q(rule.job)} <= ${rule.maxRatio})`;
    case 'referenceCoverage': {
      const refCols = rule.refColumns.length === 1 ? rule.refColumns.join('') : `{${rule.refColumns.join(',')}}`;
      return `ReferentialIntegrity ${q(rule.columns.join(','))} ${q(`${rule.job}.${refCols}`)} >= ${rule.minRatio}`;
    }
    case 'expressionRatio':
      return `CustomSql ${q(`SELECT CAST(SUM(CASE WHEN ${rule.expression} THEN 1 ELSE 0 END) AS DOUBLE) / COUNT(*) FROM primary`)} >= ${rule.minRatio}`;
    case 'freshness':
      if (rule.clock === 'data') {
        throw new EtlJobsError(
          'invalid-definition',
          `The freshness rule ${rule.name} measures on the data's clock, which DQDL cannot express (DataFreshness measures against the current time); it is checked by the local runner only.`,
        );
      }
      return `DataFreshness ${q(rule.column)} <= ${rule.maxAgeHours} hours`;
  }
}

/** Whether Glue Data Quality can evaluate the rule as DQDL (a freshness rule on the data's clock it cannot). */
export function dqdlCanExpress(rule: DqRule): boolean {
  return !(rule.kind === 'freshness' && rule.clock === 'data');
}

/** A whole DQDL ruleset: `Rules = [ ... ]`, one rule per line, in definition order (rules DQDL can express). */
export function renderDqdlRuleset(rules: readonly DqRule[]): string {
  return `Rules = [\n${rules
    .filter(dqdlCanExpress)
    .map((r) => `    ${renderDqdl(r)}`)
    .join(',\n')}\n]`;
}
