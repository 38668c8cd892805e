import { join } from 'node:path';
import type { ProgressEvent } from '@autocorp/progress';
import { describe, expect, it } from 'vitest';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { createTable } from '../src/index';
import { fieldForDuckdbType, tableAvroSchema, type TableField } from '../src/schema/table-schema';
import { emptyWriteStat, serializeCommitMetadata, type WriteStat } from '../src/timeline/commit-metadata';
import { InstantWriter, markerFolder } from '../src/timeline/instant-writer';
import { Timeline } from '../src/timeline/timeline';
import { commitWrite } from '../src/table/write/commit-write';
import { writeFiles } from '../src/table/write/write-files';
import { inflightProfile, planWrite, type WritePlan } from '../src/table/write/write-plan';
import type { Storage } from '../src/storage/storage';

// The write-files and commit phases on their own, on real files: the tagged records are a DuckDB table built
// here (the shape tagRecords produces), the plan comes from planWrite, the commit from given write stats.

const env = useScratchDuckdb('write-phases');

const INSTANT = '20240601120000000';

async function newTable(name: string) {
  return createTable({
    basePath: join(env.dir, name),
    tableName: name,
    recordKeyFields: ['id'],
    precombineField: 'seq',
    partitionFields: ['region'],
  });
}

function fields(tableName: string): TableField[] {
  return [
    ['id', 'VARCHAR'],
    ['region', 'VARCHAR'],
    ['seq', 'BIGINT'],
  ].map(([name, type]) => fieldForDuckdbType(tableName, name as string, type as string) as TableField);
}

/** `count` new records spread over regions: tagged as tagRecords tags records with no stored file. */
async function taggedNewRecords(name: string, count: number): Promise<Map<string, number>> {
  await env.connection.run(
    `CREATE OR REPLACE TEMP TABLE ${name} AS
     SELECT *, NULL::VARCHAR AS __hudi_file, NULL AS __hudi_stored_ordering,
       row_number() OVER (PARTITION BY _hoodie_partition_path ORDER BY _hoodie_record_key) AS __hudi_rn, false AS __hudi_delete
     FROM (SELECT printf('K-%04d', i) AS _hoodie_record_key, ['eu', 'us', 'apac'][1 + i % 3] AS _hoodie_partition_path,
             printf('K-%04d', i) AS id, ['eu', 'us', 'apac'][1 + i % 3] AS region, i AS seq FROM range(${count}) t(i))`,
  );
  const rows = (
    await env.connection.runAndReadAll(`SELECT _hoodie_partition_path, count(*)::BIGINT FROM ${name} GROUP BY 1`)
  ).getRows();
  return new Map(rows.map((r) => [String(r[0]), Number(r[1])]));
}

async function planFor(storage: Storage, tagged: string, count: number): Promise<WritePlan> {
  const insertsPerPartition = await taggedNewRecords(tagged, count);
  // 40 records per file: several new file groups per partition.
  const sizing = { maxFileSizeBytes: 4_000, smallFileLimitBytes: 0, averageRecordSize: 100 };
  return planWrite({
    operation: 'insert',
    slices: [],
    locate: (s) => storage.locate(s.baseFile.path),
    touched: new Set(insertsPerPartition.keys()),
    perStoredFile: new Map(),
    insertsPerPartition,
    sizing,
  });
}

