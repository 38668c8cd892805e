import {
  type AthenaClient,
  type ColumnInfo,
  GetQueryExecutionCommand,
  GetQueryResultsCommand,
  type QueryExecution,
  StartQueryExecutionCommand,
  StopQueryExecutionCommand,
} from '@aws-sdk/client-athena';
import { withDuckDb } from '@autocorp/duckdb';
import type { SqlValue } from '../../builder/ast';
import { checkValue } from '../../builder/expression-builder';
import type { CompiledQuery } from '../../dialects/dialect';
import { compileQuery } from '../../dialects/render';
import { TRINO_DIALECT } from '../../dialects/trino/trino-dialect';
import { checkReadOnlySql } from '../../guard/read-only-guard';
import { QueryError } from '../../query-error';
import { cancelledError, throwIfAborted } from '../abort';
import type { ExecutableQuery, ExecuteOptions, QueryExecutor, QueryResult, ResultColumn, ResultRow } from '../executor';
import { normalizeValue } from '../normalize-value';
import { DEFAULT_POLL_POLICY, type PollPolicy, pollDelay, sleep } from './athena-poll';

export interface AthenaExecutorOptions {
  readonly client: AthenaClient;
  /** Athena workgroup (its engine must be version 3). */
  readonly workGroup: string;
  /** Glue database queries run in. */
  readonly database: string;
  /** Data catalog; default `AwsDataCatalog`. */
  readonly catalogName?: string;
  /** Result location, when the workgroup does not enforce one. */
  readonly outputLocation?: string;
  readonly poll?: Partial<PollPolicy>;
  /** Tables raw SQL may read (e.g. from the Glue catalog); when omitted Athena's own permissions decide. */
  readonly allowedTables?: () => Promise<readonly string[]>;
  /** Rows per GetQueryResults page (max 1000). */
  readonly pageSize?: number;
}

/** Athena column type as a normalized SQL type: `decimal(12,2)`, `bigint`, `varchar`... */
export function athenaColumnType(column: ColumnInfo): string {
  const type = (column.Type ?? 'varchar').toLowerCase();
  if (type === 'decimal') return `decimal(${column.Precision ?? 38},${column.Scale ?? 0})`;
  return type;
}

/**
 * Runs Trino SQL on Athena: StartQueryExecution (workgroup, database, ExecutionParameters), polls
 * GetQueryExecution with exponential backoff, pages through GetQueryResults into typed rows, and
 * stops the query (StopQueryExecution) when the signal aborts.
 */
export class AthenaExecutor implements QueryExecutor {
  readonly dialect = 'trino' as const;
  private readonly poll: PollPolicy;

  constructor(private readonly options: AthenaExecutorOptions) {
    this.poll = { ...DEFAULT_POLL_POLICY, ...options.poll };
  }

  private async compile(query: ExecutableQuery, params: readonly unknown[]): Promise<CompiledQuery> {
    if (typeof query === 'string') {
      const allowedTables = this.options.allowedTables ? await this.options.allowedTables() : undefined;
      await withDuckDb({}, (connection) => checkReadOnlySql(connection, query, allowedTables ? { allowedTables } : {}));
      return {
        dialect: 'trino',
        sql: query,
        parameters: params.map((p) => TRINO_DIALECT.parameterValue(checkValue(p as SqlValue))),
      };
    }
    if (params.length > 0)
      throw new QueryError(
        'invalid-query',
        'Parameters are given with a built query; built queries carry their own values.',
      );
    const compiled = 'toNode' in query ? compileQuery(query, TRINO_DIALECT) : query;
    if (compiled.dialect !== 'trino') {
      throw new QueryError(
        'invalid-query',
        `The query was compiled for ${compiled.dialect}; Athena runs Trino SQL. Compile it with toTrinoSql().`,
      );
    }
    return compiled;
  }

