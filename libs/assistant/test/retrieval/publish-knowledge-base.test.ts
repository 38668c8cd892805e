import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BedrockAgentClient } from '@aws-sdk/client-bedrock-agent';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PublishEvent,
  knowledgeBaseObjects,
  publishKnowledgeBase,
  syncKnowledgeBase,
} from '../../src/retrieval/bedrock-kb/index';
import { localAwsClientConfig } from '../../testing/local-aws-client';
import { startScriptedBedrockAgent, steppingClock } from '../../testing/scripted-bedrock-agent-server';
import type { ScriptedHttpServer } from '../../testing/scripted-http-server';
import { partDocuments } from '../support/document-collection';

const PARTS = [
  { sku: 'BRK-100', name: 'Front Brake Pad Set', category: 'Brakes' },
  { sku: 'OIL-530', name: 'Synthetic Motor Oil 5W-30', category: 'Fluids' },
];
const KB = 'KB12345678';
const DS = 'DS12345678';
let root: string;
let store: ObjectStore;
const servers: ScriptedHttpServer[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'autocorp-kb-ingest-'));
  store = openObjectStore(pathToFileURL(root).href);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(root, { recursive: true, force: true });
});

async function agentFor(...args: Parameters<typeof startScriptedBedrockAgent>) {
  const server = await startScriptedBedrockAgent(...args);
  servers.push(server);
  return { server, client: new BedrockAgentClient(localAwsClientConfig(server.url)) };
}

const DONE = { numberOfDocumentsScanned: 2, numberOfNewDocumentsIndexed: 2, numberOfDocumentsFailed: 0 };

describe('publishKnowledgeBase (documents to the data source, then an ingestion job)', () => {
  it('writes the documents, starts an ingestion job and polls it with the injected clock until COMPLETE', async () => {
    const { server, client } = await agentFor([
      { status: 'IN_PROGRESS', statistics: { numberOfDocumentsScanned: 1 } },
      { status: 'IN_PROGRESS', statistics: { numberOfDocumentsScanned: 2 } },
      { status: 'COMPLETE', statistics: DONE },
    ]);
    const clock = steppingClock();
    const events: PublishEvent[] = [];
    const docs = partDocuments(PARTS);
    const prefix = 'knowledge-documents/';
    const ingestion = { client, knowledgeBaseId: KB, dataSourceId: DS, clock, pollIntervalMs: 2000 };
    const result = await publishKnowledgeBase(docs, { store, prefix, ingestion, onEvent: (e) => events.push(e) });

    expect(result.documents).toEqual({ written: knowledgeBaseObjects(docs).length * 2, unchanged: 0, deleted: 0 });
    expect(result.ingestion).toMatchObject({
      jobId: 'JOB0000001',
      status: 'COMPLETE',
      statistics: { scanned: 2, indexedNew: 2, failed: 0 },
      elapsedMs: 2 * 2000,
    });
    expect(clock.sleeps).toEqual([2000, 2000]);
    expect(events.map((e) => e.type)).toEqual([
      'documents-published',
      'ingestion-started',
      'ingestion-progress',
      'ingestion-progress',
      'ingestion-progress',
    ]);
    expect(events.filter((e) => e.type === 'ingestion-progress').map((e) => e.statistics.scanned)).toEqual([1, 2, 2]);
    const base = `/knowledgebases/${KB}/datasources/${DS}/ingestionjobs/`;
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT ${base}`,
      ...Array(3).fill(`GET ${base}JOB0000001`),
    ]);
    expect(server.requests[0]?.headers.authorization).toMatch(/Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\//);

    // Nothing changed: no job is started.
    const again = await publishKnowledgeBase(docs, { store, prefix, ingestion, onEvent: (e) => events.push(e) });
    expect(again).toEqual({ documents: { written: 0, unchanged: docs.length * 2, deleted: 0 }, ingestion: null });
    expect(events.at(-1)).toEqual({ type: 'ingestion-skipped', reason: 'no document changed since the last publish' });
    expect(server.requests).toHaveLength(4);
  });

  it('fails naming the job and Bedrock’s reasons when the job ends FAILED', async () => {
    const { client } = await agentFor([{ status: 'FAILED', failureReasons: ['Access denied to s3://bucket/doc.txt'] }]);
    await expect(
      syncKnowledgeBase({ client, knowledgeBaseId: KB, dataSourceId: DS, clock: steppingClock() }),
    ).rejects.toMatchObject({
      kind: 'publish-failed',
      message: `Ingestion job JOB0000001 on the data source ${DS} of knowledge base ${KB} ended FAILED: Access denied to s3://bucket/doc.txt.`,
    });
  });

  it('says to wait when another ingestion job of the data source runs (ConflictException)', async () => {
    const { client } = await agentFor([], { conflict: true });
    await expect(
      syncKnowledgeBase({ client, knowledgeBaseId: KB, dataSourceId: DS, clock: steppingClock() }),
    ).rejects.toMatchObject({
      kind: 'publish-failed',
      message: expect.stringMatching(/StartIngestionJob .* failed: .*already running: wait for it to finish/),
      cause: expect.objectContaining({ name: 'ConflictException' }),
    });
  });

  it('stops waiting at the timeout of the injected clock, saying the job goes on', async () => {
    const { server, client } = await agentFor([{ status: 'IN_PROGRESS' }]);
    const clock = steppingClock();
    await expect(
      syncKnowledgeBase({
        client,
        knowledgeBaseId: KB,
        dataSourceId: DS,
        clock,
        pollIntervalMs: 1000,
        timeoutMs: 5000,
      }),
    ).rejects.toThrow(/still IN_PROGRESS after 5000 ms; it goes on in Bedrock/);
    expect(clock.sleeps).toEqual(Array(5).fill(1000));
    expect(server.requests).toHaveLength(1 + 6); // the start, and a poll at 0, 1, ..., 5 s
  });
});
