import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ObjectStore, isLoadFileKey, openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommittedPosition, readCommittedPosition, runJobs } from '../src/index';
import { buildRawZone } from './build-fixture';
import { reportOf } from './lake-fixture';

// The live platform runs jobs in several runJobs calls of one cycle: the calls read the raw files up to
// one pinned CDC position, and a job whose dependency did not commit in an earlier call is blocked.
let root: string;
let store: ObjectStore;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'etl-steps-'));
  store = openObjectStore(`file://${root}`);
  await buildRawZone({ root });
}, 120_000);
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('runJobs in steps of a cycle', () => {
  it('reads the raw files only up to a pinned CDC position, and the rest on the next run', async () => {
    const slot = await readCommittedPosition(store, 'autocorp_cdc');
    if (!slot) throw new Error('the fixture has no CDC position');
    // Below every CDC file of the fixture: only the full load is read.
    const pinned: CommittedPosition = { lsn: 0x101n, seq: 0, text: { lsn: '0/101', seq: 0 } };
    const early = reportOf(await runJobs({ store, jobs: ['auto_parts'], committed: pinned }), 'auto_parts');
    expect(early.status).toBe('committed');
    expect(early.inputFiles.length).toBeGreaterThan(0);
    expect(early.inputFiles.every((key) => isLoadFileKey(key))).toBe(true);
    const later = reportOf(await runJobs({ store, jobs: ['auto_parts'] }), 'auto_parts');
    expect(later.status).toBe('committed');
    expect(later.inputFiles.length).toBeGreaterThan(0);
    expect(later.inputFiles.some((key) => isLoadFileKey(key))).toBe(false);
  });

  it('blocks a job whose dependency did not commit in an earlier call of the cycle', async () => {
    // Its dependencies are in the lake, so only the earlier call's outcome can block it.
    await runJobs({ store, jobs: ['auto_parts', 'service'] });
    const blocked = reportOf(
      await runJobs({ store, jobs: ['service_parts'], withoutDependencies: true, notCommitted: new Set(['service']) }),
      'service_parts',
    );
    expect(blocked.status).toBe('blocked');
    expect(blocked.error).toContain('the job service it depends on did not commit');
    const ran = reportOf(await runJobs({ store, jobs: ['service_parts'], withoutDependencies: true }), 'service_parts');
    expect(ran.status).toBe('committed');
  });
});
