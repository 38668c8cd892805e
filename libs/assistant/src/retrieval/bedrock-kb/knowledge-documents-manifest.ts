import type { ObjectStore } from '@autocorp/lake-storage';
import { AssistantError } from '../../assistant-error';
import { manifestKey } from './publish-location';

/** What was last published under a documents prefix: the sha256 of every object, by key. */
export interface KnowledgeDocumentsManifest {
  readonly version: 1;
  readonly objects: Readonly<Record<string, string>>;
}

/** The manifest of `prefix`, or undefined when none was written (a first publish). */
export async function readManifest(
  store: ObjectStore,
  prefix: string,
): Promise<KnowledgeDocumentsManifest | undefined> {
  const key = manifestKey(prefix);
  if (!(await store.head(key))) return undefined;
  const text = (await store.getBytes(key)).toString('utf8');
  try {
    const manifest = JSON.parse(text) as Partial<KnowledgeDocumentsManifest>;
    if (manifest.version !== 1 || typeof manifest.objects !== 'object' || manifest.objects === null)
      throw new Error('not a version 1 manifest with "objects"');
    return manifest as KnowledgeDocumentsManifest;
  } catch (error) {
    throw new AssistantError(
      'publish-failed',
      `The knowledge-documents manifest ${key} is unreadable (${
        error instanceof Error ? error.message : String(error)
      }); delete it and publish again (every document is then rewritten).`,
      { cause: error },
    );
  }
}

export async function writeManifest(
  store: ObjectStore,
  prefix: string,
  objects: Readonly<Record<string, string>>,
): Promise<void> {
  const manifest: KnowledgeDocumentsManifest = { version: 1, objects };
  await store.put(manifestKey(prefix), JSON.stringify(manifest), { contentType: 'application/json' });
}
