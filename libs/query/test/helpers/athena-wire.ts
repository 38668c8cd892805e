import type { HttpHandlerOptions, HttpRequest, HttpResponse, RequestHandler } from '@smithy/types';

type Json = Record<string, unknown>;

export interface ScriptedQuery {
  /** States GetQueryExecution reports, one per poll; the last one repeats. */
  readonly states: ('QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED')[];
  readonly failure?: { reason: string; errorMessage?: string; errorType?: number };
  readonly columns?: { Name: string; Type: string; Precision?: number; Scale?: number }[];
  /** Data rows as text (null for SQL NULL); the header row is added on the first page. */
  readonly rows?: (string | null)[][];
  readonly dataScannedInBytes?: number;
}

/**
 * A scripted Athena speaking the Athena wire protocol (AWS JSON 1.1) to the real AthenaClient.
 * It records each operation with the exact input the SDK sent. AWS cannot run here; this is its stand-in.
 */
export class AthenaWire implements RequestHandler<HttpRequest, HttpResponse, HttpHandlerOptions> {
  readonly calls: { operation: string; input: Json }[] = [];
  /** Told of each call as it arrives, before its reply: tests act on a protocol event instead of waiting. */
  onCall: ((call: { operation: string; input: Json }) => void) | undefined;
  private polls = 0;
  private stopped = false;

  constructor(
    private readonly script: ScriptedQuery,
    private readonly pageSize = 2,
  ) {}

  operations(): string[] {
    return this.calls.map((c) => c.operation);
  }

  async handle(request: HttpRequest): Promise<{ response: HttpResponse }> {
    const operation = String(request.headers['x-amz-target'] ?? '').replace(/^AmazonAthena\./, '');
    const raw = request.body as string | Uint8Array | undefined;
    const input = JSON.parse(typeof raw === 'string' ? raw : raw ? new TextDecoder().decode(raw) : '{}') as Json;
    this.calls.push({ operation, input });
    this.onCall?.({ operation, input });
    return reply(this.dispatch(operation, input));
  }

  private dispatch(operation: string, input: Json): Json {
    switch (operation) {
      case 'StartQueryExecution':
        return { QueryExecutionId: 'qid-1' };
      case 'StopQueryExecution':
        this.stopped = true;
        return {};
      case 'GetQueryExecution': {
        const states = this.script.states;
        const state = this.stopped ? 'CANCELLED' : (states[Math.min(this.polls, states.length - 1)] ?? 'RUNNING');
        this.polls++;
        const failure = this.script.failure;
        return {
          QueryExecution: {
            QueryExecutionId: input['QueryExecutionId'],
            Status: {
              State: state,
              ...(state === 'FAILED' && failure
                ? {
                    StateChangeReason: failure.reason,
                    AthenaError: {
                      ErrorCategory: 2,
                      ErrorType: failure.errorType ?? 1301,
                      Retryable: false,
                      ErrorMessage: failure.errorMessage ?? failure.reason,
                    },
                  }
                : {}),
              ...(state === 'CANCELLED' ? { StateChangeReason: 'Query cancelled by user' } : {}),
            },
            Statistics: { DataScannedInBytes: this.script.dataScannedInBytes ?? 0, EngineExecutionTimeInMillis: 42 },
          },
        };
      }
      case 'GetQueryResults': {
        const columns = this.script.columns ?? [];
        const header = { Data: columns.map((c) => ({ VarCharValue: c.Name })) };
        const all = [
          header,
          ...(this.script.rows ?? []).map((r) => ({ Data: r.map((v) => (v === null ? {} : { VarCharValue: v })) })),
        ];
        const start = input['NextToken'] === undefined ? 0 : Number(input['NextToken']);
        const size = typeof input['MaxResults'] === 'number' ? input['MaxResults'] : this.pageSize;
        const page = all.slice(start, start + size);
        const next = start + size < all.length ? String(start + size) : undefined;
        return {
          ResultSet: {
            Rows: page,
            ResultSetMetadata: {
              ColumnInfo: columns.map((c) => ({
                CatalogName: 'hive',
                SchemaName: '',
                TableName: '',
                Name: c.Name,
                Label: c.Name,
                Type: c.Type,
                Precision: c.Precision ?? 0,
                Scale: c.Scale ?? 0,
                Nullable: 'UNKNOWN',
                CaseSensitive: true,
              })),
            },
          },
          ...(next ? { NextToken: next } : {}),
        };
      }
      default:
        throw new Error(`Operation ${operation} is not scripted.`);
    }
  }
}

function reply(body: Json): { response: HttpResponse } {
  return {
    response: {
      statusCode: 200,
      reason: 'OK',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'test-request' },
      body: new TextEncoder().encode(JSON.stringify(body)),
    },
  };
}
