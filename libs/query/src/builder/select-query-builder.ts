import { QueryError } from '../query-error';
import type { ExprNode, JoinItem, JoinKind, OrderItem, SelectItem, SelectQueryNode } from './ast';
import { ExpressionBuilder } from './expression-builder';
import { type QuerySchema, requireTable } from './query-schema';
import type { ColumnRef, ColumnValue, Database, Expr, Scope } from './types';

const ALIAS = /^[a-z_][a-z0-9_]{0,62}$/;

function checkAlias(alias: string, what: string): string {
  if (!ALIAS.test(alias)) {
    throw new QueryError(
      'invalid-query',
      `The ${what} ${JSON.stringify(alias)} is not a valid name: use lowercase letters, digits and "_", starting with a letter or "_".`,
    );
  }
  return alias;
}

type Selection<DB extends Database, S extends Scope> = Record<string, ColumnRef<DB, S> | Expr>;

type SelectedRow<DB extends Database, S extends Scope, Sel> = {
  [K in keyof Sel]: Sel[K] extends Expr<infer T> ? T : Sel[K] extends string ? ColumnValue<DB, S, Sel[K]> : never;
};

/**
 * An immutable SELECT builder over catalog tables (Kysely-like). Every method returns a new builder.
 * `O` is the row type of the result.
 */
export class SelectQueryBuilder<DB extends Database, S extends Scope, O> {
  constructor(
    private readonly schema: QuerySchema,
    private readonly scope: Readonly<Record<string, string>>,
    private readonly node: SelectQueryNode,
  ) {}

  private get e(): ExpressionBuilder<DB, S> {
    return new ExpressionBuilder<DB, S>(this.schema, this.scope);
  }

  private with(patch: Partial<SelectQueryNode>): this {
    return new SelectQueryBuilder<DB, S, O>(this.schema, this.scope, { ...this.node, ...patch }) as this;
  }

  private join<T extends keyof DB & string, A extends string>(
    kind: JoinKind,
    table: T,
    alias: A,
    on: (e: ExpressionBuilder<DB, S & Record<A, T>>) => Expr<boolean>,
  ): SelectQueryBuilder<DB, S & Record<A, T>, O> {
    requireTable(this.schema, table);
    checkAlias(alias, 'table alias');
    if (Object.hasOwn(this.scope, alias))
      throw new QueryError(
        'invalid-query',
        `The alias "${alias}" is used twice in the query; give "${table}" another alias.`,
      );
    const scope = { ...this.scope, [alias]: table };
    const condition = on(new ExpressionBuilder<DB, S & Record<A, T>>(this.schema, scope)).node;
    const item: JoinItem = { kind, table, alias, on: condition };
    return new SelectQueryBuilder<DB, S & Record<A, T>, O>(this.schema, scope, {
      ...this.node,
      joins: [...this.node.joins, item],
    });
  }

  innerJoin<T extends keyof DB & string, A extends string>(
    table: T,
    alias: A,
    on: (e: ExpressionBuilder<DB, S & Record<A, T>>) => Expr<boolean>,
  ) {
    return this.join('inner', table, alias, on);
  }

  leftJoin<T extends keyof DB & string, A extends string>(
    table: T,
    alias: A,
    on: (e: ExpressionBuilder<DB, S & Record<A, T>>) => Expr<boolean>,
  ) {
    return this.join('left', table, alias, on);
  }

  /** Adds output columns: `{ name: 'alias.column' | expression }`. */
  select<Sel extends Selection<DB, S>>(
    fn: (e: ExpressionBuilder<DB, S>) => Sel,
  ): SelectQueryBuilder<DB, S, O & SelectedRow<DB, S, Sel>> {
    const e = this.e;
    const selection = fn(e);
    const items: SelectItem[] = [...this.node.select];
    for (const [name, value] of Object.entries(selection)) {
      checkAlias(name, 'output column name');
      if (items.some((i) => i.name === name))
        throw new QueryError('invalid-query', `The output column "${name}" is selected twice; rename one.`);
      const node: ExprNode = typeof value === 'string' ? e.col(value as ColumnRef<DB, S>).node : (value as Expr).node;
      items.push({ name, expr: node });
    }
    return new SelectQueryBuilder<DB, S, O & SelectedRow<DB, S, Sel>>(this.schema, this.scope, {
      ...this.node,
      select: items,
    });
  }

