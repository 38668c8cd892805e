import type { ExprNode, SelectQueryNode } from './ast';

/** Table name -> column name -> TypeScript type of its values. */
export type Database = Record<string, Record<string, unknown>>;

/** Alias -> table name, for the tables a query has in scope. */
export type Scope = Record<string, string>;

/** `"alias.column"` for every column of every table in scope. */
export type ColumnRef<DB extends Database, S extends Scope> = {
  [A in keyof S & string]: S[A] extends keyof DB ? `${A}.${keyof DB[S[A]] & string}` : never;
}[keyof S & string];

/** TypeScript type of the values of a column reference. */
export type ColumnValue<DB extends Database, S extends Scope, R extends string> = R extends `${infer A}.${infer C}`
  ? A extends keyof S
    ? S[A] extends keyof DB
      ? C extends keyof DB[S[A]]
        ? DB[S[A]][C]
        : never
      : never
    : never
  : never;

/** A typed SQL expression; `T` is the type of its values. */
export interface Expr<T = unknown> {
  readonly node: ExprNode;
  /** Phantom: never set; carries the value type. */
  readonly __type?: T;
}

export function expr<T>(node: ExprNode): Expr<T> {
  return { node };
}

/** Anything that yields a SELECT statement node: every SelectQueryBuilder, whatever its types. */
export interface BuiltQuery {
  toNode(): SelectQueryNode;
  tables(): string[];
}
