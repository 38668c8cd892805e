import type { QuerySchema } from '../builder/query-schema';
import { createQueryBuilder } from '../builder/select-query-builder';
import type { BuiltQuery } from '../builder/types';
import { checkDate } from '../builder/expression-builder';
import type { CompiledQuery } from '../dialects/dialect';
import { compileQuery } from '../dialects/render';
import { DUCKDB_DIALECT } from '../dialects/duckdb/duckdb-dialect';
import { TRINO_DIALECT } from '../dialects/trino/trino-dialect';
import { QueryError } from '../query-error';
import type { CuratedDb } from './curated-db';
import { CURATED_QUERY_SCHEMA } from './curated-schema';
import type { NamedQueryDefinition, NamedQueryValues } from './named-query';
import {
  AVERAGE_ORDER_VALUE_BY_PAYMENT_METHOD,
  CUSTOMERS_BY_STATE,
  REVENUE_BY_MONTH_AND_ORDER_TYPE,
  TOP_SELLING_PARTS,
} from './sales-queries';
import { SERVICE_COMPLEXITY, SERVICE_WITH_PARTS } from './service-queries';

/** The named queries: the seed's five plus its example (a service with its required parts). */
export const NAMED_QUERIES: readonly NamedQueryDefinition[] = [
  TOP_SELLING_PARTS,
  REVENUE_BY_MONTH_AND_ORDER_TYPE,
  SERVICE_COMPLEXITY,
  CUSTOMERS_BY_STATE,
  AVERAGE_ORDER_VALUE_BY_PAYMENT_METHOD,
  SERVICE_WITH_PARTS,
];

export function namedQueryByName(name: string): NamedQueryDefinition {
  const query = NAMED_QUERIES.find((q) => q.name === name);
  if (!query)
    throw new QueryError(
      'unknown-query',
      `There is no named query "${name}". Pick one of: ${NAMED_QUERIES.map((q) => q.name).join(', ')}.`,
    );
  return query;
}

/**
 * Validates given parameter values (strings from a command line, or typed values) and fills in
 * fixed defaults; a period bound without a value stays out (runNamedQuery fills it from the data).
 * Unknown names, bad dates and out-of-range integers are QueryError `invalid-parameter`.
 */
export function resolveNamedQueryValues(
  query: NamedQueryDefinition,
  given: Readonly<Record<string, string | number | undefined>> = {},
): NamedQueryValues {
  for (const name of Object.keys(given)) {
    if (!query.parameters.some((p) => p.name === name)) {
      throw new QueryError(
        'invalid-parameter',
        `Named query "${query.name}" has no parameter "${name}"; its parameters are: ${query.parameters.map((p) => p.name).join(', ') || 'none'}.`,
      );
    }
  }
  const values: Record<string, string | number> = {};
  for (const p of query.parameters) {
    const raw = given[p.name] ?? p.default;
    // No value and no fixed default: the bound is left out, so the query covers the data's own range.
    if (raw === undefined) continue;
    if (p.type === 'integer') {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isInteger(n) || (p.min !== undefined && n < p.min) || (p.max !== undefined && n > p.max)) {
        throw new QueryError(
          'invalid-parameter',
          `Parameter "${p.name}" of "${query.name}" must be a whole number from ${p.min ?? '-inf'} to ${p.max ?? 'inf'}; got ${JSON.stringify(raw)}.`,
        );
      }
      values[p.name] = n;
    } else if (p.type === 'date') {
      values[p.name] = checkDate(String(raw), `value of parameter "${p.name}" of "${query.name}"`);
    } else {
      values[p.name] = String(raw);
    }
  }
  return values;
}

/** Builds a named query against a schema (default: the curated tables as libs/etl-jobs defines them). */
export function buildNamedQuery(
  query: NamedQueryDefinition | string,
  given: Readonly<Record<string, string | number | undefined>> = {},
  schema: QuerySchema = CURATED_QUERY_SCHEMA,
): BuiltQuery {
  const definition = typeof query === 'string' ? namedQueryByName(query) : query;
  return definition.build(createQueryBuilder<CuratedDb>(schema), resolveNamedQueryValues(definition, given));
}

export interface NamedQueryRenderOptions {
  readonly params?: Readonly<Record<string, string | number | undefined>>;
  readonly schema?: QuerySchema;
  /** Qualify tables with this database (Trino). */
  readonly database?: string;
}

/** A named query as DuckDB or Trino SQL with bound parameters. */
export function renderNamedQuery(
  query: NamedQueryDefinition | string,
  dialect: 'duckdb' | 'trino',
  options: NamedQueryRenderOptions = {},
): CompiledQuery {
  const built = buildNamedQuery(query, options.params, options.schema);
  return compileQuery(
    built,
    dialect === 'duckdb' ? DUCKDB_DIALECT : TRINO_DIALECT,
    options.database ? { database: options.database } : {},
  );
}

/**
 * The Athena NamedQuery QueryString: Trino SQL with every value written as an escaped literal
 * (named queries carry no parameters), defaults unless `params` override them.
 */
export function athenaNamedQueryString(
  query: NamedQueryDefinition | string,
  options: NamedQueryRenderOptions = {},
): string {
  const built = buildNamedQuery(query, options.params, options.schema);
  return `${compileQuery(built, TRINO_DIALECT, { inlineValues: true, ...(options.database ? { database: options.database } : {}) }).sql};`;
}
