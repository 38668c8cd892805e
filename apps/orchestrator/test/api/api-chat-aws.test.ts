/**
 * The assistant's AWS side over a lake built by a real pipeline pass, with local servers speaking the AWS wire
 * formats standing in for the AWS endpoints (the SDK reaches them through AWS_ENDPOINT_URL_<SERVICE>):
 * - POST /api/chat with the bedrock provider (Converse/ConverseStream over HTTP/2, tool use);
 * - `autocorp assistant publish` (the knowledge documents to the data source, then an ingestion job).
 * The chat function itself (its routes, follow-ups across environments) is tested in chat-lambda-contract.test.ts.
 * Every number expected is computed here with SQL over the curated tables.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { KnowledgeBase, knowledgeBaseObjects, manifestKey } from '@autocorp/assistant';
import {
  type ConverseBody,
  type ScriptedHttpServer,
  type ScriptedReply,
  converseToolResults,
  startScriptedBedrockAgent,
  startScriptedBedrockServer,
  localAwsEnvironment,
} from '@autocorp/assistant/testing';
import { openObjectStore } from '@autocorp/lake-storage';
import { DuckDbExecutor } from '@autocorp/query';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { assistantPublishCommand } from '../../src/commands/assistant/assistant-publish';
import { type ApiLake, buildApiLake, runtimePartsOf } from '../support/api-lake';
import { type ApiUnderTest, type RuntimeParts, startApiUnderTest } from '../support/api-server';
import { postChat } from '../support/chat-stream';

const SCALE = 0.002;
type Rows = { rows: Record<string, unknown>[] };

/** The SQL the scripted Nova Pro writes: the part sold most, in units. */
const TOP_PART_SQL =
  "SELECT item_code AS sku, CAST(sum(quantity) AS INTEGER) AS units FROM sales_order_line_items WHERE line_type = 'part' GROUP BY item_code ORDER BY units DESC, sku LIMIT 1";

