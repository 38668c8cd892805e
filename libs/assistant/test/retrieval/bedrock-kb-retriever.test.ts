import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeDocument, documentId } from '../../src/kb/knowledge-document';
import { BedrockKbRetriever, KB_METADATA, knowledgeBaseObjects } from '../../src/retrieval/bedrock-kb/index';
import { DocumentCollection, partDocuments } from '../support/document-collection';
import { type ScriptedHttpServer, startScriptedHttpServer } from '../../testing/scripted-http-server';
import { wordEmbedding } from '../../testing/word-embedder';

const KB_ID = 'KBTEST1234';
const PARTS = [
  { sku: 'BRK-100', name: 'Front Brake Pad Set', category: 'Brakes' },
  { sku: 'BRK-200', name: 'Rear Brake Rotor', category: 'Brakes' },
  { sku: 'OIL-530', name: 'Synthetic Motor Oil 5W-30', category: 'Fluids' },
  { sku: 'FLT-010', name: 'Oil Filter', category: 'Filters' },
];
const docs = partDocuments(PARTS);
const serviceDoc: KnowledgeDocument = {
  ...(docs[0] as KnowledgeDocument),
  id: documentId.service('SVC-9'),
  kind: 'service' as const,
  title: 'Brake Pad Replacement',
  text: 'Brake pad replacement service.',
};

interface RetrieveBody {
  retrievalQuery: { text: string };
  retrievalConfiguration: {
    vectorSearchConfiguration: {
      numberOfResults: number;
      filter?: { equals?: { key: string; value: string }; in?: { key: string; value: string[] } };
    };
  };
}

let server: ScriptedHttpServer;
const bodies: RetrieveBody[] = [];
beforeAll(async () => {
  // The knowledge base "ingested" the objects knowledgeBaseObjects writes: each body in two chunks, with its sidecar's attributes.
  const chunks = knowledgeBaseObjects([...docs, serviceDoc]).flatMap((object) => {
    const attributes = (JSON.parse(object.metadataBody) as { metadataAttributes: Record<string, string> })
      .metadataAttributes;
    const [head, ...rest] = object.body.split('\n\n');
    return [head ?? '', rest.join('\n\n')].map((text) => ({
      text,
      uri: `s3://curated/knowledge-documents/${object.name}`,
      attributes,
    }));
  });
  server = await startScriptedHttpServer(
    (request) => {
      if (request.path !== `/knowledgebases/${KB_ID}/retrieve`)
        return { status: 404, body: `no route ${request.path}` };
      const body = JSON.parse(request.body) as RetrieveBody;
      bodies.push(body);
      const { numberOfResults, filter } = body.retrievalConfiguration.vectorSearchConfiguration;
      const query = wordEmbedding(body.retrievalQuery.text);
      const matches = (a: Record<string, string>) =>
        (!filter?.equals || a[filter.equals.key] === filter.equals.value) &&
        (!filter?.in || filter.in.value.includes(a[filter.in.key] ?? ''));
      const retrievalResults = chunks
        .filter((c) => matches(c.attributes))
        .map((c) => ({
          content: { type: 'TEXT', text: c.text },
          location: { type: 'S3', s3Location: { uri: c.uri } },
          score: wordEmbedding(c.text).reduce((sum, x, i) => sum + x * (query[i] ?? 0), 0),
          metadata: { ...c.attributes, 'x-amz-bedrock-kb-source-uri': c.uri },
        }))
        .sort((a, b) => b.score - a.score)
        .slice(0, numberOfResults);
      return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ retrievalResults }) };
    },
    { http2: true },
  );
});
afterAll(() => server.close());

const client = () =>
  new BedrockAgentRuntimeClient({
    region: 'us-east-1',
    endpoint: server.url,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });

describe('Bedrock Knowledge Base retrieval', () => {
  it('maps Retrieve results back to knowledge-base documents, one hit per document at its best chunk', async () => {
    const local = new DocumentCollection(docs);
    const retriever = new BedrockKbRetriever({ client: client(), knowledgeBaseId: KB_ID, kb: local });
    const hits = await retriever.search({ text: 'front brake pad', limit: 3, kinds: ['part'] });

    expect(hits[0]?.document).toEqual(local.get(documentId.part('BRK-100')));
    expect(new Set(hits.map((h) => h.document.id)).size).toBe(hits.length);
    expect(hits.every((h) => h.document.kind === 'part')).toBe(true);
    expect(bodies.at(-1)).toEqual({
      retrievalQuery: { text: 'front brake pad' },
      retrievalConfiguration: {
        vectorSearchConfiguration: { numberOfResults: 9, filter: { equals: { key: KB_METADATA.kind, value: 'part' } } },
      },
    });
  });

  it('builds documents from the result metadata when the local knowledge base does not hold them', async () => {
    const retriever = new BedrockKbRetriever({ client: client(), knowledgeBaseId: KB_ID });
    const hits = await retriever.search({ text: 'brake pad replacement', kinds: ['service', 'part'] });
    const service = hits.find((h) => h.document.id === serviceDoc.id)?.document;
    expect(service).toMatchObject({
      kind: 'service',
      title: serviceDoc.title,
      table: serviceDoc.table,
      commit: serviceDoc.commit,
    });
    expect(bodies.at(-1)?.retrievalConfiguration.vectorSearchConfiguration.filter).toEqual({
      in: { key: KB_METADATA.kind, value: ['service', 'part'] },
    });
  });

  it('reports a failed Retrieve with the knowledge base id', async () => {
    const retriever = new BedrockKbRetriever({ client: client(), knowledgeBaseId: 'MISSING' });
    await expect(retriever.search({ text: 'oil' })).rejects.toMatchObject({
      kind: 'provider-failed',
      message: expect.stringContaining('Bedrock Retrieve on knowledge base MISSING failed'),
    });
  });
});
