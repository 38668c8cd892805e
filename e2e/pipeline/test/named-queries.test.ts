/**
 * The query layer's "done when" (here, not in libs/query, because it runs every stage): the whole
 * local pass with real parts (throwaway PostgreSQL, generator, CDC, CSV transfer, the ten ETL jobs,
 * crawl) at a small scale, and every named query answered by the DuckDB executor over the curated
 * Hudi tables equals the answer computed from the sources by an oracle that shares no code with the
 * pipeline (support/source-oracle.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DATABASES, HUDI_META_COLUMNS } from '@autocorp/catalog';
import { HudiTable } from '@autocorp/hudi';
import {
  CURATED_QUERY_SCHEMA,
  DuckDbExecutor,
  type ExecuteOptions,
  NAMED_QUERIES,
  type NamedQueryResult,
  type NamedQueryValues,
  namedQueryByName,
  resolveNamedQueryValues,
  runNamedQuery,
  schemaFromCatalogTables,
} from '@autocorp/query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRows } from './support/canonical-rows';
import { EXPECTED_ANSWERS, EXPECTED_DATA_PERIODS } from './support/expected-answers';
import { type PipelinePass, runPipelinePass } from './support/pipeline-pass';
import { type SourceOracle, buildSourceOracle } from './support/source-oracle';

const SCALE = 0.003;

/** Each named query with its defaults and at least one other parameter set. */
const CASES: readonly (readonly [string, Record<string, string | number>])[] = [
  ['top_selling_parts', {}],
  ['top_selling_parts', { from: '2022-03-01', to: '2023-01-01', limit: 25 }],
  ['revenue_by_month_and_order_type', {}],
  ['revenue_by_month_and_order_type', { from: '2021-06-01', to: '2021-09-01' }],
  ['service_complexity', {}],
  ['service_complexity', { min_parts: 10, limit: 15 }],
  ['customers_by_state', {}],
  ['customers_by_state', { limit: 2 }],
  ['average_order_value_by_payment_method', {}],
  ['average_order_value_by_payment_method', { from: '2023-01-01', to: '2024-01-01' }],
  ['service_with_parts', {}],
  ['service_with_parts', { serviceid: 'SRV-ENG-010' }],
];

