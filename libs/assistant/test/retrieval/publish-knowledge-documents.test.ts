import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeBaseObjects, publishKnowledgeDocuments } from '../../src/retrieval/bedrock-kb/index';
import { partDocuments } from '../support/document-collection';

const PREFIX = 'knowledge-documents/';
const PARTS = [
  { sku: 'BRK-100', name: 'Front Brake Pad Set', category: 'Brakes' },
  { sku: 'OIL-530', name: 'Synthetic Motor Oil 5W-30', category: 'Fluids' },
  { sku: 'FLT/010', name: 'Oil Filter', category: 'Filters' },
];

let root: string;
let store: ObjectStore;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'autocorp-kb-publish-'));
  store = openObjectStore(pathToFileURL(root).href);
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function keys(): Promise<string[]> {
  const found: string[] = [];
  for await (const info of store.list(PREFIX)) found.push(info.key);
  return found.sort();
}

describe('publishKnowledgeDocuments (the Bedrock knowledge base data source)', () => {
  it('writes each document and its metadata sidecar, then only what changed, and deletes what is gone', async () => {
    const docs = partDocuments(PARTS);
    const objects = knowledgeBaseObjects(docs);
    expect(await publishKnowledgeDocuments(store, docs, { prefix: PREFIX })).toEqual({
      written: objects.length * 2,
      unchanged: 0,
      deleted: 0,
    });
    expect(await keys()).toEqual(objects.flatMap((o) => [`${PREFIX}${o.name}`, `${PREFIX}${o.metadataName}`]).sort());
    const sidecar = JSON.parse((await store.getBytes(`${PREFIX}${objects[2]?.metadataName}`)).toString('utf8'));
    expect(sidecar).toEqual({
      metadataAttributes: expect.objectContaining({ document_id: docs[2]?.id, kind: 'part', table: 'auto_parts' }),
    });
    expect(objects[2]?.name).toBe('part/part%3AFLT%2F010.txt');

    const renamed = partDocuments(PARTS.slice(0, 2).map((p, i) => (i === 0 ? { ...p, name: 'Front Brake Pads' } : p)));
    expect(await publishKnowledgeDocuments(store, renamed, { prefix: PREFIX })).toEqual({
      written: 2,
      unchanged: 2,
      deleted: 2,
    });
    expect((await store.getBytes(`${PREFIX}${knowledgeBaseObjects(renamed)[0]?.name}`)).toString('utf8')).toContain(
      'Front Brake Pads',
    );
  });
});