  async execute(
    query: ExecutableQuery,
    params: readonly unknown[] = [],
    options: ExecuteOptions = {},
  ): Promise<QueryResult> {
    const started = performance.now();
    if (options.asOf !== undefined || options.since !== undefined || options.until !== undefined) {
      throw new QueryError(
        'invalid-query',
        "Athena reads Hudi snapshots; asOf/since/until are local-executor options. On Athena filter on _hoodie_commit_time instead (e.g. WHERE _hoodie_commit_time <= '<instant>').",
      );
    }
    throwIfAborted(options.signal, 'The Athena query');
    const compiled = await this.compile(query, params);
    const { client } = this.options;
    const start = await client.send(
      new StartQueryExecutionCommand({
        QueryString: compiled.sql,
        WorkGroup: this.options.workGroup,
        QueryExecutionContext: {
          Database: this.options.database,
          Catalog: this.options.catalogName ?? 'AwsDataCatalog',
        },
        ...(compiled.parameters.length > 0 ? { ExecutionParameters: compiled.parameters.map(String) } : {}),
        ...(this.options.outputLocation
          ? { ResultConfiguration: { OutputLocation: this.options.outputLocation } }
          : {}),
      }),
      options.signal ? { abortSignal: options.signal } : {},
    );
    const queryId = start.QueryExecutionId;
    if (!queryId)
      throw new QueryError(
        'execution-failed',
        'Athena accepted the query but returned no QueryExecutionId; retry, and check the workgroup.',
      );
    options.onStarted?.({ queryId });
    const execution = await this.waitForCompletion(queryId, options.signal);
    const { columns, rows } = await this.fetchResults(queryId, options.signal);
    return {
      columns,
      rows,
      stats: {
        elapsedMs: performance.now() - started,
        queryId,
        ...(execution.Statistics?.DataScannedInBytes !== undefined
          ? { bytesScanned: execution.Statistics.DataScannedInBytes }
          : {}),
      },
    };
  }

  private async stop(queryId: string): Promise<void> {
    await this.options.client.send(new StopQueryExecutionCommand({ QueryExecutionId: queryId }));
  }

  private async waitForCompletion(queryId: string, signal: AbortSignal | undefined): Promise<QueryExecution> {
    for (let attempt = 0; ; attempt++) {
      try {
        await sleep(pollDelay(this.poll, attempt), signal);
      } catch (reason) {
        await this.stop(queryId);
        throw cancelledError(`Athena query ${queryId}`, reason);
      }
      const out = await this.options.client.send(new GetQueryExecutionCommand({ QueryExecutionId: queryId }));
      const execution = out.QueryExecution ?? {};
      const status = execution.Status;
      switch (status?.State) {
        case 'SUCCEEDED':
          return execution;
        case 'FAILED': {
          const reason =
            [status.StateChangeReason, status.AthenaError?.ErrorMessage].filter(Boolean).join(' / ') ||
            'no reason given';
          const type =
            status.AthenaError?.ErrorType !== undefined
              ? ` (error type ${status.AthenaError.ErrorType}${status.AthenaError.Retryable ? ', retryable' : ''})`
              : '';
          throw new QueryError('execution-failed', `Athena query ${queryId} failed: ${reason}${type}.`);
        }
        case 'CANCELLED':
          throw new QueryError(
            'cancelled',
            `Athena query ${queryId} was cancelled${status.StateChangeReason ? `: ${status.StateChangeReason}` : ''}.`,
          );
        default:
          // QUEUED or RUNNING: poll again.
          if (signal?.aborted) {
            await this.stop(queryId);
            throw cancelledError(`Athena query ${queryId}`, signal.reason);
          }
      }
    }
  }

  private async fetchResults(
    queryId: string,
    signal: AbortSignal | undefined,
  ): Promise<{ columns: ResultColumn[]; rows: ResultRow[] }> {
    let columns: ResultColumn[] | undefined;
    const rows: ResultRow[] = [];
    let token: string | undefined;
    let first = true;
    do {
      throwIfAborted(signal, `Reading the results of Athena query ${queryId}`);
      const out = await this.options.client.send(
        new GetQueryResultsCommand({
          QueryExecutionId: queryId,
          MaxResults: this.options.pageSize ?? 1000,
          ...(token ? { NextToken: token } : {}),
        }),
      );
      columns ??= (out.ResultSet?.ResultSetMetadata?.ColumnInfo ?? []).map((c) => ({
        name: c.Name ?? c.Label ?? '',
        type: athenaColumnType(c),
      }));
      const page = out.ResultSet?.Rows ?? [];
      // The first row of the first page repeats the column names.
      for (const row of first ? page.slice(1) : page) {
        const data = row.Data ?? [];
        const out2: ResultRow = {};
        columns.forEach((col, i) => (out2[col.name] = normalizeValue(col.type, data[i]?.VarCharValue)));
        rows.push(out2);
      }
      first = false;
      token = out.NextToken;
    } while (token);
    return { columns: columns ?? [], rows };
  }

  async close(): Promise<void> {}
}
