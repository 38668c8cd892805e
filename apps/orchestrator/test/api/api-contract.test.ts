/**
 * The platform API over a lake built by a real pipeline pass (embedded PostgreSQL, generator, CDC,
 * CSV transfer, ETL, crawl) and a second pass after price changes in PostgreSQL: every route with
 * good input answers what the document declares, with numbers computed here from the parts.
 */
import fs from 'node:fs';
import { DEFAULT_DATABASES } from '@autocorp/catalog';
import { JOBS } from '@autocorp/etl-jobs';
import { ROUTES } from '@autocorp/platform-client';
import { DuckDbExecutor, NAMED_QUERIES, runNamedQuery, schemaFromCatalogTables } from '@autocorp/query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/commands/query/query-backends';
import { cdcStep } from '../../src/pipeline/steps/cdc-step';
import { crawlStep } from '../../src/pipeline/steps/crawl-step';
import { etlStep } from '../../src/pipeline/steps/etl-step';
import { type ApiLake, buildApiLake, runtimePartsOf } from '../support/api-lake';
import { type ApiUnderTest, startApiUnderTest } from '../support/api-server';
import { completedInstants, curatedFolder, hudiRows, parseCsv, pgCount, runRecordFiles } from '../support/lake-facts';

const SCALE = 0.002;
const CHANGED_PARTS = 5;
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe(`the platform API over a real lake (generator scale ${SCALE})`, () => {
  let lake: ApiLake;
  let api: ApiUnderTest;
  let lakeRoot: string;
  let firstPartsInstant: string;
  let oldPrices: Map<string, string>;
  const pool = () => lake.context.sourceDb!.pool;

  beforeAll(async () => {
    lake = await buildApiLake(SCALE);
    lakeRoot = lake.context.home.lake;
    firstPartsInstant = (await completedInstants(lakeRoot, 'auto_parts')).at(-1) as string;
    const { rows } = await pool().query<{ sku: string; price: string }>(
      `SELECT sku, price::text AS price FROM auto_parts ORDER BY sku LIMIT ${CHANGED_PARTS}`,
    );
    oldPrices = new Map(rows.map((r) => [r.sku, r.price]));
    await pool().query('UPDATE auto_parts SET price = price + 1, updated_at = now() WHERE sku = ANY($1)', [
      [...oldPrices.keys()],
    ]);
    for (const step of [cdcStep, etlStep, crawlStep]) await step.run(lake.context);
    api = await startApiUnderTest(runtimePartsOf(lake));
  }, 900_000);

  afterAll(async () => {
    await api?.server.close();
    await lake?.close();
  });

  it('serves an OpenAPI 3.1 document with every route, and liveness and status (every component stopped, with the reason)', async () => {
    expect(api.validator.document.openapi).toBe('3.1.0');
    for (const [id, route] of Object.entries(ROUTES))
      expect(api.validator.document.paths[route.path]?.[route.method]?.operationId).toBe(id);
    const health = (await api.call('health', '/health')) as Body;
    expect(health).toMatchObject({ status: 'ok', mode: 'static' });
    const status = (await api.call('status', '/api/status')) as Body;
    expect(status.components.map((c: Body) => c.name)).toEqual([
      'source',
      'cdc',
      'etl',
      'catalog',
      'csv-watch',
      'simulator',
    ]);
    for (const c of status.components)
      expect(c).toMatchObject({ health: 'stopped', reason: expect.stringContaining('autocorp up') });
  });

  it('reports the slot and each captured table with the rows its full load took', async () => {
    const cdc = (await api.call('cdc', '/api/cdc')) as Body;
    expect(cdc.source.reachable).toBe(true);
    expect(cdc.slotStatus).toMatchObject({ exists: true, active: false, invalidated: false });
    const stored = JSON.parse(fs.readFileSync(`${lakeRoot}/state/cdc/autocorp_cdc/position.json`, 'utf8'));
    expect(cdc.position).toEqual(stored.position);
    const tables = [
      ...new Set(JOBS.flatMap((j) => j.sources.flatMap((s) => (s.kind === 'database' ? [s.table] : [])))),
    ];
    expect(cdc.tables.map((t: Body) => t.table).sort()).toEqual([...tables].sort());
    for (const t of cdc.tables)
      expect(t, t.table).toMatchObject({ state: 'ready', loadRows: await pgCount(pool(), t.table) });
  });

  it('counts rows in PostgreSQL, the raw zone and the curated tables as the parts themselves do', async () => {
    const body = (await api.call('tableCounts', '/api/tables/counts')) as Body;
    const curated = JOBS.map((j) => j.hudi.tableName);
    for (const row of body.tables) {
      const isSource = JOBS.some((j) => j.sources.some((s) => s.kind === 'database' && s.table === row.table));
      const expected = isSource ? await pgCount(pool(), row.table) : null;
      expect(row.source, row.table).toBe(expected);
      expect(row.raw, row.table).toBe(expected); // CDC caught up: the latest change per key is the source
      expect(row.curated, row.table).toBe(
        curated.includes(row.table) ? (await hudiRows(lakeRoot, row.table)).length : null,
      );
    }
    expect(body.tables.map((t: Body) => t.table)).toEqual(expect.arrayContaining(curated));
  });

  it('pages the ETL run records newest first, filtered by job', async () => {
    const records = runRecordFiles(lakeRoot);
    const all = (await api.call('etlRuns', '/api/etl/runs?limit=500')) as Body;
    expect(all.runs.map((r: Body) => r.runId)).toEqual(
      records
        .map((r) => r.runId)
        .sort()
        .reverse(),
    );
    expect(all.more).toBe(false);
    const page = (await api.call('etlRuns', '/api/etl/runs?offset=2&limit=3')) as Body;
    expect(page.runs).toEqual(all.runs.slice(2, 5));
    expect(page.more).toBe(true);
    const parts = (await api.call('etlRuns', '/api/etl/runs?job=auto_parts,customers')) as Body;
    expect(parts.runs.map((r: Body) => r.runId)).toEqual(
      all.runs.filter((r: Body) => ['auto_parts', 'customers'].includes(r.job)).map((r: Body) => r.runId),
    );
  });

  it('lists the quarantined rows with rule, reason, file and line: as many as the runs recorded, paged, filtered, as CSV', async () => {
    const recorded = runRecordFiles(lakeRoot).reduce((n, r) => n + r.counts.quarantined, 0);
    expect(recorded).toBeGreaterThan(2);
    const all = (await api.call('quarantine', `/api/etl/quarantine?limit=5000`)) as Body;
    expect(all.total).toBe(recorded);
    expect(all.rows).toHaveLength(recorded);
    for (const row of all.rows) {
      expect(row.file).toMatch(/^raw\/csv\//);
      expect(row.line).toBeGreaterThan(1);
    }
    const second = (await api.call('quarantine', '/api/etl/quarantine?offset=1&limit=2')) as Body;
    expect(second.rows).toEqual(all.rows.slice(1, 3));
    const rule = all.rows[0].rule as string;
    const byRule = (await api.call('quarantine', `/api/etl/quarantine?rule=${rule}&limit=5000`)) as Body;
    expect(byRule.rows).toEqual(all.rows.filter((r: Body) => r.rule === rule));
    const csv = parseCsv(await api.client.csv('quarantine', { query: { rule } }));
    expect(csv[0]).toEqual([
      'job',
      'runId',
      'batchId',
      'rule',
      'failedRules',
      'reason',
      'column',
      'file',
      'line',
      'rawRow',
      'quarantinedAt',
    ]);
    expect(csv.slice(1).map((r) => [r[3], r[7], Number(r[8]), r[9]])).toEqual(
      byRule.rows.map((r: Body) => [r.rule, r.file, r.line, r.rawRow]),
    );
  });

  it('lists the catalog per zone and describes a table with its partitions on disk', async () => {
    const body = (await api.call('tables', '/api/tables')) as Body;
    const curated = body.zones.find((z: Body) => z.zone === 'curated');
    expect(curated.database).toBe(DEFAULT_DATABASES.curated);
    expect(curated.tables.map((t: Body) => t.name).sort()).toEqual(JOBS.map((j) => j.hudi.tableName).sort());
    const raw = body.zones.find((z: Body) => z.zone === 'raw');
    const rawFolders = fs
      .readdirSync(`${lakeRoot}/raw/database`)
      .concat(fs.readdirSync(`${lakeRoot}/raw/csv`).map((f) => `csv_${f}`));
    expect(raw.tables.map((t: Body) => t.name).sort()).toEqual(rawFolders.sort());
    const detail = (await api.call('table', `/api/tables/${DEFAULT_DATABASES.curated}/sales_order`)) as Body;
    const onDisk = fs.readdirSync(curatedFolder(lakeRoot, 'sales_order')).filter((f) => f.startsWith('order_year='));
    expect(detail.partitionKeys.map((k: Body) => k.name)).toEqual(['order_year']);
    expect(detail.partitions.map((p: Body) => `order_year=${p.values[0]}`).sort()).toEqual(onDisk.sort());
    expect(detail.columns.map((c: Body) => c.name)).toContain('invoice_number');
    const parts = curated.tables.find((t: Body) => t.name === 'auto_parts');
    expect(parts.latestCommit.instant).toBe((await completedInstants(lakeRoot, 'auto_parts')).at(-1));
    expect(raw.tables.every((t: Body) => t.latestCommit === null)).toBe(true);
  });

  it("shows a curated table's Hudi timeline and previews it as of a commit", async () => {
    const timeline = (await api.call('timeline', '/api/curated/auto_parts/timeline')) as Body;
    expect(timeline.instants.map((i: Body) => i.instant)).toEqual(
      (await completedInstants(lakeRoot, 'auto_parts')).reverse(),
    );
    const [latest, first] = [timeline.instants[0], timeline.instants.at(-1)];
    expect(first).toMatchObject({
      instant: firstPartsInstant,
      inserted: await pgCount(pool(), 'auto_parts'),
      updated: 0,
    });
    expect(latest).toMatchObject({ updated: CHANGED_PARTS, inserted: 0, deleted: 0 });
    expect(latest.filesWritten).toBeGreaterThan(0);
    const price = (body: Body) => new Map(body.rows.map((r: Body) => [r.sku, r.price]));
    const before = price(
      (await api.call('preview', `/api/curated/auto_parts/preview?asOf=${firstPartsInstant}&limit=1000`)) as Body,
    );
    const now = price((await api.call('preview', '/api/curated/auto_parts/preview?limit=1000')) as Body);
    for (const [sku, old] of oldPrices) {
      expect(before.get(sku)).toBe(old);
      expect(now.get(sku)).toBe((Number(old) + 1).toFixed(2));
    }
    const changes = (await api.call(
      'preview',
      `/api/curated/auto_parts/preview?since=${firstPartsInstant}&until=${latest.instant}&limit=1000`,
    )) as Body;
    expect(changes).toMatchObject({ since: firstPartsInstant, until: latest.instant, asOf: null });
    expect(price(changes)).toEqual(new Map([...oldPrices].map(([sku, old]) => [sku, (Number(old) + 1).toFixed(2)])));
  });

  it('runs the named queries with typed parameters, a row limit and CSV, as the query library answers them', async () => {
    const list = (await api.call('namedQueries', '/api/queries')) as Body;
    expect(list.queries.map((q: Body) => q.name)).toEqual(NAMED_QUERIES.map((q) => q.name));
    // Every parameter reaches its query: none is named like one of the API's own options.
    const options = Object.keys(ROUTES.runNamedQuery.query.shape);
    for (const q of NAMED_QUERIES)
      for (const p of q.parameters) expect(options, `${q.name}.${p.name}`).not.toContain(p.name);
    const catalog = openCatalog(lake.io);
    const executor = new DuckDbExecutor({ catalog });
    try {
      const schema = schemaFromCatalogTables(await catalog.listTables(DEFAULT_DATABASES.curated));
      const reference = await runNamedQuery(executor, 'top_selling_parts', { limit: '7' }, { schema });
      const body = (await api.call(
        'runNamedQuery',
        '/api/queries/top_selling_parts?maxRows=3&format=json&timeoutMs=60000&limit=7',
      )) as Body;
      // maxRows is the API's row limit; `limit` is the named query's own parameter (7 parts).
      expect(reference.rows).toHaveLength(7);
      expect(body).toMatchObject({
        rows: reference.rows.slice(0, 3),
        truncated: true,
        maxRows: 3,
        values: { limit: 7 },
      });
      const csv = parseCsv(
        await api.client.csv('runNamedQuery', { params: { name: 'top_selling_parts' }, query: { maxRows: 3 } }),
      );
      expect(csv.slice(1).map((r) => r[0])).toEqual(reference.rows.slice(0, 3).map((r) => r['sku']));
    } finally {
      await executor.close();
    }
  });

  it('runs read-only SQL with a row limit, time travel (asOf, since) and CSV', async () => {
    const sql = (body: Body) =>
      api.call('sql', '/api/sql', 200, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }) as Promise<Body>;
    const count = await sql({ sql: 'SELECT count(*) AS n FROM sales_order;' });
    expect(count.rows).toEqual([{ n: (await hudiRows(lakeRoot, 'sales_order')).length }]);
    const skus = (await pool().query<{ sku: string }>('SELECT sku FROM auto_parts ORDER BY sku LIMIT 4')).rows.map(
      (r) => r.sku,
    );
    const limited = await sql({ sql: 'SELECT sku FROM auto_parts ORDER BY sku', maxRows: 3 });
    expect(limited).toMatchObject({ rows: skus.slice(0, 3).map((sku) => ({ sku })), truncated: true, maxRows: 3 });
    const [sku, old] = [...oldPrices][0] as [string, string];
    const asOf = await sql({ sql: `SELECT price FROM auto_parts WHERE sku = '${sku}'`, asOf: firstPartsInstant });
    expect(asOf.rows).toEqual([{ price: old }]);
    const since = await sql({ sql: 'SELECT sku FROM auto_parts ORDER BY sku', since: firstPartsInstant });
    expect(since.rows.map((r: Body) => r.sku)).toEqual([...oldPrices.keys()]);
    const slow = (await api.call('sql', '/api/sql', 504, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ sql: 'SELECT count(*) AS n FROM range(1000000000000) a', timeoutMs: 200 }),
    })) as Body;
    expect(slow.error).toMatchObject({ kind: 'timeout', field: 'body.timeoutMs' });
    const csv = await api.client.csv('sql', { body: { sql: 'SELECT sku FROM auto_parts ORDER BY sku', maxRows: 4 } });
    expect(parseCsv(csv)).toEqual([['sku'], ...skus.map((s) => [s])]);
  });

  it('answers the metrics history (no events yet under serve) and the typed client parses every JSON route', async () => {
    const metrics = (await api.call('metrics', '/api/metrics?series=cdc.rows,etl.runs')) as Body;
    expect(metrics.series.map((s: Body) => s.name)).toEqual(['cdc.rows', 'etl.runs']);
    const viaClient = await api.client.tableCounts();
    expect(viaClient.tables.length).toBeGreaterThan(0);
    expect((await api.client.timeline({ params: { table: 'auto_parts' }, query: { limit: 1 } })).instants).toHaveLength(
      1,
    );
  });

  // Last: it adds a commit to auto_parts, which the timeline tests above count.
  it('counts again what changed after the counts were kept: a part inserted into PostgreSQL, landed and curated', async () => {
    await api.call('tableCounts', '/api/tables/counts'); // the counts are kept from here
    const sku = `API-${Date.now().toString(36)}`;
    await pool().query(
      `CREATE TEMP TABLE new_part AS SELECT * FROM auto_parts ORDER BY sku LIMIT 1;
       UPDATE new_part SET sku = '${sku}';
       INSERT INTO auto_parts SELECT * FROM new_part;
       DROP TABLE new_part`,
    );
    for (const step of [cdcStep, etlStep, crawlStep]) await step.run(lake.context);
    const body = (await api.call('tableCounts', '/api/tables/counts')) as Body;
    const parts = body.tables.find((t: Body) => t.table === 'auto_parts');
    const expected = await pgCount(pool(), 'auto_parts');
    expect(parts).toMatchObject({ source: expected, raw: expected });
    expect(parts.curated).toBe((await hudiRows(lakeRoot, 'auto_parts')).length);
    expect((await hudiRows(lakeRoot, 'auto_parts')).some((r) => r['sku'] === sku)).toBe(true);
  });
});
