import { QueryError } from '../query-error';
import type {
  AggregateFn,
  ArithmeticOp,
  CastType,
  ComparisonOp,
  DateTruncUnit,
  ExprNode,
  IntervalUnit,
  SqlValue,
} from './ast';
import { type QuerySchema, requireColumn } from './query-schema';
import { type ColumnRef, type ColumnValue, type Database, type Expr, type Scope, expr } from './types';

/** Left-hand operands: a column reference or an expression. */
export type Operand<DB extends Database, S extends Scope> = ColumnRef<DB, S> | Expr;
/** Right-hand operands: an expression, or a JS value that becomes a bound parameter. */
export type ValueOperand = Expr | SqlValue;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?$/;

export function checkDate(value: string, what = 'date'): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new QueryError(
      'invalid-parameter',
      `The ${what} ${JSON.stringify(value)} is not a YYYY-MM-DD date (e.g. "2024-01-31").`,
    );
  }
  return value;
}

export function checkTimestamp(value: string): string {
  if (
    typeof value !== 'string' ||
    !ISO_TIMESTAMP.test(value) ||
    Number.isNaN(Date.parse(`${value.replace(' ', 'T')}Z`))
  ) {
    throw new QueryError(
      'invalid-parameter',
      `The timestamp ${JSON.stringify(value)} is not "YYYY-MM-DD HH:MM:SS[.ffffff]".`,
    );
  }
  return value.replace('T', ' ');
}

function isExpr(x: unknown): x is Expr {
  return typeof x === 'object' && x !== null && !(x instanceof Date) && 'node' in x;
}

/**
 * Builds expressions over the tables in scope. Column references are checked against the
 * catalog schema; JS values always become parameters (or escaped literals), never SQL text.
 */
export class ExpressionBuilder<DB extends Database, S extends Scope> {
  constructor(
    private readonly schema: QuerySchema,
    private readonly scope: Readonly<Record<string, string>>,
  ) {}

  /** A column of a table in scope: `e.col('so.total_amount')`. */
  col<R extends ColumnRef<DB, S>>(ref: R): Expr<ColumnValue<DB, S, R>> {
    const text = String(ref);
    const dot = text.indexOf('.');
    const alias = dot > 0 ? text.slice(0, dot) : '';
    const column = dot > 0 ? text.slice(dot + 1) : text;
    const table = Object.hasOwn(this.scope, alias) ? this.scope[alias] : undefined;
    if (table === undefined) {
      throw new QueryError(
        'unknown-column',
        `Column reference "${text}" names no table in the query; write "<alias>.<column>" with one of: ${Object.keys(this.scope).join(', ')}.`,
      );
    }
    requireColumn(this.schema, table, column);
    return expr({ kind: 'column', alias, column });
  }

  /** A bound parameter. */
  val<T extends SqlValue>(value: T): Expr<T> {
    return expr({ kind: 'value', value: checkValue(value) });
  }

  /** A date parameter: `CAST(? AS DATE)` bound to "YYYY-MM-DD". */
  dateParam(value: string): Expr<string> {
    return expr({ kind: 'value', value: checkDate(value), cast: 'DATE' });
  }

  /** A timestamp parameter: `CAST(? AS TIMESTAMP)`. */
  timestampParam(value: string): Expr<string> {
    return expr({ kind: 'value', value: checkTimestamp(value), cast: 'TIMESTAMP' });
  }

  /** A `DATE 'YYYY-MM-DD'` literal (validated). */
  date(value: string): Expr<string> {
    return expr({ kind: 'date', value: checkDate(value) });
  }

  /** A `TIMESTAMP '...'` literal (validated). */
  timestamp(value: string): Expr<string> {
    return expr({ kind: 'timestamp', value: checkTimestamp(value) });
  }

  interval(amount: number, unit: IntervalUnit): Expr<unknown> {
    if (!Number.isInteger(amount))
      throw new QueryError('invalid-parameter', `An interval needs a whole number of ${unit}s, not ${amount}.`);
    return expr({ kind: 'interval', amount, unit });
  }

  private operand(x: Operand<DB, S>): ExprNode {
    return isExpr(x) ? x.node : this.col(x as ColumnRef<DB, S>).node;
  }

  private value(x: ValueOperand): ExprNode {
    return isExpr(x) ? x.node : { kind: 'value', value: checkValue(x) };
  }

  private compare(op: ComparisonOp, left: Operand<DB, S>, right: ValueOperand): Expr<boolean> {
    return expr({ kind: 'compare', op, left: this.operand(left), right: this.value(right) });
  }

