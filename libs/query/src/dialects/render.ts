import type { ExprNode, SelectQueryNode, SqlValue } from '../builder/ast';
import type { BuiltQuery } from '../builder/types';
import { QueryError } from '../query-error';
import type { ClauseContext, CompiledQuery, Dialect } from './dialect';
import { DUCKDB_DIALECT } from './duckdb/duckdb-dialect';
import { TRINO_DIALECT } from './trino/trino-dialect';

export interface RenderOptions {
  /** Qualify table names with this database (Athena: the Glue database). */
  readonly database?: string;
  /** Write every value as a literal (no parameters): Athena named queries. */
  readonly inlineValues?: boolean;
}

class Renderer {
  readonly parameters: unknown[] = [];
  constructor(
    private readonly dialect: Dialect,
    private readonly options: RenderOptions,
  ) {}

  private value(value: SqlValue, context: ClauseContext): string {
    if (!this.options.inlineValues && this.dialect.parameterizes(context)) {
      this.parameters.push(this.dialect.parameterValue(value));
      return this.dialect.placeholder(this.parameters.length);
    }
    return this.dialect.literal(value);
  }

  expr(node: ExprNode, context: ClauseContext): string {
    const q = (name: string) => this.dialect.quoteIdentifier(name);
    switch (node.kind) {
      case 'column':
        return `${q(node.alias)}.${q(node.column)}`;
      case 'value': {
        const text = this.value(node.value, context);
        return node.cast ? `CAST(${text} AS ${node.cast})` : text;
      }
      case 'integer':
        return String(Math.trunc(node.value));
      case 'date':
        return `DATE ${this.dialect.literal(node.value)}`;
      case 'timestamp':
        return `TIMESTAMP ${this.dialect.literal(node.value)}`;
      case 'interval':
        return this.dialect.interval(node.amount, node.unit);
      case 'keyword':
        return this.dialect.literal(node.value);
      case 'compare':
        return `(${this.expr(node.left, context)} ${node.op} ${this.expr(node.right, context)})`;
      case 'arith':
        return `(${this.expr(node.left, context)} ${node.op} ${this.expr(node.right, context)})`;
      case 'logical':
        return `(${node.items.map((i) => this.expr(i, context)).join(node.op === 'and' ? ' AND ' : ' OR ')})`;
      case 'not':
        return `(NOT ${this.expr(node.expr, context)})`;
      case 'isNull':
        return `(${this.expr(node.expr, context)} IS ${node.negated ? 'NOT ' : ''}NULL)`;
      case 'in':
        return `(${this.expr(node.expr, context)} ${node.negated ? 'NOT IN' : 'IN'} (${node.values.map((v) => this.expr(v, context)).join(', ')}))`;
      case 'between':
        return `(${this.expr(node.expr, context)} BETWEEN ${this.expr(node.low, context)} AND ${this.expr(node.high, context)})`;
      case 'like':
        return `(${this.expr(node.expr, context)} LIKE ${this.expr(node.pattern, context)})`;
      case 'aggregate':
        if (!node.arg) return `${node.fn}(*)`;
        if (node.fn === 'avg' && !node.distinct && node.decimalScale !== undefined && this.dialect.decimalAverage) {
          return this.dialect.decimalAverage(this.expr(node.arg, context), node.decimalScale);
        }
        return `${node.fn}(${node.distinct ? 'DISTINCT ' : ''}${this.expr(node.arg, context)})`;
      case 'call':
        return `${node.fn}(${node.args.map((a) => this.expr(a, context)).join(', ')})`;
      case 'cast':
        return `CAST(${this.expr(node.expr, context)} AS ${node.type})`;
      case 'outputRef':
        return q(node.name);
      default: {
        const never: never = node;
        throw new QueryError('invalid-query', `Unknown expression ${JSON.stringify(never)}.`);
      }
    }
  }

  table(name: string): string {
    const q = (n: string) => this.dialect.quoteIdentifier(n);
    return this.options.database ? `${q(this.options.database)}.${q(name)}` : q(name);
  }

  statement(node: SelectQueryNode): string {
    const q = (n: string) => this.dialect.quoteIdentifier(n);
    const parts: string[] = [];
    parts.push(
      `SELECT ${node.distinct ? 'DISTINCT ' : ''}${node.select.map((s) => `${this.expr(s.expr, 'select')} AS ${q(s.name)}`).join(', ')}`,
    );
    parts.push(`FROM ${this.table(node.from.table)} AS ${q(node.from.alias)}`);
    for (const join of node.joins) {
      parts.push(
        `${join.kind === 'inner' ? 'INNER JOIN' : 'LEFT JOIN'} ${this.table(join.table)} AS ${q(join.alias)} ON ${this.expr(join.on, 'join')}`,
      );
    }
    if (node.where) parts.push(`WHERE ${this.expr(node.where, 'where')}`);
    if (node.groupBy.length) parts.push(`GROUP BY ${node.groupBy.map((g) => this.expr(g, 'group')).join(', ')}`);
    if (node.having) parts.push(`HAVING ${this.expr(node.having, 'having')}`);
    if (node.orderBy.length) {
      parts.push(
        `ORDER BY ${node.orderBy.map((o) => `${this.expr(o.expr, 'order')} ${o.direction.toUpperCase()}${o.nulls ? ` NULLS ${o.nulls.toUpperCase()}` : ''}`).join(', ')}`,
      );
    }
    // Trino wants OFFSET before LIMIT; DuckDB takes either order.
    if (node.offset !== undefined) parts.push(`OFFSET ${node.offset}`);
    if (node.limit !== undefined) parts.push(`LIMIT ${node.limit}`);
    return parts.join('\n');
  }
}

/** Renders a built query (or its node) to one dialect's SQL and parameters. */
export function compileQuery(
  query: SelectQueryNode | BuiltQuery,
  dialect: Dialect,
  options: RenderOptions = {},
): CompiledQuery {
  const node = 'toNode' in query ? query.toNode() : query;
  const renderer = new Renderer(dialect, options);
  const sql = renderer.statement(node);
  const tables = [...new Set([node.from.table, ...node.joins.map((j) => j.table)])];
  return { dialect: dialect.name, sql, parameters: renderer.parameters, tables };
}

export function toDuckDbSql(query: SelectQueryNode | BuiltQuery, options: RenderOptions = {}): CompiledQuery {
  return compileQuery(query, DUCKDB_DIALECT, options);
}

export function toTrinoSql(query: SelectQueryNode | BuiltQuery, options: RenderOptions = {}): CompiledQuery {
  return compileQuery(query, TRINO_DIALECT, options);
}
