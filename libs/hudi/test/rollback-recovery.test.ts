import { mkdir, readdir, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChildWriter } from './support/child-writer-process';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { HudiError, type HudiTable, readAvroContainer } from '../src/index';
import { orderStatusTable, snapshotStatuses } from './support/order-status-table';

const env = useScratchDuckdb('rollback');

const row = (id: string, status: string, month: number, minute: number) =>
  `SELECT '${id}' AS invoice_number, 2024 AS order_year, ${month} AS order_month, '${status}' AS status, TIMESTAMP '2024-07-01 00:00:00' + INTERVAL ${minute} MINUTE AS updated_at`;

const table = (name: string): Promise<HudiTable> => orderStatusTable(env.dir, name);
const statuses = (t: HudiTable) => snapshotStatuses(env.connection, t);

/** Base files of `instant` anywhere in the table. */
async function filesOf(t: HudiTable, instant: string): Promise<string[]> {
  const found: string[] = [];
  for (const month of ['7', '8']) {
    const names = await readdir(join(t.basePath, '2024', month)).catch(() => [] as string[]);
    found.push(...names.filter((n) => n.endsWith(`_${instant}.parquet`)).map((n) => `2024/${month}/${n}`));
  }
  return found;
}

describe('a rollback killed part-way', () => {
  it.each([1, 2])(
    'is finished from its own plan by the next writer (killed after deleting file %i of 2)',
    async (killAfter) => {
      let t = await table(`interrupted_${killAfter}`);
      const first = await t.upsert(env.connection, `${row('C-1', 'new', 7, 1)} UNION ALL ${row('C-2', 'new', 8, 1)}`);
      const expected = await statuses(t);

      // A writer killed before its commit completes leaves one base file in each of the two partitions.
      const writer = startChildWriter({
        basePath: t.basePath,
        action: 'upsert',
        source: `${row('C-1', 'paid', 7, 2)} UNION ALL ${row('C-3', 'new', 8, 2)}`,
        pauseAt: 'base-files',
      });
      const crashed = await writer.line('PAUSED');
      await writer.kill();
      const crashedFiles = await filesOf(t, crashed);
      expect(crashedFiles).toHaveLength(2);

      // A second process starts rolling it back and is killed after deleting `killAfter` of its files.
      const roller = startChildWriter({
        basePath: t.basePath,
        action: 'maintain',
        pauseAt: `rollback-file:${killAfter}`,
      });
      const rollbackInstant = await roller.line('PAUSED');
      await roller.kill();
      t = await t.refresh();
      const pending = t.timeline.instants
        .filter((i) => i.state !== 'completed')
        .map((i) => `${i.timestamp}.${i.action}.${i.state}`);
      expect(pending).toEqual([`${crashed}.commit.inflight`, `${rollbackInstant}.rollback.inflight`]);
      expect(await filesOf(t, crashed)).toHaveLength(2 - killAfter);
      expect(await statuses(t)).toEqual(expected);

      const next = await t.upsert(env.connection, row('C-4', 'new', 7, 3));
      expect(next.rolledBack).toEqual([crashed]);
      t = await t.refresh();
      expect(t.timeline.instants.filter((i) => i.state !== 'completed')).toEqual([]);
      expect(t.timeline.completed('rollback').map((i) => i.timestamp)).toEqual([rollbackInstant]);
      expect(await filesOf(t, crashed)).toEqual([]);
      expect(t.commits()).toEqual([first.instant, next.instant]);
      expect(await statuses(t)).toEqual({ ...expected, 'C-4': 'new' });
      const name = `.hoodie/${rollbackInstant}.rollback`;
      const meta = readAvroContainer(await t.storage.read(name), name).records[0] as Record<string, unknown>;
      expect(meta['commitsRollback']).toEqual([crashed]);
      const deleted = Object.values(
        meta['partitionMetadata'] as Record<string, { successDeleteFiles: string[] }>,
      ).flatMap((p) => p.successDeleteFiles);
      expect(deleted.sort()).toEqual(crashedFiles.map((f) => t.storage.locate(f)).sort());
      expect((await readdir(join(t.basePath, '.hoodie'))).filter((f) => f.startsWith(crashed))).toEqual([]);
    },
    120_000,
  );
});

describe('a failed write whose rollback fails too', () => {
  it('reports both causes, names the table and what to do, and the next maintain() rolls it back', async () => {
    let t = await table('rollback_fails');
    await t.upsert(env.connection, row('F-1', 'new', 7, 1));
    const expected = await statuses(t);
    let failedInstant = '';
    const inflight = () => join(t.basePath, '.hoodie', `${failedInstant}.inflight`);
    const error = await t
      .upsert(env.connection, row('F-2', 'new', 7, 2), {
        hooks: {
          // The write fails, and its inflight instant is a non-empty folder, which the rollback cannot delete.
          afterBaseFilesWritten: async (instant) => {
            failedInstant = instant;
            await unlink(inflight());
            await mkdir(join(inflight(), 'blocker'), { recursive: true });
            throw new Error('disk went away');
          },
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HudiError);
    const failure = error as HudiError;
    expect(failure.kind).toBe('write-failed');
    expect(failure.message).toContain(t.basePath);
    expect(failure.message).toContain(failedInstant);
    expect(failure.message).toContain('disk went away');
    expect(failure.message).toContain('maintain()');
    const causes = (failure.cause as AggregateError).errors as Error[];
    expect(causes[0]?.message).toBe('disk went away');
    expect(causes[1]).toBeInstanceOf(HudiError);
    expect((causes[1] as HudiError).kind).toBe('storage');
    expect(failure.message).toContain(causes[1]?.message);
    expect(await statuses(t)).toEqual(expected);

    await rm(inflight(), { recursive: true });
    const { rolledBack } = await t.maintain();
    expect(rolledBack).toEqual([failedInstant]);
    t = await t.refresh();
    expect(t.timeline.instants.filter((i) => i.state !== 'completed')).toEqual([]);
    expect(await statuses(t)).toEqual(expected);
  });
});
