/** A value that only ever reaches SQL as a bound parameter or an escaped literal. */
export type SqlValue = string | number | bigint | boolean | null | Date;

/** SQL types a value or expression can be cast to, spelled the same in DuckDB and Trino. */
export type CastType =
  'BIGINT' | 'INTEGER' | 'DOUBLE' | 'VARCHAR' | 'DATE' | 'TIMESTAMP' | 'BOOLEAN' | `DECIMAL(${number},${number})`;

export type IntervalUnit = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';
export type DateTruncUnit = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'hour';
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type ArithmeticOp = '+' | '-' | '*' | '/';
export type AggregateFn = 'count' | 'sum' | 'avg' | 'min' | 'max';
export type ScalarFn =
  'date_trunc' | 'year' | 'month' | 'day' | 'round' | 'coalesce' | 'lower' | 'upper' | 'abs' | 'length';

export type ExprNode =
  | { readonly kind: 'column'; readonly alias: string; readonly column: string }
  | { readonly kind: 'value'; readonly value: SqlValue; readonly cast?: CastType }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'date'; readonly value: string }
  | { readonly kind: 'timestamp'; readonly value: string }
  | { readonly kind: 'interval'; readonly amount: number; readonly unit: IntervalUnit }
  | { readonly kind: 'compare'; readonly op: ComparisonOp; readonly left: ExprNode; readonly right: ExprNode }
  | { readonly kind: 'arith'; readonly op: ArithmeticOp; readonly left: ExprNode; readonly right: ExprNode }
  | { readonly kind: 'logical'; readonly op: 'and' | 'or'; readonly items: readonly ExprNode[] }
  | { readonly kind: 'not'; readonly expr: ExprNode }
  | { readonly kind: 'isNull'; readonly expr: ExprNode; readonly negated: boolean }
  | { readonly kind: 'in'; readonly expr: ExprNode; readonly values: readonly ExprNode[]; readonly negated: boolean }
  | { readonly kind: 'between'; readonly expr: ExprNode; readonly low: ExprNode; readonly high: ExprNode }
  | { readonly kind: 'like'; readonly expr: ExprNode; readonly pattern: ExprNode }
  | {
      readonly kind: 'aggregate';
      readonly fn: AggregateFn;
      readonly arg?: ExprNode;
      readonly distinct: boolean;
      /** For avg over a DECIMAL(p,s) column: s. The average is then a decimal of that scale, rounded half away from zero (Trino's avg). */
      readonly decimalScale?: number;
    }
  | { readonly kind: 'call'; readonly fn: ScalarFn; readonly args: readonly ExprNode[] }
  | { readonly kind: 'keyword'; readonly value: DateTruncUnit }
  | { readonly kind: 'cast'; readonly expr: ExprNode; readonly type: CastType }
  | { readonly kind: 'outputRef'; readonly name: string };

export type JoinKind = 'inner' | 'left';

export interface FromItem {
  readonly table: string;
  readonly alias: string;
}

export interface JoinItem extends FromItem {
  readonly kind: JoinKind;
  readonly on: ExprNode;
}

export interface SelectItem {
  readonly name: string;
  readonly expr: ExprNode;
}

export interface OrderItem {
  readonly expr: ExprNode;
  readonly direction: 'asc' | 'desc';
  readonly nulls?: 'first' | 'last';
}

/** A whole SELECT statement as data; dialects render it. */
export interface SelectQueryNode {
  readonly from: FromItem;
  readonly joins: readonly JoinItem[];
  readonly select: readonly SelectItem[];
  readonly distinct: boolean;
  readonly where?: ExprNode;
  readonly groupBy: readonly ExprNode[];
  readonly having?: ExprNode;
  readonly orderBy: readonly OrderItem[];
  readonly limit?: number;
  readonly offset?: number;
}
