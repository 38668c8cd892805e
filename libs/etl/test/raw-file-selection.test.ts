import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ObjectStore, openObjectStore } from '@autocorp/lake-storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EtlError } from '../src/index';
import type { CommittedPosition } from '../src/raw/cdc-position';
import { selectDatabaseFiles } from '../src/raw/list-raw-files';
import { cdcFileName } from './raw-fixture';

// The keys are spelled as libs/cdc writes them (raw-fixture.ts), independently of the layout builders.
const prefix = 'raw/database/pg_auto_parts/';
const changes = [
  { first: [0x100, 1], last: [0x100, 3] },
  { first: [0x180, 1], last: [0x200, 2] },
  { first: [0x200, 3], last: [0x280, 1] },
] as const;
const committed: CommittedPosition = { lsn: 0x200n, seq: 2, text: { lsn: '0/200', seq: 2 } };

let root: string;
let store: ObjectStore;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'etl-raw-selection-'));
  store = openObjectStore(`file://${root}`);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function landFiles(): Promise<{ load: string; cdc: string[] }> {
  const load = `${prefix}LOAD00000001.parquet`;
  await store.put(load, 'PAR1');
  const cdc: string[] = [];
  for (const [i, c] of changes.entries()) {
    const key = `${prefix}${cdcFileName(`20250102-03040500${i}`, c.first[0], c.first[1], c.last[0], c.last[1])}`;
    await store.put(key, 'PAR1');
    cdc.push(key);
  }
  await store.put(`${prefix}notes.txt`, 'not a raw file');
  return { load, cdc };
}

describe('selecting the raw database files of a run', () => {
  it('takes full-load files first, then the CDC files at or below the committed position', async () => {
    const { load, cdc } = await landFiles();
    const atOrBelow = cdc.filter((_, i) => {
      const [lsn, seq] = changes[i]?.last ?? [0, 0];
      return BigInt(lsn) < committed.lsn || (BigInt(lsn) === committed.lsn && seq <= committed.seq);
    });
    expect(atOrBelow.length).toBeLessThan(cdc.length);
    const selection = await selectDatabaseFiles(store, 'auto_parts', committed);
    expect(selection.files).toEqual([load, ...atOrBelow]);
    expect(selection.bookmark).toEqual({
      loadFiles: [load],
      cdcThrough: { lsn: committed.text.lsn, seq: committed.seq },
    });
    // From that bookmark nothing is new until the position moves.
    expect((await selectDatabaseFiles(store, 'auto_parts', committed, selection.bookmark)).files).toEqual([]);
  });

  it('names a bookmark whose CDC position is not an LSN as corrupt ETL state', async () => {
    await landFiles();
    const error = await selectDatabaseFiles(store, 'auto_parts', committed, {
      loadFiles: [],
      cdcThrough: { lsn: '0-200', seq: 1 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EtlError);
    expect((error as EtlError).kind).toBe('state-corrupt');
    expect((error as EtlError).message).toContain('"0-200"');
    expect((error as EtlError).message).toContain('pg_auto_parts');
  });
});