describe(`named queries over the curated lake equal the sources (generator scale ${SCALE})`, () => {
  let pass: PipelinePass;
  let oracle: SourceOracle;
  let executor: DuckDbExecutor;
  let workDir: string;

  const curatedFolder = (table: string) => path.join(pass.lakeRoot, 'curated', table);
  const commitsOf = async (table: string) => (await HudiTable.open(curatedFolder(table))).commits();
  const runNamed = async (
    name: string,
    params: Record<string, string | number> = {},
    options: ExecuteOptions = {},
  ): Promise<NamedQueryResult> => {
    const schema = schemaFromCatalogTables(await pass.catalog.listTables(DEFAULT_DATABASES.curated));
    return runNamedQuery(executor, name, params, { ...options, schema });
  };
  /** The answer from the sources for the values a run used (the period from the data included). */
  const expectedOf = async (name: string, values: NamedQueryValues) => {
    const answer = EXPECTED_ANSWERS[name];
    if (!answer) throw new Error(`No expected answer is written for named query "${name}".`);
    const { sql, params: bound } = answer(values);
    return oracle.rows(sql, bound);
  };

  beforeAll(async () => {
    pass = await runPipelinePass(SCALE);
    workDir = await mkdtemp(path.join(os.tmpdir(), 'query-e2e-oracle-'));
    oracle = await buildSourceOracle(pass.server.connectionConfig, pass.exportDir, workDir);
    executor = new DuckDbExecutor({ catalog: pass.catalog });
  }, 240_000);

  afterAll(async () => {
    await executor?.close();
    await oracle?.close();
    await pass?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it("the oracle's CSV deduplication agrees with the generator's answer key", async () => {
    expect(oracle.csvOrders).toBeGreaterThan(1000);
    expect(oracle.csvPartLines).toBeGreaterThan(oracle.csvOrders);
    expect(await oracle.winnerMismatches()).toBe(0);
  });

  it('the crawled curated tables have exactly the columns and types CURATED_QUERY_SCHEMA derives from the jobs', async () => {
    const crawled = schemaFromCatalogTables(await pass.catalog.listTables(DEFAULT_DATABASES.curated));
    const meta = new Set(HUDI_META_COLUMNS.map((c) => c.name));
    const stored = Object.fromEntries(
      Object.entries(crawled).map(([t, cols]) => [
        t,
        Object.fromEntries(Object.entries(cols).filter(([c]) => !meta.has(c))),
      ]),
    );
    // libs/hudi writes every DECIMAL(p,s) as decimal(38,s) (fixed[16], see its README "Spark types"); all else is as declared.
    const widened = (type: string) => type.replace(/^decimal\(\d+,(\d+)\)$/, 'decimal(38,$1)');
    const declared = Object.fromEntries(
      Object.entries(CURATED_QUERY_SCHEMA).map(([t, cols]) => [
        t,
        Object.fromEntries(Object.entries(cols).map(([c, type]) => [c, widened(type)])),
      ]),
    );
    expect(stored).toEqual(declared);
  });

  it('covers every named query with its defaults and another parameter set', () => {
    for (const query of NAMED_QUERIES) {
      const sets = CASES.filter(([name]) => name === query.name).map(([, params]) => params);
      expect(sets.some((p) => Object.keys(p).length === 0)).toBe(true);
      expect(sets.some((p) => Object.keys(p).length > 0)).toBe(true);
    }
  });

  for (const [name, params] of CASES) {
    it(`${name} ${JSON.stringify(params)} returns exactly the values computed from PostgreSQL and the CSV export`, async () => {
      const result = await runNamed(name, params);
      const periodSql = EXPECTED_DATA_PERIODS[name];
      if (periodSql !== undefined) {
        const [dataPeriod] = await oracle.rows(periodSql);
        expect(result.period).toEqual({
          from: params['from'] ?? dataPeriod?.['from'],
          to: params['to'] ?? dataPeriod?.['to'],
          fromSource: 'from' in params ? 'given' : 'data',
          toSource: 'to' in params ? 'given' : 'data',
        });
      } else {
        expect(result.period).toBeUndefined();
      }
      expect(result.values).toEqual({
        ...resolveNamedQueryValues(namedQueryByName(name), params),
        ...(result.period ? { from: result.period.from, to: result.period.to } : {}),
      });
      const expected = await expectedOf(name, result.values);
      expect(expected.length).toBeGreaterThan(0);
      expect(result.columns.map((c) => c.name)).toEqual(Object.keys(expected[0] ?? {}));
      expect(canonicalRows(result.rows)).toEqual(canonicalRows(expected));
    });
  }

  it('after an upsert in PostgreSQL (CDC + ETL again) sees the change, travels back to the first commit, and reads exactly the changed rows incrementally', async () => {
    const salesFirst = (await commitsOf('sales_order'))[0] as string;
    const partsFirst = (await commitsOf('auto_parts'))[0] as string;
    const catalogFirst = [
      partsFirst,
      ...(await commitsOf('service')).slice(0, 1),
      ...(await commitsOf('service_parts')).slice(0, 1),
    ]
      .sort()
      .at(-1) as string;
    const aovBefore = await runNamed('average_order_value_by_payment_method');
    const partsBefore = await runNamed('service_with_parts');

    const changed = await pass.pool.query<{ invoice_number: string }>(
      `UPDATE sales_order SET payment_method = CASE WHEN payment_method = 'Cash' THEN 'Check' ELSE 'Cash' END, updated_at = updated_at + interval '1 hour'
       WHERE order_id IN (SELECT order_id FROM sales_order ORDER BY order_id LIMIT 2) RETURNING invoice_number`,
    );
    const invoices = changed.rows.map((r) => r.invoice_number).sort();
    const sku = String(partsBefore.rows[0]?.['sku']);
    await pass.pool.query(
      `UPDATE auto_parts SET price = price + 10, updated_at = updated_at + interval '1 hour' WHERE sku = $1`,
      [sku],
    );
    await pass.cdcEtlCrawl();

    const aovAfter = await runNamed('average_order_value_by_payment_method');
    expect(canonicalRows(aovAfter.rows)).toEqual(
      canonicalRows(await expectedOf('average_order_value_by_payment_method', aovAfter.values)),
    );
    expect(canonicalRows(aovAfter.rows)).not.toEqual(canonicalRows(aovBefore.rows));
    const partsAfter = await runNamed('service_with_parts');
    expect(canonicalRows(partsAfter.rows)).toEqual(
      canonicalRows(await expectedOf('service_with_parts', partsAfter.values)),
    );
    expect(Number(partsAfter.rows[0]?.['unit_price'])).toBe(Number(partsBefore.rows[0]?.['unit_price']) + 10);

    // Time travel: as of the first commits, the answers before the upsert.
    expect((await runNamed('average_order_value_by_payment_method', {}, { asOf: salesFirst })).rows).toEqual(
      aovBefore.rows,
    );
    expect((await runNamed('service_with_parts', {}, { asOf: catalogFirst })).rows).toEqual(partsBefore.rows);

    // Incremental: exactly the rows the second pass changed, with their new values.
    const now = await pass.pool.query<{ invoice_number: string; payment_method: string }>(
      'SELECT invoice_number, payment_method FROM sales_order WHERE invoice_number = ANY($1) ORDER BY invoice_number',
      [invoices],
    );
    const salesLatest = (await commitsOf('sales_order')).at(-1) as string;
    expect(salesLatest > salesFirst).toBe(true);
    const incremental = await executor.execute(
      'SELECT invoice_number, payment_method FROM sales_order ORDER BY invoice_number',
      [],
      { since: salesFirst },
    );
    expect(incremental.rows).toEqual(now.rows);
    const bounded = await executor.execute(
      'SELECT invoice_number, payment_method FROM sales_order ORDER BY invoice_number',
      [],
      { since: salesFirst, until: salesLatest },
    );
    expect(bounded.rows).toEqual(now.rows);
    const nothingBefore = await executor.execute('SELECT invoice_number FROM sales_order', [], {
      since: salesFirst,
      until: salesFirst,
    });
    expect(nothingBefore.rows).toEqual([]);
    const price = await pass.pool.query<{ price: string }>(
      'SELECT price::text AS price FROM auto_parts WHERE sku = $1',
      [sku],
    );
    const partsIncremental = await executor.execute('SELECT sku, price FROM auto_parts', [], { since: partsFirst });
    expect(partsIncremental.rows).toEqual([{ sku, price: price.rows[0]?.price }]);
  }, 120_000);

  it('refuses statements that write, change schema, read files or leave the catalog, and the lake is unchanged after', async () => {
    const before = await executor.execute('SELECT count(*) AS n FROM sales_order');
    const refused = [
      'DROP TABLE sales_order',
      "DELETE FROM sales_order WHERE invoice_number <> ''",
      "UPDATE auto_parts SET price = 0 WHERE sku <> ''",
      'INSERT INTO customers SELECT * FROM customers',
      'CREATE TABLE copy_of_orders AS SELECT * FROM sales_order',
      "COPY sales_order TO '/tmp/stolen.csv'",
      "ATTACH '/tmp/other.duckdb' AS other",
      'INSTALL httpfs',
      'SET enable_external_access = true',
      'SELECT 1 AS one; DROP TABLE sales_order',
      "SELECT * FROM read_csv('/etc/passwd')",
      `SELECT * FROM read_parquet('${curatedFolder('sales_order')}/**/*.parquet')`,
      `SELECT * FROM '${curatedFolder('customers')}/x.parquet'`,
      'SELECT * FROM information_schema.tables',
      'SELECT * FROM pg_sales_order',
      "SELECT getenv('HOME') AS home",
    ];
    for (const sql of refused)
      await expect(executor.execute(sql), sql).rejects.toMatchObject({ name: 'QueryError', kind: 'refused' });
    expect((await executor.execute('SELECT count(*) AS n FROM sales_order')).rows).toEqual(before.rows);
  });
});
