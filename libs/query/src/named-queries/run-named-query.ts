import type { QuerySchema } from '../builder/query-schema';
import { createQueryBuilder } from '../builder/select-query-builder';
import type { ExecuteOptions, QueryExecutor, QueryResult } from '../executors/executor';
import { QueryError } from '../query-error';
import type { CuratedDb } from './curated-db';
import { CURATED_QUERY_SCHEMA } from './curated-schema';
import { buildNamedQuery, namedQueryByName, resolveNamedQueryValues } from './named-query-registry';
import type { NamedQueryDefinition, NamedQueryValues } from './named-query';

/** The order days a period query covered: `from` included, `to` excluded (YYYY-MM-DD). */
export interface NamedQueryPeriod {
  readonly from: string;
  readonly to: string;
  /** Whether each bound was given or taken from the data (first order day / the day after the latest one). */
  readonly fromSource: 'given' | 'data';
  readonly toSource: 'given' | 'data';
}

export interface NamedQueryResult extends QueryResult {
  /** The parameter values the query ran with, period bounds from the data included. */
  readonly values: NamedQueryValues;
  /** For period queries: the period used; undefined when the query has none, or the data holds no order to take a bound from. */
  readonly period: NamedQueryPeriod | undefined;
}

export interface RunNamedQueryOptions extends ExecuteOptions {
  /** Schema to check the query against (e.g. the live catalog's); default the curated tables the jobs define. */
  readonly schema?: QuerySchema;
}

/** `YYYY-MM-DD` plus one calendar day. */
function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * The data's own period for a named query (same snapshot options as the query): from its first
 * order day to the day after its latest one. Undefined when the query has no period or no order.
 */
export async function namedQueryPeriod(
  executor: QueryExecutor,
  query: NamedQueryDefinition | string,
  options: RunNamedQueryOptions = {},
): Promise<{ readonly from: string; readonly to: string } | undefined> {
  const definition = typeof query === 'string' ? namedQueryByName(query) : query;
  if (!definition.dataPeriod) return undefined;
  const { schema = CURATED_QUERY_SCHEMA, onStarted: _onStarted, ...executeOptions } = options;
  const range = await executor.execute(
    definition.dataPeriod(createQueryBuilder<CuratedDb>(schema)),
    [],
    executeOptions,
  );
  const row = range.rows[0];
  const first = row?.['first_day'];
  const last = row?.['last_day'];
  if (first === null || first === undefined || last === null || last === undefined) return undefined;
  if (
    typeof first !== 'string' ||
    typeof last !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}$/.test(first) ||
    !/^\d{4}-\d{2}-\d{2}$/.test(last)
  ) {
    throw new QueryError(
      'execution-failed',
      `The order-day range of "${definition.name}" came back as ${JSON.stringify(row)}; expected two YYYY-MM-DD dates.`,
    );
  }
  return { from: first, to: nextDay(last) };
}

/**
 * Runs a named query: validates the given parameters, fills a period bound that is not given from
 * the data (first order day; the day after the latest order day), and returns the rows together
 * with the values and the period it used.
 */
export async function runNamedQuery(
  executor: QueryExecutor,
  query: NamedQueryDefinition | string,
  given: Readonly<Record<string, string | number | undefined>> = {},
  options: RunNamedQueryOptions = {},
): Promise<NamedQueryResult> {
  const definition = typeof query === 'string' ? namedQueryByName(query) : query;
  const resolved = resolveNamedQueryValues(definition, given);
  const { schema, ...executeOptions } = options;
  let values: NamedQueryValues = resolved;
  let period: NamedQueryPeriod | undefined;
  if (definition.dataPeriod) {
    const givenFrom = resolved['from'] === undefined ? undefined : String(resolved['from']);
    const givenTo = resolved['to'] === undefined ? undefined : String(resolved['to']);
    const data =
      givenFrom !== undefined && givenTo !== undefined
        ? undefined
        : await namedQueryPeriod(executor, definition, options);
    const from = givenFrom ?? data?.from;
    const to = givenTo ?? data?.to;
    if (from !== undefined && to !== undefined) {
      values = { ...resolved, from, to };
      period = {
        from,
        to,
        fromSource: givenFrom === undefined ? 'data' : 'given',
        toSource: givenTo === undefined ? 'data' : 'given',
      };
    }
  }
  const result = await executor.execute(buildNamedQuery(definition, values, schema), [], executeOptions);
  return { ...result, values, period };
}