  distinct(): this {
    return this.with({ distinct: true });
  }

  /** ANDs a condition to the WHERE clause. */
  where(fn: (e: ExpressionBuilder<DB, S>) => Expr<boolean>): this {
    const condition = fn(this.e).node;
    const where: ExprNode = this.node.where
      ? { kind: 'logical', op: 'and', items: [this.node.where, condition] }
      : condition;
    return this.with({ where });
  }

  groupBy(fn: (e: ExpressionBuilder<DB, S>) => (ColumnRef<DB, S> | Expr)[]): this {
    const e = this.e;
    const items = fn(e).map((x) => (typeof x === 'string' ? e.col(x as ColumnRef<DB, S>).node : x.node));
    return this.with({ groupBy: [...this.node.groupBy, ...items] });
  }

  /** ANDs a condition to the HAVING clause. */
  having(fn: (e: ExpressionBuilder<DB, S>) => Expr<boolean>): this {
    const condition = fn(this.e).node;
    const having: ExprNode = this.node.having
      ? { kind: 'logical', op: 'and', items: [this.node.having, condition] }
      : condition;
    return this.with({ having });
  }

  /** Orders by an output column name or a column reference. */
  orderBy(
    by: (keyof O & string) | ColumnRef<DB, S>,
    direction: 'asc' | 'desc' = 'asc',
    nulls?: 'first' | 'last',
  ): this {
    const name = String(by);
    let node: ExprNode;
    if (this.node.select.some((i) => i.name === name)) node = { kind: 'outputRef', name };
    else if (name.includes('.')) node = this.e.col(name as ColumnRef<DB, S>).node;
    else
      throw new QueryError(
        'unknown-column',
        `Cannot order by "${name}": it is neither an output column (${this.node.select.map((i) => i.name).join(', ')}) nor "<alias>.<column>".`,
      );
    const item: OrderItem = nulls ? { expr: node, direction, nulls } : { expr: node, direction };
    return this.with({ orderBy: [...this.node.orderBy, item] });
  }

  limit(count: number): this {
    if (!Number.isInteger(count) || count < 0)
      throw new QueryError('invalid-parameter', `limit must be a whole number >= 0, not ${count}.`);
    return this.with({ limit: count });
  }

  offset(count: number): this {
    if (!Number.isInteger(count) || count < 0)
      throw new QueryError('invalid-parameter', `offset must be a whole number >= 0, not ${count}.`);
    return this.with({ offset: count });
  }

  /** The statement as data, for a dialect to render. */
  toNode(): SelectQueryNode {
    if (this.node.select.length === 0)
      throw new QueryError(
        'invalid-query',
        `The query over "${this.node.from.table}" selects nothing; call select() first.`,
      );
    return this.node;
  }

  /** Tables the query reads. */
  tables(): string[] {
    return [...new Set([this.node.from.table, ...this.node.joins.map((j) => j.table)])];
  }
}

/** Row type of a built query. */
export type RowOf<Q> = Q extends SelectQueryBuilder<infer _DB, infer _S, infer O> ? O : never;

/** Entry point: `createQueryBuilder<MyDb>(schema).selectFrom('sales_order', 'so')...`. */
export function createQueryBuilder<DB extends Database>(schema: QuerySchema) {
  return {
    schema,
    selectFrom<T extends keyof DB & string, A extends string = T>(
      table: T,
      alias?: A,
    ): SelectQueryBuilder<DB, Record<A, T>, object> {
      requireTable(schema, table);
      const a = checkAlias(alias ?? table, 'table alias');
      return new SelectQueryBuilder<DB, Record<A, T>, object>(
        schema,
        { [a]: table },
        {
          from: { table, alias: a },
          joins: [],
          select: [],
          distinct: false,
          groupBy: [],
          orderBy: [],
        },
      );
    },
  };
}

export type QueryBuilder<DB extends Database> = ReturnType<typeof createQueryBuilder<DB>>;
