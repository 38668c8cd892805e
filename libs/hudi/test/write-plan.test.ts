import { describe, expect, it } from 'vitest';
import type { FileSlice } from '../src/file-group/file-slice';
import type { SizingSettings } from '../src/table/write/file-sizing';
import { inflightProfile, type PlanInput, planWrite } from '../src/table/write/write-plan';

// The plan phase on its own: no DuckDB, no files. Slices and tagged-record counts are given as data.

const slice = (partitionPath: string, fileId: string, size: number, baseInstant = '20240101000000000'): FileSlice => ({
  partitionPath,
  fileId,
  baseInstant,
  baseFile: {
    fileId,
    writeToken: '0-1-0',
    instant: baseInstant,
    name: `${fileId}_0-1-0_${baseInstant}.parquet`,
    partitionPath,
    path: `${partitionPath}/${fileId}.parquet`,
    size,
  },
});
const locate = (s: FileSlice) => `/table/${s.baseFile.path}`;
const sizing: SizingSettings = { maxFileSizeBytes: 100_000, smallFileLimitBytes: 60_000, averageRecordSize: 100 };
const ids = () => {
  let n = 0;
  return () => `new-${n++}`;
};
const input = (overrides: Partial<PlanInput>): PlanInput => ({
  operation: 'upsert',
  slices: [],
  locate,
  touched: new Set(),
  perStoredFile: new Map(),
  insertsPerPartition: new Map(),
  sizing,
  newFileId: ids(),
  ...overrides,
});
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('planWrite (the plan phase)', () => {
  it('rewrites updated file groups, tops small files up, and puts the remaining inserts into new file groups of bounded size', () => {
    const small = slice('2024/1', 'small', 20_000);
    const big = slice('2024/1', 'big', 90_000);
    const other = slice('2024/2', 'other', 70_000);
    const inserts = new Map([
      ['2024/1', 2_500],
      ['2024/3', 1_500],
    ]);
    const plan = planWrite(
      input({
        slices: [small, big, other],
        touched: new Set(['2024/1', '2024/3']),
        perStoredFile: new Map([[locate(big), { updates: 7, moves: 0 }]]),
        insertsPerPartition: inserts,
      }),
    );

    expect(plan.action).toBe('commit');
    expect(plan.replaced).toEqual([]);
    expect(plan.fileGroups.map((g) => g.task)).toEqual(plan.fileGroups.map((_, i) => i));
    expect(plan.fileGroups.map((g) => g.writeToken)).toEqual(plan.fileGroups.map((g) => `${g.task}-1-${g.task}`));
    const firstCreate = plan.fileGroups.findIndex((g) => g.ioType === 'CREATE');
    expect(plan.fileGroups.slice(0, firstCreate).every((g) => g.ioType === 'MERGE')).toBe(true);
    expect(plan.fileGroups.slice(firstCreate).every((g) => g.ioType === 'CREATE')).toBe(true);

    const bigPlan = plan.fileGroups.find((g) => g.fileId === 'big');
    expect(bigPlan).toMatchObject({
      ioType: 'MERGE',
      takesUpdates: true,
      updates: 7,
      deletes: 0,
      inserts: 0,
      previous: { slice: big, location: locate(big) },
    });
    // The small file (below the limit) takes as many new records as fit up to the maximum size; the big one none.
    const room = Math.floor((sizing.maxFileSizeBytes - small.baseFile.size) / sizing.averageRecordSize);
    const smallPlan = plan.fileGroups.find((g) => g.fileId === 'small');
    expect(smallPlan).toMatchObject({
      ioType: 'MERGE',
      takesUpdates: false,
      updates: 0,
      inserts: room,
      insertRanges: [{ from: 0, to: room }],
    });
    expect(plan.fileGroups.find((g) => g.fileId === 'other')).toBeUndefined();

    // Every new record of each partition is placed exactly once: the ranges tile (0, count].
    const perFile = Math.floor(sizing.maxFileSizeBytes / sizing.averageRecordSize);
    for (const [partition, count] of inserts) {
      const ranges = plan.fileGroups
        .filter((g) => g.partitionPath === partition)
        .flatMap((g) => g.insertRanges)
        .sort((a, b) => a.from - b.from);
      expect(ranges[0]?.from).toBe(0);
      expect(ranges.at(-1)?.to).toBe(count);
      for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.from).toBe(ranges[i - 1]?.to);
      expect(sum(plan.fileGroups.filter((g) => g.partitionPath === partition).map((g) => g.inserts))).toBe(count);
    }
    const creates = plan.fileGroups.filter((g) => g.ioType === 'CREATE');
    expect(creates.every((g) => g.inserts <= perFile && g.previous === undefined && g.insertRanges.length === 1)).toBe(
      true,
    );
    expect(creates.map((g) => g.fileId)).toEqual(creates.map((_, i) => `new-${i}`));
    expect(creates.filter((g) => g.partitionPath === '2024/3')).toHaveLength(Math.ceil(1_500 / perFile));
  });

  it('plans a delete as rewrites only: every tagged record of a stored file is a delete, new records are ignored', () => {
    const a = slice('eu', 'a', 1_000);
    const b = slice('us', 'b', 1_000);
    const perStoredFile = new Map([
      [locate(a), { updates: 3, moves: 0 }],
      [locate(b), { updates: 2, moves: 1 }],
      ['/table/gone.parquet', { updates: 5, moves: 0 }],
    ]);
    const plan = planWrite(
      input({
        operation: 'delete',
        slices: [a, b],
        touched: new Set(['eu', 'us']),
        perStoredFile,
        insertsPerPartition: new Map([['eu', 4]]),
      }),
    );
    expect(plan.fileGroups.map((g) => [g.fileId, g.ioType, g.takesUpdates, g.updates, g.deletes, g.inserts])).toEqual([
      ['a', 'MERGE', false, 0, 3, 0],
      ['b', 'MERGE', false, 0, 3, 0],
    ]);
  });

  it('counts the records a GLOBAL_SIMPLE upsert moves out of a file group as its deletes', () => {
    const old = slice('2023', 'old', 80_000);
    const plan = planWrite(
      input({
        slices: [old],
        touched: new Set(['2024']),
        perStoredFile: new Map([[locate(old), { updates: 0, moves: 2 }]]),
        insertsPerPartition: new Map([['2024', 2]]),
      }),
    );
    expect(plan.fileGroups.map((g) => [g.fileId, g.ioType, g.takesUpdates, g.deletes, g.inserts])).toEqual([
      ['old', 'MERGE', false, 2, 0],
      ['new-0', 'CREATE', false, 0, 2],
    ]);
  });

  it('grows no small file for bulk_insert and overwrites, and names the file groups an overwrite replaces', () => {
    const small = [slice('eu', 'e1', 10), slice('us', 'u1', 10), slice('us', 'u2', 10)];
    const inserts = new Map([['us', 3]]);
    const bulk = planWrite(
      input({ operation: 'bulk_insert', slices: small, touched: new Set(['us']), insertsPerPartition: inserts }),
    );
    expect(bulk.fileGroups.map((g) => [g.ioType, g.partitionPath, g.inserts])).toEqual([['CREATE', 'us', 3]]);
    expect(bulk.replaced).toEqual([]);

    const overwrite = planWrite(
      input({ operation: 'insert_overwrite', slices: small, touched: new Set(['us']), insertsPerPartition: inserts }),
    );
    expect(overwrite.action).toBe('replacecommit');
    expect(overwrite.replaced).toEqual(small.filter((s) => s.partitionPath === 'us'));
    expect(overwrite.fileGroups.every((g) => g.ioType === 'CREATE')).toBe(true);

    const table = planWrite(
      input({
        operation: 'insert_overwrite_table',
        slices: small,
        touched: new Set(['us']),
        insertsPerPartition: inserts,
      }),
    );
    expect(table.action).toBe('replacecommit');
    expect(table.replaced).toEqual(small);
  });

  it('profiles the plan for the inflight instant: one stat per planned file, rewrites naming their previous commit', () => {
    const stored = slice('eu', 'a', 1_000, '20240301000000000');
    const plan = planWrite(
      input({
        slices: [stored],
        touched: new Set(['eu', 'us']),
        perStoredFile: new Map([[locate(stored), { updates: 1, moves: 0 }]]),
        insertsPerPartition: new Map([['us', 1]]),
      }),
    );
    const profile = inflightProfile(plan);
    expect(profile.operationType).toBe('UPSERT');
    const stats = profile.partitionToWriteStats;
    expect(Object.keys(stats).sort()).toEqual([...new Set(plan.fileGroups.map((g) => g.partitionPath))].sort());
    expect(stats['eu']?.map((s) => [s.fileId, s.prevCommit])).toEqual([['a', stored.baseInstant]]);
    expect(stats['us']?.map((s) => [s.fileId, s.prevCommit])).toEqual([['', 'null']]);
  });
});
