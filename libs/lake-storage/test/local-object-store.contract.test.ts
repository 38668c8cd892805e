import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalObjectStore } from '../src/index';
import { describeObjectStoreContract } from './object-store-contract';

describeObjectStoreContract('local filesystem', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'lake-local-'));
  return {
    store: new LocalObjectStore(path.join(root, 'lake')),
    largeObjectBytes: 24 * 1024 * 1024,
    close: () => rm(root, { recursive: true, force: true }),
  };
});