  eq(left: Operand<DB, S>, right: ValueOperand): Expr<boolean> {
    return this.compare('=', left, right);
  }
  ne(left: Operand<DB, S>, right: ValueOperand): Expr<boolean> {
    return this.compare('<>', left, right);
  }
  lt(left: Operand<DB, S>, right: ValueOperand): Expr<boolean> {
    return this.compare('<', left, right);
  }
  lte(left: Operand<DB, S>, right: ValueOperand): Expr<boolean> {
    return this.compare('<=', left, right);
  }
  gt(left: Operand<DB, S>, right: ValueOperand): Expr<boolean> {
    return this.compare('>', left, right);
  }
  gte(left: Operand<DB, S>, right: ValueOperand): Expr<boolean> {
    return this.compare('>=', left, right);
  }

  and(...items: Expr<boolean>[]): Expr<boolean> {
    if (items.length === 0) throw new QueryError('invalid-query', 'and() needs at least one condition.');
    return items.length === 1
      ? (items[0] as Expr<boolean>)
      : expr({ kind: 'logical', op: 'and', items: items.map((i) => i.node) });
  }
  or(...items: Expr<boolean>[]): Expr<boolean> {
    if (items.length === 0) throw new QueryError('invalid-query', 'or() needs at least one condition.');
    return items.length === 1
      ? (items[0] as Expr<boolean>)
      : expr({ kind: 'logical', op: 'or', items: items.map((i) => i.node) });
  }
  not(item: Expr<boolean>): Expr<boolean> {
    return expr({ kind: 'not', expr: item.node });
  }
  isNull(x: Operand<DB, S>): Expr<boolean> {
    return expr({ kind: 'isNull', expr: this.operand(x), negated: false });
  }
  isNotNull(x: Operand<DB, S>): Expr<boolean> {
    return expr({ kind: 'isNull', expr: this.operand(x), negated: true });
  }
  in(x: Operand<DB, S>, values: readonly ValueOperand[]): Expr<boolean> {
    if (values.length === 0)
      throw new QueryError('invalid-query', 'in() needs at least one value; an empty list matches nothing.');
    return expr({ kind: 'in', expr: this.operand(x), values: values.map((v) => this.value(v)), negated: false });
  }
  notIn(x: Operand<DB, S>, values: readonly ValueOperand[]): Expr<boolean> {
    if (values.length === 0) throw new QueryError('invalid-query', 'notIn() needs at least one value.');
    return expr({ kind: 'in', expr: this.operand(x), values: values.map((v) => this.value(v)), negated: true });
  }
  between(x: Operand<DB, S>, low: ValueOperand, high: ValueOperand): Expr<boolean> {
    return expr({ kind: 'between', expr: this.operand(x), low: this.value(low), high: this.value(high) });
  }
  like(x: Operand<DB, S>, pattern: ValueOperand): Expr<boolean> {
    return expr({ kind: 'like', expr: this.operand(x), pattern: this.value(pattern) });
  }

  private arith(op: ArithmeticOp, left: Operand<DB, S>, right: Operand<DB, S> | SqlValue): Expr<number> {
    const r = typeof right === 'string' ? this.operand(right as Operand<DB, S>) : this.value(right as ValueOperand);
    return expr({ kind: 'arith', op, left: this.operand(left), right: r });
  }
  /** Arithmetic; a string right operand is a column reference, other JS values are parameters. */
  add(left: Operand<DB, S>, right: Operand<DB, S> | SqlValue): Expr<number> {
    return this.arith('+', left, right);
  }
  sub(left: Operand<DB, S>, right: Operand<DB, S> | SqlValue): Expr<number> {
    return this.arith('-', left, right);
  }
  mul(left: Operand<DB, S>, right: Operand<DB, S> | SqlValue): Expr<number> {
    return this.arith('*', left, right);
  }
  div(left: Operand<DB, S>, right: Operand<DB, S> | SqlValue): Expr<number> {
    return this.arith('/', left, right);
  }

