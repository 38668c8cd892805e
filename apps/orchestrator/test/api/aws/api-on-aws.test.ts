/**
 * The platform API on the aws profile, through its Lambda handler (hono/aws-lambda, function URL events): the Glue
 * catalog, Athena (the same named queries and read-only SQL guard), S3 and CloudWatch, each mocked only at its wire
 * protocol with the real SDK clients; the routes without an AWS backend answer the 501 `local-only` error the
 * contract declares, the chat routes a 404 pointing to the chat function. Every answer is checked against the OpenAPI
 * document.
 */
import { AthenaClient } from '@aws-sdk/client-athena';
import { Catalog, GlueCatalogBackend, type TableInput } from '@autocorp/catalog';
import { S3ObjectStore, rawDatabasePrefix } from '@autocorp/lake-storage';
import { CHAT_ELSEWHERE_ON_AWS, ROUTES } from '@autocorp/platform-client';
import {
  AthenaExecutor,
  CURATED_QUERY_SCHEMA,
  buildNamedQuery,
  namedQueryByName,
  schemaFromCatalogTables,
} from '@autocorp/query';
import { AthenaWire } from '@autocorp/query/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDWATCH_SERIES, periodSeconds } from '../../../src/api/aws/cloudwatch-metrics';
import { LOCAL_ONLY_ROUTES } from '../../../src/api/aws/local-only-handlers';
import { AWS_SETTINGS, type AwsBackends, awsApiUnderTest, startAwsBackends } from '../../support/aws-api';

const DATABASE = AWS_SETTINGS.database;
/** The curated tables the named queries read, as the Glue crawler registers them (Hudi, the query schema's columns). */
const CURATED: TableInput[] = Object.entries(CURATED_QUERY_SCHEMA).map(([name, columns]) => ({
  name,
  location: `s3://autocorp-dev-curated/curated/${name}/`,
  format: 'hudi',
  columns: Object.entries(columns).map(([column, type]) => ({ name: column, type })),
  partitionKeys: [],
  properties: { classification: 'hudi' },
}));
const RAW_CUSTOMERS: TableInput = {
  name: 'pg_customers',
  location: 's3://raw-lake/raw/database/pg_customers/',
  format: 'parquet',
  columns: [{ name: 'customer_id', type: 'bigint' }],
  partitionKeys: [{ name: 'ingest_date', type: 'string' }],
  properties: { classification: 'parquet' },
};
const RAW_DAYS = ['2026-12-01', '2026-12-02', '2026-12-03'];

