import { AthenaClient } from '@aws-sdk/client-athena';
import { describe, expect, it } from 'vitest';
import {
  AthenaExecutor,
  CURATED_QUERY_SCHEMA,
  type CuratedDb,
  buildNamedQuery,
  createQueryBuilder,
  pollDelay,
} from '../src/index';
import { AthenaWire, type ScriptedQuery } from './helpers/athena-wire';

function executorFor(script: ScriptedQuery, pageSize = 2) {
  const wire = new AthenaWire(script, pageSize);
  const client = new AthenaClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    requestHandler: wire,
    maxAttempts: 1,
  });
  const executor = new AthenaExecutor({
    client,
    workGroup: 'autocorp-wg',
    database: 'autocorp_curated',
    poll: { initialDelayMs: 1, maxDelayMs: 4, multiplier: 2 },
    pageSize: 3,
  });
  return { wire, executor };
}

const COLUMNS = [
  { Name: 'state', Type: 'varchar' },
  { Name: 'customers', Type: 'bigint' },
  { Name: 'revenue', Type: 'decimal', Precision: 38, Scale: 2 },
  { Name: 'avg', Type: 'double' },
  { Name: 'active', Type: 'boolean' },
  { Name: 'day', Type: 'date' },
];

describe('Athena executor (Athena wire protocol)', () => {
  it('starts with workgroup, database and ExecutionParameters, polls to SUCCEEDED, and pages typed rows', async () => {
    const { wire, executor } = executorFor({
      states: ['QUEUED', 'RUNNING', 'RUNNING', 'SUCCEEDED'],
      columns: COLUMNS,
      rows: [
        ['TX', '22', '1234.50', '3.25', 'true', '2024-01-31'],
        ['CA', '9007199254740993', '0.10', 'NaN', 'false', null],
        ['NY', '7', '99.99', '1.5', 'true', '2024-02-01'],
        ['WA', '1', '5.00', '2', 'false', '2024-02-02'],
      ],
      dataScannedInBytes: 123456,
    });
    const qb = createQueryBuilder<CuratedDb>(CURATED_QUERY_SCHEMA);
    const query = qb
      .selectFrom('customers', 'c')
      .select((e) => ({ state: 'c.state', customers: e.count() }))
      .where((e) => e.ne('c.state', "O'Hare"))
      .groupBy(() => ['c.state']);
    const result = await executor.execute(query);

    const start = wire.calls[0];
    expect(start?.operation).toBe('StartQueryExecution');
    expect(start?.input).toMatchObject({
      QueryString:
        'SELECT "c"."state" AS "state", count(*) AS "customers"\nFROM "customers" AS "c"\nWHERE ("c"."state" <> ?)\nGROUP BY "c"."state"',
      WorkGroup: 'autocorp-wg',
      QueryExecutionContext: { Database: 'autocorp_curated', Catalog: 'AwsDataCatalog' },
      ExecutionParameters: ["'O''Hare'"],
    });
    expect(wire.operations()).toEqual([
      'StartQueryExecution',
      'GetQueryExecution',
      'GetQueryExecution',
      'GetQueryExecution',
      'GetQueryExecution',
      'GetQueryResults',
      'GetQueryResults',
    ]);
    const pages = wire.calls
      .filter((c) => c.operation === 'GetQueryResults')
      .map((c) => [c.input['NextToken'], c.input['MaxResults']]);
    expect(pages).toEqual([
      [undefined, 3],
      ['3', 3],
    ]);
    expect(result.columns).toEqual([
      { name: 'state', type: 'varchar' },
      { name: 'customers', type: 'bigint' },
      { name: 'revenue', type: 'decimal(38,2)' },
      { name: 'avg', type: 'double' },
      { name: 'active', type: 'boolean' },
      { name: 'day', type: 'date' },
    ]);
    expect(result.rows).toEqual([
      { state: 'TX', customers: 22, revenue: '1234.50', avg: 3.25, active: true, day: '2024-01-31' },
      { state: 'CA', customers: '9007199254740993', revenue: '0.10', avg: 'NaN', active: false, day: null },
      { state: 'NY', customers: 7, revenue: '99.99', avg: 1.5, active: true, day: '2024-02-01' },
      { state: 'WA', customers: 1, revenue: '5.00', avg: 2, active: false, day: '2024-02-02' },
    ]);
    expect(result.stats).toMatchObject({ bytesScanned: 123456, queryId: 'qid-1' });
  });

  it('sends named queries with their parameters and no ExecutionParameters when there are none', async () => {
    const { wire, executor } = executorFor({
      states: ['SUCCEEDED'],
      columns: [{ Name: 'state', Type: 'varchar' }],
      rows: [],
    });
    const result = await executor.execute(buildNamedQuery('customers_by_state'));
    expect(result.rows).toEqual([]);
    expect(wire.calls[0]?.input['ExecutionParameters']).toBeUndefined();
    expect(String(wire.calls[0]?.input['QueryString'])).toContain('LIMIT 60');
  });

  it('surfaces FAILED with the reason and error type', async () => {
    const { executor } = executorFor({
      states: ['RUNNING', 'FAILED'],
      failure: {
        reason: "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.autocorp_curated.nope' does not exist",
        errorType: 1301,
      },
    });
    await expect(executor.execute('SELECT * FROM nope')).rejects.toMatchObject({
      kind: 'execution-failed',
      message: expect.stringMatching(/Athena query qid-1 failed: TABLE_NOT_FOUND.*error type 1301/),
    });
  });

  it('reports CANCELLED (stopped elsewhere) as cancelled', async () => {
    const { executor } = executorFor({ states: ['RUNNING', 'CANCELLED'] });
    await expect(executor.execute('SELECT 1')).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('stops the query with StopQueryExecution when the signal aborts', async () => {
    const { wire, executor } = executorFor({ states: ['RUNNING'] });
    const controller = new AbortController();
    // Aborted when Athena answers the second poll (still RUNNING): the executor must stop the query.
    let polls = 0;
    wire.onCall = (call) => {
      if (call.operation === 'GetQueryExecution' && ++polls === 2) controller.abort();
    };
    const startedIds: (string | undefined)[] = [];
    const running = executor.execute('SELECT 1', [], {
      signal: controller.signal,
      onStarted: (event) => startedIds.push(event.queryId),
    });
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(startedIds).toEqual(['qid-1']);
    expect(wire.operations()).toEqual([
      'StartQueryExecution',
      'GetQueryExecution',
      'GetQueryExecution',
      'StopQueryExecution',
    ]);
    expect(wire.calls.find((c) => c.operation === 'StopQueryExecution')?.input).toEqual({ QueryExecutionId: 'qid-1' });
    expect(wire.operations()).not.toContain('GetQueryResults');
  });

  it('refuses writes in raw SQL before calling Athena, and quotes raw parameters', async () => {
    const { wire, executor } = executorFor({ states: ['SUCCEEDED'], columns: [], rows: [] });
    await expect(executor.execute('DROP TABLE customers')).rejects.toMatchObject({ kind: 'refused' });
    expect(wire.calls).toEqual([]);
    await executor.execute('SELECT * FROM customers WHERE state = ? AND customer_id > ?', ["'); DROP TABLE x; --", 5]);
    expect(wire.calls[0]?.input['ExecutionParameters']).toEqual([`'''); DROP TABLE x; --'`, '5']);
    await expect(executor.execute('SELECT 1', [], { asOf: '20240101000000000' })).rejects.toMatchObject({
      kind: 'invalid-query',
    });
  });

  it('backs off exponentially up to the cap', () => {
    const policy = { initialDelayMs: 200, maxDelayMs: 5000, multiplier: 2 };
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => pollDelay(policy, n))).toEqual([200, 400, 800, 1600, 3200, 5000, 5000]);
  });
});