  private aggregate(fn: AggregateFn, x: Operand<DB, S> | undefined, distinct: boolean): ExprNode {
    return x === undefined
      ? { kind: 'aggregate', fn, distinct }
      : { kind: 'aggregate', fn, arg: this.operand(x), distinct };
  }
  /** count(*) without an argument, count(x) with one. */
  count(x?: Operand<DB, S>): Expr<number> {
    return expr(this.aggregate('count', x, false));
  }
  countDistinct(x: Operand<DB, S>): Expr<number> {
    return expr(this.aggregate('count', x, true));
  }
  sum(x: Operand<DB, S>): Expr<number> {
    return expr(this.aggregate('sum', x, false));
  }
  /**
   * The average. Over a DECIMAL(p,s) column it is exact in every dialect: a decimal of scale s,
   * rounded half away from zero (Trino's avg; DuckDB would give a DOUBLE, which can round a
   * half-cent average the wrong way).
   */
  avg(x: Operand<DB, S>): Expr<number> {
    const node = this.aggregate('avg', x, false);
    const scale = node.kind === 'aggregate' && node.arg ? this.decimalScaleOf(node.arg) : undefined;
    return expr(scale === undefined ? node : ({ ...node, decimalScale: scale } as ExprNode));
  }

  /** The scale of a DECIMAL column (from the catalog schema), else undefined. */
  private decimalScaleOf(node: ExprNode): number | undefined {
    if (node.kind !== 'column') return undefined;
    const table = this.scope[node.alias];
    if (table === undefined) return undefined;
    const match = /^decimal\(\s*\d+\s*,\s*(\d+)\s*\)$/i.exec(requireColumn(this.schema, table, node.column));
    return match ? Number(match[1]) : undefined;
  }
  min<R extends ColumnRef<DB, S>>(x: R | Expr): Expr<ColumnValue<DB, S, R>> {
    return expr(this.aggregate('min', x, false));
  }
  max<R extends ColumnRef<DB, S>>(x: R | Expr): Expr<ColumnValue<DB, S, R>> {
    return expr(this.aggregate('max', x, false));
  }

  /** `date_trunc('<unit>', x)`: a timestamp at the start of the unit. */
  dateTrunc(unit: DateTruncUnit, x: Operand<DB, S>): Expr<string> {
    return expr({ kind: 'call', fn: 'date_trunc', args: [{ kind: 'keyword', value: unit }, this.operand(x)] });
  }
  year(x: Operand<DB, S>): Expr<number> {
    return expr({ kind: 'call', fn: 'year', args: [this.operand(x)] });
  }
  month(x: Operand<DB, S>): Expr<number> {
    return expr({ kind: 'call', fn: 'month', args: [this.operand(x)] });
  }
  round(x: Operand<DB, S>, digits = 0): Expr<number> {
    if (!Number.isInteger(digits) || digits < 0 || digits > 18)
      throw new QueryError('invalid-parameter', `round() takes 0 to 18 digits, not ${digits}.`);
    return expr({ kind: 'call', fn: 'round', args: [this.operand(x), { kind: 'integer', value: digits }] });
  }
  coalesce(x: Operand<DB, S>, fallback: ValueOperand): Expr<unknown> {
    return expr({ kind: 'call', fn: 'coalesce', args: [this.operand(x), this.value(fallback)] });
  }
  lower(x: Operand<DB, S>): Expr<string> {
    return expr({ kind: 'call', fn: 'lower', args: [this.operand(x)] });
  }
  upper(x: Operand<DB, S>): Expr<string> {
    return expr({ kind: 'call', fn: 'upper', args: [this.operand(x)] });
  }
  cast<T = unknown>(x: Operand<DB, S>, type: CastType): Expr<T> {
    if (!/^(BIGINT|INTEGER|DOUBLE|VARCHAR|DATE|TIMESTAMP|BOOLEAN|DECIMAL\(\d{1,2},\d{1,2}\))$/.test(type)) {
      throw new QueryError(
        'invalid-query',
        `Cannot cast to ${JSON.stringify(type)}; use BIGINT, INTEGER, DOUBLE, VARCHAR, DATE, TIMESTAMP, BOOLEAN or DECIMAL(p,s).`,
      );
    }
    return expr({ kind: 'cast', expr: this.operand(x), type });
  }
}

/** Rejects values that cannot be bound safely (NaN, Infinity, NUL characters, invalid dates). */
export function checkValue<T extends SqlValue>(value: T): T {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new QueryError('invalid-parameter', `The number ${value} cannot be a query parameter; pass a finite number.`);
  if (typeof value === 'string' && value.includes('\u0000'))
    throw new QueryError('invalid-parameter', 'A query parameter contains a NUL character; remove it.');
  if (value instanceof Date && Number.isNaN(value.getTime()))
    throw new QueryError('invalid-parameter', 'A query parameter is an invalid Date.');
  if (value !== null && !['string', 'number', 'bigint', 'boolean'].includes(typeof value) && !(value instanceof Date)) {
    throw new QueryError(
      'invalid-parameter',
      `A query parameter has type ${typeof value}; use a string, number, bigint, boolean, Date or null.`,
    );
  }
  return value;
}
