/**
 * The assistant's knowledge base and tools over a lake built by a real pipeline pass: documents and their
 * counts come from the data, a refresh rereads only the tables whose commit changed, the lexical
 * retriever follows it, and the tools keep their limits (guard, row cap, contact details, cancel).
 */
import { JOBS } from '@autocorp/etl-jobs';
import { DuckDbExecutor, NAMED_QUERIES } from '@autocorp/query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  KnowledgeBase,
  LexicalRetriever,
  type ToolContext,
  createAssistantTools,
  isAssistantError,
} from '@autocorp/assistant';
import { type PipelinePass, runPipelinePass } from './support/pipeline-pass';

const SCALE = 0.002;
const SEED = 7;

describe(`knowledge base and tools (generator scale ${SCALE}, seed ${SEED})`, () => {
  let pass: PipelinePass;
  let executor: DuckDbExecutor;
  let kb: KnowledgeBase;
  let retriever: LexicalRetriever;
  const ctx = (rowCap = 50): ToolContext => ({ signal: new AbortController().signal, rowCap, timeoutMs: 30_000 });
  const count = async (sql: string) => Number(Object.values((await executor.execute(sql)).rows[0] ?? {})[0]);
  const tool = (name: string) => {
    const found = createAssistantTools({ executor, kb, retriever }).find((t) => t.name === name);
    if (!found) throw new Error(`no tool ${name}`);
    return found;
  };

  beforeAll(async () => {
    pass = await runPipelinePass(SCALE, SEED);
    executor = new DuckDbExecutor({ catalog: pass.catalog });
    kb = await KnowledgeBase.build(executor);
    retriever = new LexicalRetriever(kb);
  }, 240_000);

  afterAll(async () => {
    retriever?.close();
    await executor?.close();
    await pass?.close();
  });

  it('holds one document per part, service, mapping and column value, and the catalog descriptions', async () => {
    const byKind = (kind: string) => kb.documents.filter((d) => d.kind === kind).length;
    expect(byKind('part')).toBe(await count('SELECT count(*) FROM auto_parts'));
    expect(byKind('service')).toBe(await count('SELECT count(*) FROM service'));
    expect(byKind('service-part')).toBe(await count('SELECT count(*) FROM service_parts'));
    const values =
      (await count('SELECT count(DISTINCT payment_method) FROM sales_order')) +
      (await count('SELECT count(DISTINCT order_type) FROM sales_order')) +
      (await count('SELECT count(DISTINCT status) FROM sales_order')) +
      (await count('SELECT count(DISTINCT state) FROM customers')) +
      (await count('SELECT count(*) FROM (SELECT category FROM auto_parts UNION SELECT category FROM service)'));
    expect(byKind('value')).toBe(values);
    expect(byKind('table')).toBe(JOBS.length);
    expect(byKind('column')).toBe(JOBS.reduce((n, j) => n + j.columns.length, 0));
    expect(byKind('named-query')).toBe(NAMED_QUERIES.length);
    const [mapping] = (await executor.execute('SELECT serviceid, sku FROM service_parts ORDER BY 1, 2 LIMIT 1')).rows;
    const doc = kb.get(`service-part:${String(mapping?.['serviceid'])}:${String(mapping?.['sku'])}`);
    expect(doc?.table).toBe('service_parts');
    expect(doc?.commit).toBe(kb.commits().get('service_parts'));
    expect(doc?.commit).toMatch(/^\d{17}$/);
  });

  it('ranks with shop synonyms and typos', async () => {
    const [lof] = await retriever.search({ text: 'LOF', kinds: ['service'] });
    expect(lof?.document.title).toMatch(/Oil Change/);
    const [tyre] = await retriever.search({ text: 'tyre rotation', kinds: ['service'] });
    expect(tyre?.document.title).toBe('Tire Rotation');
    const [typo] = await retriever.search({ text: 'alternater', kinds: ['part'] });
    expect(typo?.document.title).toMatch(/^Alternator/);
    const [stemmed] = await retriever.search({ text: 'replacing thermostats', kinds: ['service'] });
    expect(stemmed?.document.title).toBe('Thermostat Replacement');
  });

  it('rereads only the changed table on refresh, and the retriever sees the change', async () => {
    expect((await kb.refresh()).tablesRead).toEqual([]);
    const before = new Map(kb.documents.map((d) => [d.id, d]));
    const { rows } = await pass.pool.query<{ sku: string }>('SELECT sku FROM auto_parts ORDER BY sku LIMIT 1');
    const sku = String(rows[0]?.sku);
    await pass.pool.query(
      "UPDATE auto_parts SET description = 'Flux Capacitor - Premium', updated_at = updated_at + interval '1 day' WHERE sku = $1",
      [sku],
    );
    await pass.cdcEtlCrawl();
    const change = await kb.refresh();
    expect(change.tablesRead).toContain('auto_parts');
    expect(change.tablesRead).not.toContain('service');
    expect(change.updated.map((d) => d.id)).toContain(`part:${sku}`);
    // Besides the part, the services and mappings that name it: documents whose only change is the new commit instant.
    const otherwise = change.updated.filter((d) => d.id !== `part:${sku}` && !d.text.includes('Flux Capacitor'));
    for (const doc of otherwise) expect({ ...doc, commit: null }).toEqual({ ...before.get(doc.id), commit: null });
    expect(change.added.map((d) => d.id)).toEqual([]);
    const [hit] = await retriever.search({ text: 'flux capacitor' });
    expect(hit?.document.id).toBe(`part:${sku}`);
  });

  it('reuses a tool result until the knowledge base sees a new commit of a table the call reads', async () => {
    const tools = createAssistantTools({ executor, kb, retriever });
    const runSql = tools.find((t) => t.name === 'run_sql');
    if (!runSql) throw new Error('no tool run_sql');
    const { rows } = await pass.pool.query<{ sku: string }>('SELECT sku FROM auto_parts ORDER BY sku DESC LIMIT 1');
    const sku = String(rows[0]?.sku);
    const input = { sql: `SELECT description FROM auto_parts WHERE sku = '${sku}'` };
    const described = async () => (await runSql.run(input, ctx())).table?.rows[0]?.[0];
    const before = await described();
    const commitBefore = kb.commits().get('auto_parts');
    await pass.pool.query(
      "UPDATE auto_parts SET description = description || ' (reused-result check)', updated_at = updated_at + interval '1 day' WHERE sku = $1",
      [sku],
    );
    await pass.cdcEtlCrawl();
    const current = String((await executor.execute(input.sql)).rows[0]?.['description']);
    expect(current).toBe(`${String(before)} (reused-result check)`);
    // The knowledge base has not refreshed: the call is the same one, over the commit it last saw.
    expect(kb.commits().get('auto_parts')).toBe(commitBefore);
    expect(await described()).toBe(before);
    await kb.refresh();
    expect(kb.commits().get('auto_parts')).not.toBe(commitBefore);
    const after = await runSql.run(input, ctx());
    expect(after.table?.rows[0]?.[0]).toBe(current);
    expect(after.citations).toEqual([{ kind: 'table', table: 'auto_parts', commit: kb.commits().get('auto_parts') }]);
  });

  it('runs read-only SQL only, with a row cap, and never returns contact details', async () => {
    const sql = tool('run_sql');
    await expect(sql.run({ sql: 'DROP TABLE customers' }, ctx())).rejects.toSatisfy(
      (e: unknown) => isAssistantError(e) && e.kind === 'refused',
    );
    await expect(sql.run({ sql: "SELECT * FROM read_text('/etc/passwd')" }, ctx())).rejects.toSatisfy(
      (e: unknown) => isAssistantError(e) && e.kind === 'refused',
    );
    const capped = await sql.run({ sql: 'SELECT sku FROM auto_parts ORDER BY sku' }, ctx(5));
    expect(capped.table?.rows).toHaveLength(5);
    expect((capped.content as { truncated: boolean }).truncated).toBe(true);
    const contacts = await sql.run({ sql: 'SELECT email AS contact, phone, address, state FROM customers' }, ctx());
    expect(contacts.table?.columns.map((c) => c.name)).toEqual(['contact', 'state']);
    const emails = (await executor.execute('SELECT email FROM customers')).rows.map((r) => String(r['email']));
    expect(JSON.stringify(contacts)).not.toContain(emails[0]);
    expect(contacts.citations).toEqual([{ kind: 'table', table: 'customers', commit: kb.commits().get('customers') }]);
  });

  it('answers a service with its parts and named queries with typed parameters', async () => {
    const service = await tool('get_service_with_parts').run({ service: 'coolant flush' }, ctx());
    const serviceid = (service.content as { service: { serviceid: string } }).service.serviceid;
    const expected = (
      await executor.execute(`SELECT sku FROM service_parts WHERE serviceid = '${serviceid}' ORDER BY sku`)
    ).rows;
    expect(service.table?.rows.map((r) => r[service.table?.columns.findIndex((c) => c.name === 'sku') ?? 0])).toEqual(
      expected.map((r) => r['sku']),
    );
    const named = await tool('run_named_query').run({ name: 'customers_by_state', parameters: { limit: 2 } }, ctx());
    expect(named.table?.rows.length).toBeLessThanOrEqual(2);
    expect(named.sql).toMatch(/LIMIT 2/);
    await expect(
      tool('run_named_query').run({ name: 'customers_by_state', parameters: { limit: 'x' } }, ctx()),
    ).rejects.toSatisfy((e: unknown) => isAssistantError(e) && e.kind === 'tool-failed');
  });

  it('stops a call whose signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      tool('run_sql').run(
        { sql: 'SELECT count(*) FROM sales_order' },
        { signal: controller.signal, rowCap: 5, timeoutMs: 30_000 },
      ),
    ).rejects.toSatisfy((e: unknown) => isAssistantError(e) && e.kind === 'cancelled');
  });
});
