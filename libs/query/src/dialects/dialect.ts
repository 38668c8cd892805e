import type { IntervalUnit, SqlValue } from '../builder/ast';

export type DialectName = 'duckdb' | 'trino';

/** Where in a statement an expression is rendered; Athena takes `?` parameters in WHERE only. */
export type ClauseContext = 'select' | 'join' | 'where' | 'group' | 'having' | 'order';

/** How one SQL dialect spells what the renderer needs. */
export interface Dialect {
  readonly name: DialectName;
  quoteIdentifier(name: string): string;
  /** Whether a value in this clause becomes a bound parameter (else an escaped literal). */
  parameterizes(context: ClauseContext): boolean;
  /** Placeholder text for the 1-based parameter `index`. */
  placeholder(index: number): string;
  /** What the executor passes for a bound value (DuckDB: the value; Athena: its literal text). */
  parameterValue(value: SqlValue): unknown;
  /** The value as a safe SQL literal. */
  literal(value: SqlValue): string;
  interval(amount: number, unit: IntervalUnit): string;
  /**
   * `avg` of a DECIMAL of scale `scale` as an exact decimal of that scale, rounded half away from
   * zero; undefined when the dialect's own avg already does that (Trino).
   */
  decimalAverage?(argument: string, scale: number): string;
}

/** A rendered statement: SQL text plus the values bound to its placeholders, in order. */
export interface CompiledQuery {
  readonly dialect: DialectName;
  readonly sql: string;
  readonly parameters: readonly unknown[];
  /** Catalog tables the statement reads, when known (built queries). */
  readonly tables?: readonly string[];
}
