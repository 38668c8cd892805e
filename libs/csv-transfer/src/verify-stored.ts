import { createHash } from 'node:crypto';
import type { ObjectInfo, ObjectStore } from '@autocorp/lake-storage';
import { TransferError } from './transfer-error';

/**
 * Checks that the store holds exactly the bytes that were read from the source: by the sha256
 * the backend computed while writing when it has one (local), otherwise by reading the object back
 * (S3). Returns how it verified.
 */
export async function verifyStored(
  store: ObjectStore,
  stored: ObjectInfo,
  file: string,
  expected: { readonly bytes: number; readonly sha256: string },
): Promise<'backend-sha256' | 're-read'> {
  const where = `${store.uri}${stored.key}`;
  if (stored.size !== expected.bytes) {
    throw new TransferError(
      'checksum-mismatch',
      `${where} holds ${stored.size} bytes but ${file} had ${expected.bytes}. The staged copy was removed and nothing was published; run the transfer again.`,
    );
  }
  let actual = stored.sha256;
  let method: 'backend-sha256' | 're-read' = 'backend-sha256';
  if (actual === undefined) {
    method = 're-read';
    const hash = createHash('sha256');
    for await (const chunk of await store.get(stored.key)) hash.update(chunk as Buffer);
    actual = hash.digest('hex');
  }
  if (actual !== expected.sha256) {
    throw new TransferError(
      'checksum-mismatch',
      `${where} does not match ${file}: sha256 ${actual} in the store, ${expected.sha256} read from the source. The staged copy was removed and nothing was published; run the transfer again and check the storage.`,
    );
  }
  return method;
}
