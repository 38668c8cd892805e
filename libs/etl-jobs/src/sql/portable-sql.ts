import { EtlJobsError } from '../etl-jobs-error';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Column and view names are plain snake_case so that neither engine needs quoting. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new EtlJobsError(
      'invalid-definition',
      `"${name}" is not a plain snake_case identifier; rename it (letters, digits, underscores) so DuckDB and Spark SQL read it alike.`,
    );
  }
  return name;
}

/**
 * A string literal both engines read the same way. Spark SQL treats backslashes as escapes and
 * concatenates adjacent literals ('a''b' is "ab" there), so quotes and backslashes are refused.
 */
export function stringLiteral(value: string): string {
  if (value.includes("'") || value.includes('\\')) {
    throw new EtlJobsError(
      'invalid-definition',
      `The value ${JSON.stringify(value)} holds a quote or backslash, which DuckDB and Spark SQL read differently; use a character class or drop the character.`,
    );
  }
  return `'${value}'`;
}

export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) {
    throw new EtlJobsError(
      'invalid-definition',
      `The bound ${value} is not a finite number; use a finite number in the rule.`,
    );
  }
  return String(value);
}

/**
 * Constructs that only one of the two engines accepts; transform SQL must use none of them.
 * The list is checked by `portabilityProblems` (and by the job tests).
 */
const NON_PORTABLE: ReadonlyArray<{ readonly pattern: RegExp; readonly why: string }> = [
  { pattern: /::/, why: 'the :: cast is DuckDB/PostgreSQL only; use CAST(x AS type)' },
  { pattern: /`/, why: 'backtick quoting is Spark only; use plain snake_case names' },
  { pattern: /"/, why: 'double-quoted identifiers are strings in Spark; use plain snake_case names' },
  { pattern: /\bQUALIFY\b/i, why: 'QUALIFY is DuckDB only; filter row_number() in an outer query' },
  { pattern: /\bstrftime\b|\bstrptime\b/i, why: 'strftime/strptime are DuckDB only' },
  { pattern: /\bdate_format\b|\bto_date\b/i, why: 'date_format/to_date are Spark only' },
  {
    pattern: /\bregexp_matches\b|\bregexp_full_match\b|\bRLIKE\b/i,
    why: 'regular expression functions differ; use a pattern rule',
  },
  {
    pattern: /\bstruct_pack\b|\blist_\w+|\bnamed_struct\b/i,
    why: 'struct/list constructors differ between the engines',
  },
  {
    pattern: /\bVARCHAR\b|\bINTEGER\b|\bHUGEINT\b/i,
    why: 'use STRING, INT, BIGINT: the spellings both engines accept',
  },
  { pattern: /\bEXCLUDE\b|\bREPLACE\s*\(/i, why: 'SELECT * EXCLUDE/REPLACE are DuckDB only' },
  { pattern: /\\/, why: 'backslashes are escapes in Spark string literals only' },
  { pattern: /\bILIKE\b/i, why: 'ILIKE is not in Spark 3.5 SQL; use lower(x) LIKE' },
];

/** Reasons the SQL is not in the DuckDB/Spark SQL common subset (empty when it is). */
export function portabilityProblems(sql: string): string[] {
  const withoutStrings = sql.replace(/'[^']*'/g, "''");
  return NON_PORTABLE.filter((rule) => rule.pattern.test(rule.pattern.source === '\\\\' ? sql : withoutStrings)).map(
    (rule) => rule.why,
  );
}
