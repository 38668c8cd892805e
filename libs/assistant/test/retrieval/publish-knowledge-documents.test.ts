import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeBaseObjects, manifestKey, publishKnowledgeDocuments } from '../../src/retrieval/bedrock-kb/index';
import { createHash } from 'node:crypto';
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
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
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

  it('keeps a manifest beside the prefix (not under it, so Bedrock never ingests it) with the sha256 of every object', async () => {
    const docs = partDocuments(PARTS);
    await publishKnowledgeDocuments(store, docs, { prefix: PREFIX });
    expect(manifestKey(PREFIX)).toBe('knowledge-documents.manifest.json');
    const manifest = JSON.parse((await store.getBytes(manifestKey(PREFIX))).toString('utf8')) as {
      objects: Record<string, string>;
    };
    const listed = await keys();
    expect(Object.keys(manifest.objects).sort()).toEqual(listed);
    for (const key of listed) expect(manifest.objects[key], key).toBe(sha256(await store.getBytes(key)));
  });

  it('decides what to rewrite from the manifest: an object changed behind its back is left, a lost manifest rewrites all', async () => {
    const prefix = 'from-manifest/';
    const docs = partDocuments(PARTS);
    const [first] = knowledgeBaseObjects(docs);
    await publishKnowledgeDocuments(store, docs, { prefix });
    // Someone edits a published object: the manifest still says what we published, so nothing is rewritten.
    await store.put(`${prefix}${first?.name}`, 'edited by hand');
    expect(await publishKnowledgeDocuments(store, docs, { prefix })).toEqual({
      written: 0,
      unchanged: docs.length * 2,
      deleted: 0,
    });
    // Without the manifest every document is written again and strays under the prefix are deleted.
    await store.delete(manifestKey(prefix));
    await store.put(`${prefix}part/stray.txt`, 'not a document');
    expect(await publishKnowledgeDocuments(store, docs, { prefix })).toEqual({
      written: docs.length * 2,
      unchanged: 0,
      deleted: 1,
    });
    expect((await store.getBytes(`${prefix}${first?.name}`)).toString('utf8')).toBe(first?.body);
  });

  it('names an unreadable manifest and how to recover', async () => {
    const prefix = 'broken/';
    await store.put(manifestKey(prefix), '{"version": 2}');
    await expect(publishKnowledgeDocuments(store, partDocuments(PARTS), { prefix })).rejects.toMatchObject({
      kind: 'publish-failed',
      message: expect.stringMatching(/broken\.manifest\.json is unreadable .*delete it and publish again/),
    });
  });
});
