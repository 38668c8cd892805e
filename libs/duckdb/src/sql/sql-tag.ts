import { DuckDbError } from '../duckdb-error';
import { type SqlLiteralValue, quoteIdentifier, quoteList, quoteLiteral } from './quote';

/** A piece of SQL text that is already safe to splice: built by `sql`, `sql.id`, `sql.lit`, `sql.list`, `sql.join` or `sql.raw`. */
export class SqlFragment {
  constructor(readonly text: string) {}

  toString(): string {
    return this.text;
  }
}

/** What a `sql` template may interpolate: a fragment as it is, anything else as a literal. */
export type SqlInterpolation = SqlFragment | SqlLiteralValue;

function splice(value: SqlInterpolation): string {
  return value instanceof SqlFragment ? value.text : quoteLiteral(value);
}

function template(strings: TemplateStringsArray, ...values: SqlInterpolation[]): SqlFragment {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += splice(value) + (strings[i + 1] ?? '');
  });
  return new SqlFragment(text);
}

export interface SqlTag {
  /**
   * SQL text from a template: fragments (`sql.id`, nested `sql` templates...) are spliced as they
   * are, every other value becomes a literal, so a value can never turn into SQL.
   *
   * @example
   * const file = "/lake/it's.parquet";
   * sql`SELECT count(*) FROM read_parquet(${file}) WHERE ${sql.id('order')} > ${10}`.text
   * // "SELECT count(*) FROM read_parquet('/lake/it''s.parquet') WHERE \"order\" > 10"
   */
  (strings: TemplateStringsArray, ...values: SqlInterpolation[]): SqlFragment;
  /**
   * A quoted identifier; several names make a qualified one.
   *
   * @example
   * sql.id('main', 'my table').text  // '"main"."my table"'
   */
  id(...names: string[]): SqlFragment;
  /**
   * A literal (text, number, bigint, boolean or null).
   *
   * @example
   * sql.lit("O'Brien").text  // "'O''Brien'"
   */
  lit(value: SqlLiteralValue): SqlFragment;
  /**
   * A DuckDB list literal.
   *
   * @example
   * sql`SELECT * FROM read_parquet(${sql.list(files)})`
   */
  list(values: readonly SqlLiteralValue[]): SqlFragment;
  /**
   * Items joined by a separator (default `, `); items that are not fragments become literals.
   *
   * @example
   * sql`SELECT ${sql.join(columns.map((c) => sql.id(c)))} FROM t`
   */
  join(items: readonly SqlInterpolation[], separator?: SqlFragment): SqlFragment;
  /**
   * Trusted SQL text spliced as it is (keywords, generated expressions). Never user input.
   *
   * @example
   * sql`SELECT * FROM t ORDER BY k ${sql.raw(descending ? 'DESC' : 'ASC')}`
   */
  raw(text: string): SqlFragment;
}

/** The SQL template tag, modelled on Kysely's `sql`: see {@link SqlTag}. */
export const sql: SqlTag = Object.assign(template, {
  id(...names: string[]): SqlFragment {
    if (names.length === 0)
      throw new DuckDbError('invalid-identifier', 'sql.id() was given no name; pass the table or column name.');
    return new SqlFragment(names.map(quoteIdentifier).join('.'));
  },
  lit(value: SqlLiteralValue): SqlFragment {
    return new SqlFragment(quoteLiteral(value));
  },
  list(values: readonly SqlLiteralValue[]): SqlFragment {
    return new SqlFragment(quoteList(values));
  },
  join(items: readonly SqlInterpolation[], separator: SqlFragment = new SqlFragment(', ')): SqlFragment {
    return new SqlFragment(items.map(splice).join(separator.text));
  },
  raw(text: string): SqlFragment {
    return new SqlFragment(text);
  },
});
