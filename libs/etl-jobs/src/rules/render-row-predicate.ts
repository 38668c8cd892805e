import { identifier, numberLiteral, stringLiteral } from '../sql/portable-sql';
import type { JobName } from '../model/job-name';
import type { RowRule } from './rule-types';
import type { SqlDialect } from './sql-dialect';

export interface RowPredicateContext {
  /** Alias of the checked rows in the surrounding query (e.g. `t` in `FROM batch t`). */
  readonly rowAlias: string;
  /** The view or table holding the curated rows of a referenced job. */
  readonly referenceView: (job: JobName) => string;
}

/**
 * A SQL predicate that is true when the row passes the rule (NULL-safe: never NULL).
 * `wellFormed` and `parses` read the meta columns `_malformed` and `_unparsed_columns`.
 */
export function renderRowPredicate(rule: RowRule, dialect: SqlDialect, ctx: RowPredicateContext): string {
  const col = (name: string) => `${ctx.rowAlias}.${identifier(name)}`;
  switch (rule.kind) {
    case 'isComplete':
      return `(${col(rule.column)} IS NOT NULL)`;
    case 'range': {
      const bounds: string[] = [];
      if (rule.min !== undefined)
        bounds.push(`${col(rule.column)} ${rule.exclusiveMin ? '>' : '>='} ${numberLiteral(rule.min)}`);
      if (rule.max !== undefined)
        bounds.push(`${col(rule.column)} ${rule.exclusiveMax ? '<' : '<='} ${numberLiteral(rule.max)}`);
      return `(${col(rule.column)} IS NULL OR (${bounds.join(' AND ') || 'TRUE'}))`;
    }
    case 'allowedValues':
      return `(${col(rule.column)} IS NULL OR ${col(rule.column)} IN (${rule.values.map(stringLiteral).join(', ')}))`;
    case 'pattern': {
      const value = col(rule.column);
      const match =
        dialect === 'duckdb'
          ? `regexp_full_match(CAST(${value} AS VARCHAR), ${stringLiteral(rule.regex)})`
          : `CAST(${value} AS STRING) RLIKE ${stringLiteral(`^(?:${rule.regex})$`)}`;
      return `(${value} IS NULL OR ${match})`;
    }
    case 'rowExpression':
      return `COALESCE((${rule.expression}), TRUE)`;
    case 'references': {
      const ref = ctx.referenceView(rule.job);
      const anyNull = rule.columns.map((c) => `${col(c)} IS NULL`).join(' OR ');
      const join = rule.columns.map((c, i) => `r.${identifier(rule.refColumns[i] ?? c)} = ${col(c)}`).join(' AND ');
      return `(${anyNull} OR EXISTS (SELECT 1 FROM ${ref} r WHERE ${join}))`;
    }
    case 'parses':
      return `(${col('_unparsed_columns')} IS NULL OR ${col('_unparsed_columns')} = '')`;
    case 'wellFormed':
      return `(${col('_malformed')} IS NULL OR NOT ${col('_malformed')})`;
  }
}

/** A one-line human reason for a row that breaks the rule, stored in the quarantine. */
export function describeRowFailure(rule: RowRule): string {
  switch (rule.kind) {
    case 'isComplete':
      return `${rule.column} is missing`;
    case 'range': {
      const parts: string[] = [];
      if (rule.min !== undefined) parts.push(`${rule.exclusiveMin ? '>' : '>='} ${rule.min}`);
      if (rule.max !== undefined) parts.push(`${rule.exclusiveMax ? '<' : '<='} ${rule.max}`);
      return `${rule.column} is outside the allowed range (${parts.join(' and ')})`;
    }
    case 'allowedValues':
      return `${rule.column} is not one of ${rule.values.join(', ')}`;
    case 'pattern':
      return `${rule.column} does not match ${rule.regex}`;
    case 'rowExpression':
      return `row breaks ${rule.expression}`;
    case 'references':
      return `${rule.columns.join(', ')} not found in ${rule.job}.${rule.refColumns.join(', ')}`;
    case 'parses':
      return 'a field does not parse as its column type';
    case 'wellFormed':
      return "the line does not have the header's number of fields";
  }
}