describe('the platform API on aws (Lambda handler over Glue, Athena, S3, CloudWatch)', () => {
  let backends: AwsBackends;

  beforeAll(async () => {
    backends = await startAwsBackends();
    const catalog = new Catalog(new GlueCatalogBackend({ client: backends.glueClient }));
    await catalog.ensureDatabase({ name: DATABASE });
    for (const table of [...CURATED, RAW_CUSTOMERS]) await catalog.registerTable(DATABASE, table);
    await catalog.addPartitions(
      DATABASE,
      RAW_CUSTOMERS.name,
      RAW_DAYS.map((day) => ({ values: [day], location: `${RAW_CUSTOMERS.location}ingest_date=${day}/` })),
    );
  });
  afterAll(async () => backends?.s3.close());

  it('lists the Glue tables and one table with its partitions, paging through Glue', async () => {
    const api = awsApiUnderTest(backends);
    const tables = await api.call('tables', '/api/tables');
    const names = [...CURATED, RAW_CUSTOMERS].map((t) => t.name).sort();
    for (const zone of tables.zones) {
      expect(zone.database).toBe(DATABASE);
      expect(zone.tables.map((t: { name: string }) => t.name).sort()).toEqual(names);
    }
    const detail = await api.call('table', `/api/tables/${DATABASE}/${RAW_CUSTOMERS.name}`);
    expect(detail.partitions.map((p: { values: string[] }) => p.values[0])).toEqual(RAW_DAYS);
    expect(detail.columns.map((c: { name: string }) => c.name)).toEqual(RAW_CUSTOMERS.columns.map((c) => c.name));
    await api.call('table', `/api/tables/${DATABASE}/no_such_table`, '404');
  });

  it('runs a named query on Athena in the workgroup, exactly as the Athena executor sends it', async () => {
    const rows = [
      ['TX', '41'],
      ['CA', '17'],
    ];
    const script = {
      states: ['QUEUED', 'RUNNING', 'SUCCEEDED'] as const,
      columns: [
        { Name: 'state', Type: 'varchar' },
        { Name: 'customers', Type: 'bigint' },
      ],
      rows,
    };
    const api = awsApiUnderTest(backends, { athena: { ...script, states: [...script.states] } });
    const answer = await api.call('runNamedQuery', '/api/queries/customers_by_state?limit=2');
    expect(answer.rows).toEqual(rows.map(([state, n]) => ({ state, customers: Number(n) })));

    // The same query through an Athena executor of its own: the API sent the same statement and parameters.
    const reference = new AthenaWire({ ...script, states: ['SUCCEEDED'] }, 1000);
    const executor = new AthenaExecutor({
      client: new AthenaClient({
        region: 'us-east-1',
        credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
        requestHandler: reference,
        maxAttempts: 1,
      }),
      workGroup: AWS_SETTINGS.workGroup,
      database: DATABASE,
    });
    const tables = await new Catalog(new GlueCatalogBackend({ client: backends.glueClient })).listTables(DATABASE);
    await executor.execute(
      buildNamedQuery(namedQueryByName('customers_by_state'), { limit: 2 }, schemaFromCatalogTables(tables)),
    );
    const start = (wire: AthenaWire) => wire.calls.find((c) => c.operation === 'StartQueryExecution')!.input;
    expect(start(api.athena)).toMatchObject({
      WorkGroup: AWS_SETTINGS.workGroup,
      QueryExecutionContext: { Database: DATABASE },
    });
    expect(start(api.athena)['QueryString']).toBe(start(reference)['QueryString']);
    expect(start(api.athena)['ExecutionParameters']).toEqual(start(reference)['ExecutionParameters']);
  });

  it('refuses SQL that writes with the read-only guard before Athena is asked, and refuses time travel on Athena', async () => {
    const api = awsApiUnderTest(backends);
    const refused = await api.call('sql', '/api/sql', '400', {
      method: 'POST',
      body: { sql: `DELETE FROM ${CURATED[0]!.name}` },
    });
    expect(refused.error.field).toBe('body.sql');
    expect(api.athena.calls).toEqual([]);
    const travel = await api.call('sql', '/api/sql', '400', {
      method: 'POST',
      body: { sql: `SELECT * FROM ${CURATED[0]!.name}`, asOf: '20261201000000000' },
    });
    expect(travel.error.message).toContain('_hoodie_commit_time');
  });

  it('counts the curated tables on Athena and says the source and the raw zone are not counted on aws', async () => {
    const { endpoint, credentials } = backends.s3;
    const lake = new S3ObjectStore(AWS_SETTINGS.lakeUri, { endpoint, credentials, region: 'us-east-1' });
    await lake.put(`${rawDatabasePrefix('customers')}LOAD00000001.parquet`, Buffer.from('PAR1'));
    const counts = CURATED.map((t, i) => [t.name, String((i + 1) * 7)] as const);
    const api = awsApiUnderTest(backends, {
      athena: {
        states: ['SUCCEEDED'],
        columns: [
          { Name: 't', Type: 'varchar' },
          { Name: 'n', Type: 'bigint' },
        ],
        rows: counts.map(([t, n]) => [t, n]),
      },
    });
    const answer = await api.call('tableCounts', '/api/tables/counts');
    for (const [name, n] of counts) {
      const row = answer.tables.find((t: { table: string }) => t.table === name);
      expect(row.curated, name).toBe(Number(n));
    }
    const customers = answer.tables.find((t: { table: string }) => t.table === 'customers');
    expect(customers.source).toBeNull();
    expect(customers.notes.join(' ')).toContain('source database not connected');
    expect(customers.raw).toBeNull();
    expect(customers.notes.join(' ')).toContain(`raw zone is remote (${lake.uri})`);
  });

  it('answers the metrics history from CloudWatch (every page) for the series it has', async () => {
    const now = Date.UTC(2026, 11, 7, 12);
    const from = now - 3_600_000;
    const stored = new Map<string, { t: number; v: number }[]>();
    const seriesOf = (expression: string) => {
      if (!stored.has(expression))
        stored.set(
          expression,
          Array.from({ length: 8 }, (_, i) => ({ t: from + i * 300_000, v: expression.length + i })),
        );
      return stored.get(expression)!;
    };
    const api = awsApiUnderTest(backends, { cloudWatch: seriesOf, now });
    const answer = await api.call('metrics', `/api/metrics?from=${from}&to=${now}`);
    const period = periodSeconds(from, now);
    expect(answer.bucketMs).toBe(period * 1000);
    expect(answer.series.map((s: { name: string }) => s.name)).toEqual(Object.keys(CLOUDWATCH_SERIES));
    for (const series of answer.series) {
      const expression = CLOUDWATCH_SERIES[series.name as keyof typeof CLOUDWATCH_SERIES]!(AWS_SETTINGS, period);
      expect(series.points).toEqual(stored.get(expression));
    }
    // Eight points, three per page: three GetMetricData calls with the same queries.
    expect(api.cloudWatch.calls.map((c) => c.operation)).toEqual(['GetMetricData', 'GetMetricData', 'GetMetricData']);
    const expressions = (api.cloudWatch.calls[0]!.input['MetricDataQueries'] as { Expression: string }[]).map(
      (q) => q.Expression,
    );
    expect(expressions.join(' ')).toContain(AWS_SETTINGS.replicationId);
    expect(expressions.join(' ')).toContain(AWS_SETTINGS.resourcePrefix);

    const localOnly = await api.call('metrics', `/api/metrics?series=cdc.rows`, '501');
    expect(localOnly.error).toMatchObject({ kind: 'local-only', field: 'query.series' });
  });

  it('answers the chat routes, which CloudFront sends to the chat function, with a 404 saying so', async () => {
    const api = awsApiUnderTest(backends);
    for (const [name, route] of [
      ['chatInfo', ROUTES.chatInfo],
      ['chat', ROUTES.chat],
    ] as const) {
      const init = route.method === 'post' ? { method: 'POST', body: { question: 'hello' } } : {};
      const body = await api.call(name, route.path, '404', init);
      expect(body.error).toMatchObject({ kind: 'not-found', field: 'path' });
      expect(body.error.message).toContain(`${route.method.toUpperCase()} ${route.path} is not answered here`);
      expect(body.error.message).toContain(CHAT_ELSEWHERE_ON_AWS);
    }
  });

  it('answers every route the contract declares local-only with a 501 naming the route and what to use on AWS', async () => {
    const api = awsApiUnderTest(backends);
    expect(LOCAL_ONLY_ROUTES.length).toBeGreaterThan(0);
    for (const [name, route] of LOCAL_ONLY_ROUTES) {
      const path = route.path.replace('{table}', CURATED[0]!.name);
      const body = await api.call(
        name,
        path,
        '501',
        route.method === 'post' ? { method: 'POST', body: { question: 'hello' } } : {},
      );
      expect(body.error.kind).toBe('local-only');
      expect(body.error.message).toContain(`${route.method.toUpperCase()} ${route.path} is local-only`);
      expect(body.error.message).toContain(route.localOnly!.replaceAll('<env>', AWS_SETTINGS.environment));
    }
    const health = await api.call('health', '/health');
    expect(health.mode).toBe('static');
    expect(ROUTES.health.localOnly).toBeUndefined();
  });
});
