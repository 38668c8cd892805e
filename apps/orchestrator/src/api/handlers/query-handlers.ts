import {
  NAMED_QUERIES,
  type NamedQueryDefinition,
  QueryError,
  type QueryResult,
  checkReadOnlySql,
  namedQueryByName,
  resolveNamedQueryValues,
  runNamedQuery,
  schemaFromCatalogTables,
} from '@autocorp/query';
import { QUERY_LIMITS, type QueryResultResponse, ROUTES } from '@autocorp/platform-client';
import { formatCsv } from '../../commands/query/format-result';
import { ApiError } from '../api-error';
import type { ApiContext } from '../api-context';
import type { CsvAnswer, RouteHandlers } from '../route-handler';
import { timeTravel } from './time-travel';

/**
 * Runs `run` with a signal aborted after `timeoutMs` or when the client goes away; a query stopped
 * by the timeout is a 504 naming the limit.
 */
async function withTimeout<T>(
  part: 'query' | 'body',
  timeoutMs: number,
  request: AbortSignal,
  run: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    return await run(AbortSignal.any([timeout, request]));
  } catch (error) {
    if (timeout.aborted && error instanceof QueryError && error.kind === 'cancelled')
      throw new ApiError(
        'timeout',
        `${part}.timeoutMs: the query ran longer than ${timeoutMs} ms and was cancelled; narrow it or raise timeoutMs (at most ${QUERY_LIMITS.maxTimeoutMs}).`,
        `${part}.timeoutMs`,
        { cause: error },
      );
    throw error;
  }
}

function answer(
  result: QueryResult,
  maxRows: number,
  extra: Pick<QueryResultResponse, 'values' | 'period'>,
): QueryResultResponse {
  return {
    columns: result.columns,
    rows: result.rows.slice(0, maxRows),
    truncated: result.rows.length > maxRows,
    maxRows,
    elapsedMs: result.stats.elapsedMs,
    bytesScanned: result.stats.bytesScanned ?? null,
    ...extra,
  };
}

function csv(result: QueryResultResponse, filename: string): CsvAnswer {
  return {
    kind: 'csv',
    filename,
    text: formatCsv(
      result.columns.map((c) => c.name),
      result.rows,
    ),
  };
}

/** The named query, or a 404 listing them. */
function definition(name: string): NamedQueryDefinition {
  try {
    return namedQueryByName(name);
  } catch (cause) {
    throw new ApiError('not-found', (cause as Error).message, 'params.name', { cause });
  }
}

/** Each given parameter checked on its own, so a 400 names the one that is wrong. */
function checkParameters(query: NamedQueryDefinition, given: Readonly<Record<string, string | number>>): void {
  for (const [name, value] of Object.entries(given)) {
    try {
      resolveNamedQueryValues(query, { [name]: value });
    } catch (cause) {
      if (cause instanceof QueryError)
        throw new ApiError('bad-request', `query.${name}: ${cause.message}`, `query.${name}`, { cause });
      throw cause;
    }
  }
}

/** Strips trailing semicolons so the statement can be wrapped in the row limit. */
function limited(sql: string, maxRows: number): string {
  return `SELECT * FROM (\n${sql.trim().replace(/;+\s*$/, '')}\n) AS api_limited LIMIT ${maxRows + 1}`;
}

/** The API's own options of a named query run; every other query-string key is a parameter of the query. */
const OPTIONS = new Set(Object.keys(ROUTES.runNamedQuery.query.shape));

/** Named queries with typed parameters, and read-only SQL through the query guard; row limit and timeout enforced. */
export function queryHandlers(context: ApiContext): Pick<RouteHandlers, 'namedQueries' | 'runNamedQuery' | 'sql'> {
  return {
    namedQueries: async () => ({
      queries: NAMED_QUERIES.map((q) => ({
        name: q.name,
        description: q.description,
        tables: [...q.tables],
        parameters: q.parameters.map((p) => ({
          name: p.name,
          type: p.type,
          description: p.description,
          default: p.default ?? null,
          dataDefault: p.dataDefault ?? null,
          min: p.min ?? null,
          max: p.max ?? null,
        })),
      })),
    }),
    runNamedQuery: async ({ params, query, signal }) => {
      const named = definition(params.name);
      const given = Object.fromEntries(
        Object.entries(query).filter(([key]) => !OPTIONS.has(key)) as [string, string | number][],
      );
      checkParameters(named, given);
      const travel = timeTravel('query', query);
      const tables = await context.runtime.catalog.listTables(context.runtime.databases.curated);
      const result = await withTimeout('query', query.timeoutMs, signal, (s) =>
        runNamedQuery(context.executor(), named, given, {
          ...travel,
          signal: s,
          ...(tables.length > 0 ? { schema: schemaFromCatalogTables(tables) } : {}),
        }),
      );
      const body = answer(result, query.maxRows, { values: { ...result.values }, period: result.period ?? null });
      return query.format === 'csv' ? csv(body, `${named.name}.csv`) : body;
    },
    sql: async ({ query, body, signal }) => {
      const travel = timeTravel('body', body);
      const badInput = (error: unknown): never => {
        if (error instanceof QueryError && error.kind !== 'cancelled' && error.kind !== 'execution-failed') {
          const field = error.kind === 'no-commit-as-of' ? 'body.asOf' : 'body.sql';
          throw new ApiError('bad-request', `${field}: ${error.message}`, field, { cause: error });
        }
        throw error;
      };
      // The guard's own verdict on the statement as written, before it is wrapped in the row limit.
      await (await context.duckdb()).withConnection((c) => checkReadOnlySql(c, body.sql, {})).catch(badInput);
      const result = await withTimeout('body', body.timeoutMs, signal, (s) =>
        context.executor().execute(limited(body.sql, body.maxRows), [], { ...travel, signal: s }),
      ).catch(badInput);
      const answered = answer(result, body.maxRows, { values: null, period: null });
      return query.format === 'csv' ? csv(answered, 'query.csv') : answered;
    },
  };
}