describe(`the assistant on AWS, over a real lake (generator scale ${SCALE})`, () => {
  let lake: ApiLake;
  let parts: RuntimeParts;
  let executor: DuckDbExecutor;
  let bedrock: ScriptedHttpServer;
  const closers: (() => Promise<void>)[] = [];
  /** What the scripted Nova Pro answers; each test sets its own. */
  let nova: (body: ConverseBody) => ScriptedReply | Error = () => new Error('no script');

  beforeAll(async () => {
    lake = await buildApiLake(SCALE);
    parts = runtimePartsOf(lake);
    executor = new DuckDbExecutor({ catalog: parts.catalog });
    bedrock = await startScriptedBedrockServer((body) => nova(body));
    closers.push(() => bedrock.close());
    // How any AWS SDK client is pointed at another endpoint; the clients the code makes itself pick these up.
    for (const [name, value] of Object.entries(localAwsEnvironment({ BEDROCK_RUNTIME: bedrock.url })))
      vi.stubEnv(name, value);
  }, 900_000);

  afterAll(async () => {
    vi.unstubAllEnvs();
    for (const close of closers.reverse()) await close();
    await executor?.close();
    await lake?.close();
  });

  /** The first row of `sql` over the lake. */
  const first = async (sql: string) => (await executor.execute(sql)).rows[0] ?? {};

  it('POST /api/chat with the bedrock provider: Nova Pro’s tool call runs over the lake and the page gets its events and numbers', async () => {
    nova = (body) => {
      if (converseToolResults(body).length === 0)
        return { text: 'Let me look.', toolCalls: [{ name: 'run_sql', input: { sql: TOP_PART_SQL } }] };
      const row = (converseToolResults(body)[0]?.json as Rows).rows[0];
      return { text: `The part sold most is ${String(row?.['sku'])} with ${String(row?.['units'])} units.` };
    };
    const api: ApiUnderTest = await startApiUnderTest(parts, { chat: { provider: 'bedrock' } });
    closers.push(() => api.server.close());
    expect(await api.client.chatInfo()).toMatchObject({ provider: 'bedrock', model: 'amazon.nova-pro-v1:0' });

    const { status, events } = await postChat(api.server.url, { question: 'Which part do we sell most of?' });
    expect(status).toBe(200);
    for (const event of events)
      expect(api.validator.problems('chat', '200', event.data, 'text/event-stream'), event.name).toEqual([]);
    expect(events.map((e) => e.name).filter((n, i, all) => n !== all[i - 1])).toEqual([
      'text-delta',
      'tool-call',
      'tool-result',
      'text-delta',
      'answer',
    ]);
    // The test's own SQL: units per part SKU over the part lines.
    const expected = await first(
      "SELECT item_code, sum(quantity) AS n FROM sales_order_line_items WHERE line_type = 'part' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1",
    );
    const last = events.at(-1)?.data;
    expect(last).toMatchObject({
      type: 'answer',
      answer: {
        provider: 'bedrock',
        outcome: 'answered',
        sql: [TOP_PART_SQL],
        text: `The part sold most is ${String(expected['item_code'])} with ${Number(expected['n'])} units.`,
        table: { rows: [[expected['item_code'], Number(expected['n'])]] },
      },
    });
    const streamed = events.flatMap((e) => (e.data.type === 'text-delta' ? [e.data.text] : [])).join('');
    expect(streamed).toBe(`Let me look.${last?.type === 'answer' ? last.answer.text : ''}`);
    // Through the Bedrock Runtime wire: ConverseStream of Nova Pro, SigV4-signed, with the assistant's tools.
    expect(bedrock.requests.map((r) => r.path)).toEqual(
      Array(2).fill(`/model/${encodeURIComponent('amazon.nova-pro-v1:0')}/converse-stream`),
    );
    expect(bedrock.requests[0]?.headers.authorization).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\//);
    const tools = (JSON.parse(bedrock.requests[0]?.body ?? '{}') as ConverseBody).toolConfig?.tools ?? [];
    expect(tools.map((t) => t.toolSpec.name)).toEqual(expect.arrayContaining(['run_sql', 'get_service_with_parts']));
  });

  it('autocorp assistant publish writes the local knowledge base’s documents to the data source and syncs it', async () => {
    const agent = await startScriptedBedrockAgent([
      { status: 'COMPLETE', statistics: { numberOfDocumentsScanned: 1, numberOfNewDocumentsIndexed: 1 } },
    ]);
    closers.push(() => agent.close());
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK_AGENT', agent.url);
    const target = await mkdtemp(path.join(os.tmpdir(), 'autocorp-kb-target-'));
    closers.push(() => rm(target, { recursive: true, force: true }));
    const to = `${pathToFileURL(target).href}/knowledge-documents/`;
    let stdout = '';
    let stderr = '';
    const run = async () => {
      const out = new PassThrough().on('data', (c: Buffer) => (stdout += c.toString()));
      const err = new PassThrough().on('data', (c: Buffer) => (stderr += c.toString()));
      const args = { to, 'knowledge-base-id': 'KB12345678', 'data-source-id': 'DS12345678', json: true };
      await assistantPublishCommand.run(args, [], { ...lake.io, stdout: out, stderr: err });
    };
    await run();

    const kb = await KnowledgeBase.build(executor);
    const objects = knowledgeBaseObjects(kb.documents);
    const store = openObjectStore(pathToFileURL(target).href);
    const keys: string[] = [];
    for await (const info of store.list('knowledge-documents/')) keys.push(info.key);
    expect(keys.sort()).toEqual(
      objects.flatMap((o) => [`knowledge-documents/${o.name}`, `knowledge-documents/${o.metadataName}`]).sort(),
    );
    const sample = objects[Math.floor(objects.length / 2)];
    const sidecar = JSON.parse((await store.getBytes(`knowledge-documents/${sample?.metadataName}`)).toString());
    expect(sidecar).toEqual(JSON.parse(sample?.metadataBody ?? ''));
    expect(Object.keys(sidecar.metadataAttributes)).toEqual(expect.arrayContaining(['table', 'key', 'commit']));
    expect(await store.head(manifestKey('knowledge-documents/'))).toBeDefined();
    expect(agent.requests.map((r) => r.method)).toEqual(['PUT', 'GET']);
    expect(JSON.parse(stdout)).toMatchObject({
      documentCount: kb.documents.length,
      documents: { written: objects.length * 2, deleted: 0 },
      ingestion: { status: 'COMPLETE' },
    });
    expect(stderr).toContain('ingestion job JOB0000001: COMPLETE');

    // Published again with no change in the lake: nothing is written and no job is started.
    stdout = '';
    await run();
    expect(JSON.parse(stdout)).toMatchObject({
      documents: { written: 0, unchanged: objects.length * 2, deleted: 0 },
      ingestion: null,
    });
    expect(agent.requests).toHaveLength(2);
  }, 300_000);
});
