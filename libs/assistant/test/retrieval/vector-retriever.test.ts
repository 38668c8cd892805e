import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, describe, expect, it } from 'vitest';
import {
  OpenAiCompatibleEmbeddings,
  TITAN_EMBED_V2_MODEL_ID,
  TitanEmbeddings,
  VectorRetriever,
} from '../../src/retrieval/vector/index';
import { DocumentCollection, partDocuments } from '../support/document-collection';
import { type ScriptedHttpServer, startScriptedHttpServer } from '../../testing/scripted-http-server';
import { wordEmbedding } from '../../testing/word-embedder';

const PARTS = [
  { sku: 'BRK-100', name: 'Front Brake Pad Set', category: 'Brakes' },
  { sku: 'BRK-200', name: 'Rear Brake Rotor', category: 'Brakes' },
  { sku: 'OIL-530', name: 'Synthetic Motor Oil 5W-30', category: 'Fluids' },
  { sku: 'FLT-010', name: 'Oil Filter', category: 'Filters' },
  { sku: 'BLB-194', name: 'License Plate Bulb', category: 'Lighting' },
];
const servers: ScriptedHttpServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

/** A local OpenAI-compatible /v1/embeddings server; records every input it embedded. */
async function embeddingsServer() {
  const inputs: string[][] = [];
  const server = await startScriptedHttpServer((request) => {
    if (request.path !== '/v1/embeddings') return { status: 404, body: 'no route' };
    const body = JSON.parse(request.body) as { model: string; input: string[] };
    inputs.push(body.input);
    // Answered out of order, as the protocol allows: the client sorts by index.
    const data = body.input
      .map((text, index) => ({ object: 'embedding', index, embedding: wordEmbedding(text) }))
      .reverse();
    return {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ object: 'list', data, model: body.model }),
    };
  });
  servers.push(server);
  return { server, inputs };
}

describe('vector retrieval with an OpenAI-compatible embeddings endpoint', () => {
  it('ranks the documents by similarity to the question, filtered by kind', async () => {
    const { server, inputs } = await embeddingsServer();
    const embeddings = new OpenAiCompatibleEmbeddings({
      baseUrl: `${server.url}/v1`,
      model: 'nomic-embed-text',
      batchSize: 2,
    });
    const docs = new DocumentCollection(partDocuments(PARTS));
    const retriever = await VectorRetriever.create(docs, embeddings);

    expect(inputs.map((batch) => batch.length)).toEqual([2, 2, 1]);
    const hits = await retriever.search({ text: 'brake pad for the front', limit: 3 });
    expect(hits[0]?.document.id).toBe('part:BRK-100');
    expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
    expect(await retriever.search({ text: 'brake pad', kinds: ['service'] })).toEqual([]);
    retriever.close();
  });

  it('embeds again only the documents a refresh added or changed, and forgets removed ones', async () => {
    const { server, inputs } = await embeddingsServer();
    const docs = new DocumentCollection(partDocuments(PARTS));
    const retriever = await VectorRetriever.create(
      docs,
      new OpenAiCompatibleEmbeddings({ baseUrl: `${server.url}/v1`, model: 'm' }),
    );
    const before = inputs.flat().length;

    const renamed = PARTS.map((p) => (p.sku === 'BLB-194' ? { ...p, name: 'Tail Light Bulb' } : p)).filter(
      (p) => p.sku !== 'FLT-010',
    );
    const added = { sku: 'WIP-022', name: 'Wiper Blade 22 inch', category: 'Wipers' };
    docs.replace(partDocuments([...renamed, added]));
    const hits = await retriever.search({ text: 'tail light bulb', limit: 10 });

    const reembedded = inputs.flat().slice(before);
    const changed = partDocuments([renamed.find((p) => p.sku === 'BLB-194') as (typeof PARTS)[number], added]);
    expect(reembedded.filter((t) => t !== 'tail light bulb').sort()).toEqual(
      changed.map((d) => `${d.title}\n${d.text}`).sort(),
    );
    expect(hits[0]?.document.title).toBe('Tail Light Bulb');
    expect(hits.map((h) => h.document.id)).not.toContain('part:FLT-010');
    expect(hits).toHaveLength(PARTS.length);
  });

  it('names the server when it returns fewer embeddings than texts', async () => {
    const server = await startScriptedHttpServer(() => ({ body: JSON.stringify({ data: [] }) }));
    servers.push(server);
    const embeddings = new OpenAiCompatibleEmbeddings({ baseUrl: `${server.url}/v1/`, model: 'chat-model' });
    await expect(embeddings.embed(['a', 'b'])).rejects.toMatchObject({
      kind: 'provider-failed',
      message: expect.stringContaining(`${server.url}/v1/embeddings returned 0 embeddings for 2 texts`),
    });
  });
});

describe('vector retrieval with Bedrock Titan Text Embeddings V2', () => {
  it('embeds each text with InvokeModel {inputText, dimensions, normalize} and ranks with the vectors', async () => {
    const bodies: { path: string; body: { inputText: string; dimensions: number; normalize: boolean } }[] = [];
    const server = await startScriptedHttpServer(
      (request) => {
        const body = JSON.parse(request.body) as { inputText: string; dimensions: number; normalize: boolean };
        bodies.push({ path: request.path, body });
        return {
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ embedding: wordEmbedding(body.inputText, body.dimensions), inputTextTokenCount: 5 }),
        };
      },
      { http2: true },
    );
    servers.push(server);
    const client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: server.url,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const retriever = await VectorRetriever.create(
      new DocumentCollection(partDocuments(PARTS)),
      new TitanEmbeddings({ client, dimensions: 256, concurrency: 2 }),
    );
    const hits = await retriever.search({ text: 'synthetic motor oil', limit: 1 });

    expect(hits.map((h) => h.document.id)).toEqual(['part:OIL-530']);
    expect(bodies).toHaveLength(PARTS.length + 1);
    expect(new Set(bodies.map((b) => b.path))).toEqual(
      new Set([`/model/${encodeURIComponent(TITAN_EMBED_V2_MODEL_ID)}/invoke`]),
    );
    expect(bodies.at(-1)?.body).toEqual({ inputText: 'synthetic motor oil', dimensions: 256, normalize: true });
    expect(retriever.name).toBe(`vector:titan:${TITAN_EMBED_V2_MODEL_ID}:256`);
  });
});
