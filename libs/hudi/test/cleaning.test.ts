import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { createTable, readAvroContainer } from '../src/index';

const env = useScratchDuckdb('clean');

const version = (n: number) =>
  `SELECT 'P-1' AS id, 'eu' AS region, 'v${n}' AS label, ${n} AS seq UNION ALL SELECT 'P-2', 'us', 'v${n}', ${n}`;

describe('cleaner (KEEP_LATEST_COMMITS)', () => {
  it('keeps the slices of the retained commits, deletes older ones, and time travel still works', async () => {
    let table = await createTable({
      basePath: join(env.dir, 'cleaned'),
      tableName: 'cleaned',
      recordKeyFields: ['id'],
      precombineField: 'seq',
      partitionFields: ['region'],
    });
    const options = { commitsRetained: 2, bloomFilter: false };
    const instants: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const result = await table.upsert(env.connection, version(n), options);
      instants.push(result.instant);
      if (n < 4) expect(result.clean).toBeUndefined();
      else expect(result.clean?.filesDeleted).toBe(2);
    }
    // 4 commits, 2 retained: the earliest retained is commit 3. Hudi keeps the slices written at or after it and the
    // latest slice before it (commit 2); the slices of commit 1 go.
    table = await table.refresh();
    const eu = (await readdir(join(table.basePath, 'eu')))
      .filter((f) => f.endsWith('.parquet'))
      .map((f) => f.slice(-25, -8))
      .sort();
    expect(eu).toEqual([instants[1], instants[2], instants[3]]);
    const labels = async (asOf: string) =>
      (await table.read(env.connection, { type: 'asOf', asOf }, { columns: ['label'] })).map((r) => r['label']);
    expect(await labels(instants[2] as string)).toEqual(['v3', 'v3']);
    expect(await labels(instants[3] as string)).toEqual(['v4', 'v4']);
    expect(await labels(instants[1] as string)).toEqual(['v2', 'v2']);
    expect(await labels(instants[0] as string)).toEqual([]);

    const cleans = (await readdir(join(table.basePath, '.hoodie'))).filter((f) => /\.clean/.test(f)).sort();
    expect(cleans.map((f) => f.replace(/^\d{17}/, ''))).toEqual(['.clean', '.clean.inflight', '.clean.requested']);
    const instant = cleans[0]?.slice(0, 17) as string;
    const plan = readAvroContainer(await table.storage.read(`.hoodie/${instant}.clean.requested`), 'plan')
      .records[0] as {
      policy: string;
      earliestInstantToRetain: unknown;
      filePathsToBeDeletedPerPartition: Record<string, unknown>;
    };
    expect(plan.policy).toBe('KEEP_LATEST_COMMITS');
    expect(plan.earliestInstantToRetain).toEqual({ timestamp: instants[2], action: 'commit', state: 'COMPLETED' });
    expect(Object.keys(plan.filePathsToBeDeletedPerPartition).sort()).toEqual(['eu', 'us']);
    const meta = readAvroContainer(await table.storage.read(`.hoodie/${instant}.clean`), 'meta').records[0] as {
      totalFilesDeleted: number;
      earliestCommitToRetain: string;
      partitionMetadata: Record<string, { successDeleteFiles: string[] }>;
    };
    expect(meta.totalFilesDeleted).toBe(2);
    expect(meta.earliestCommitToRetain).toBe(instants[2]);
    expect(meta.partitionMetadata['eu']?.successDeleteFiles[0]).toMatch(new RegExp(`_${instants[0]}\\.parquet$`));
  });

  it('deletes replaced file groups once their replace commit is older than the retained commits', async () => {
    let table = await createTable({
      basePath: join(env.dir, 'replaced'),
      tableName: 'replaced',
      recordKeyFields: ['id'],
      precombineField: 'seq',
      partitionFields: ['region'],
    });
    const options = { commitsRetained: 1, bloomFilter: false };
    await table.upsert(env.connection, version(1), options);
    const over = await table.insertOverwriteTable(
      env.connection,
      `SELECT 'P-9' AS id, 'eu' AS region, 'v9' AS label, 9 AS seq`,
      options,
    );
    expect(over.clean).toBeUndefined();
    await table.upsert(env.connection, `SELECT 'P-9' AS id, 'eu' AS region, 'v10' AS label, 10 AS seq`, options);
    table = await table.refresh();
    const files = async (partition: string) =>
      (await readdir(join(table.basePath, partition))).filter((f) => f.endsWith('.parquet'));
    expect(await files('us')).toEqual([]);
    expect((await files('eu')).map((f) => f.split('_')[0])).toEqual([
      over.filesWritten[0]?.split('/').pop()?.split('_')[0],
      over.filesWritten[0]?.split('/').pop()?.split('_')[0],
    ]);
    expect(await table.read(env.connection, { type: 'snapshot' }, { columns: ['id', 'label'] })).toEqual([
      { id: 'P-9', label: 'v10' },
    ]);
  });
});