describe('writeFiles (the write-files phase)', () => {
  it.each([false, true])(
    'writes every planned file group with its records, marker and write stat, visible to no reader (bloom filter %s)',
    async (bloomFilter) => {
      const table = await newTable(`files_${bloomFilter}`);
      const tagged = `tagged_${bloomFilter}`;
      const count = 250;
      const plan = await planFor(table.storage, tagged, count);
      const tableFields = fields(table.config.tableName);
      const events: ProgressEvent[] = [];
      const written = await writeFiles(env.connection, {
        storage: table.storage,
        instant: INSTANT,
        plan,
        tagged,
        fields: tableFields,
        avroSchemaWithMeta: tableAvroSchema(table.config.tableName, tableFields, true),
        bloomFilter,
        hashed: false,
        scratchTable: `scratch_${bloomFilter}`,
        subject: 'test',
        onProgress: (event) => events.push(event),
      });

      expect(written.filesWritten).toHaveLength(plan.fileGroups.length);
      const finished = events.at(-1);
      expect(finished).toMatchObject({
        phase: 'finish',
        stage: 'hudi-write',
        done: plan.fileGroups.length,
        total: plan.fileGroups.length,
      });
      for (const group of plan.fileGroups) {
        const path = written.filesWritten.find((p) =>
          p.startsWith(`${group.partitionPath}/${group.fileId}_${group.writeToken}_${INSTANT}`),
        );
        expect(path).toBeDefined();
        expect(await table.storage.exists(`${markerFolder(INSTANT)}/${path}.marker.CREATE`)).toBe(true);
        const stat = written.stats.get(group.partitionPath)?.find((s) => s.fileId === group.fileId) as WriteStat;
        expect(stat).toMatchObject({
          path,
          numInserts: group.inserts,
          numWrites: group.inserts,
          numUpdateWrites: 0,
          prevCommit: 'null',
        });
        expect(stat.fileSizeInBytes).toBe(await table.storage.size(path as string));
      }
      const files = written.filesWritten.map((p) => `'${table.storage.locate(p)}'`).join(', ');
      const stored = (
        await env.connection.runAndReadAll(
          `SELECT _hoodie_record_key, _hoodie_partition_path, _hoodie_commit_time, id, region, seq FROM read_parquet([${files}]) ORDER BY 1`,
        )
      ).getRowObjectsJson();
      const expected = (
        await env.connection.runAndReadAll(
          `SELECT _hoodie_record_key, _hoodie_partition_path, '${INSTANT}' AS _hoodie_commit_time, id, region, seq FROM ${tagged} ORDER BY 1`,
        )
      ).getRowObjectsJson();
      expect(stored).toEqual(expected);
      expect(stored).toHaveLength(count);
      // Only the commit makes files visible: the timeline has no completed write yet.
      expect((await Timeline.load(table.storage)).completedWrites()).toEqual([]);
      expect((await table.refresh()).commits()).toEqual([]);
    },
  );
});

describe('commitWrite (the commit phase)', () => {
  it('completes the instant with the stats, replaced file groups and schema, removes the markers, and sums the counts', async () => {
    const table = await newTable('commit');
    const storage = table.storage;
    const replacedSlice = {
      partitionPath: 'eu',
      fileId: 'old-0',
      baseInstant: '20240101000000000',
      baseFile: {
        fileId: 'old-0',
        writeToken: '0-1-0',
        instant: '20240101000000000',
        name: 'x',
        partitionPath: 'eu',
        path: 'eu/x',
        size: 1,
      },
    };
    const plan = {
      operation: 'insert_overwrite' as const,
      action: 'replacecommit' as const,
      replaced: [replacedSlice],
      fileGroups: [],
    };
    const stat = (partition: string, fileId: string, numbers: Partial<WriteStat>): WriteStat => ({
      ...emptyWriteStat(fileId, partition),
      ...numbers,
    });
    const stats = new Map([
      [
        'eu',
        [
          stat('eu', 'f1', { numWrites: 5, numInserts: 5 }),
          stat('eu', 'f2', { numWrites: 4, numUpdateWrites: 3, numInserts: 1, numDeletes: 2 }),
        ],
      ],
      ['us', [stat('us', 'f3', { numWrites: 7, numInserts: 7 })]],
    ]);
    const instants = new InstantWriter(storage);
    await instants.write(INSTANT, 'replacecommit', 'requested');
    await instants.write(
      INSTANT,
      'replacecommit',
      'inflight',
      serializeCommitMetadata(inflightProfile({ ...plan, fileGroups: [] })),
    );
    await storage.write(`${markerFolder(INSTANT)}/eu/f1.parquet.marker.CREATE`, '');
    expect((await Timeline.load(storage)).completedWrites()).toEqual([]);

    const tableFields = fields(table.config.tableName);
    const counts = await commitWrite(storage, {
      instant: INSTANT,
      plan,
      tableName: table.config.tableName,
      fields: tableFields,
      stats,
    });

    const all = [...stats.values()].flat();
    expect(counts).toEqual({
      numWrites: all.reduce((n, s) => n + s.numWrites, 0),
      numInserts: all.reduce((n, s) => n + s.numInserts, 0),
      numUpdates: all.reduce((n, s) => n + s.numUpdateWrites, 0),
      numDeletes: all.reduce((n, s) => n + s.numDeletes, 0),
      fileGroupsReplaced: ['eu/old-0'],
    });
    const timeline = await Timeline.load(storage);
    const completed = timeline.requireCompleted(INSTANT);
    expect(completed.action).toBe('replacecommit');
    const meta = await timeline.commitMetadata(completed);
    expect(meta.partitionToWriteStats).toEqual(Object.fromEntries(stats));
    expect(meta.partitionToReplaceFileIds).toEqual({ eu: ['old-0'] });
    expect(meta.operationType).toBe('INSERT_OVERWRITE');
    expect(meta.extraMetadata['schema']).toBe(tableAvroSchema(table.config.tableName, tableFields));
    expect(await storage.exists(`${markerFolder(INSTANT)}/eu/f1.parquet.marker.CREATE`)).toBe(false);
    expect((await table.refresh()).commits()).toEqual([INSTANT]);
  });
});
