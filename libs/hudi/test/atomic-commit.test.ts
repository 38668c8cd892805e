import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChildWriter } from './support/child-writer-process';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { type HudiTable, LOCK_PATH, readAvroContainer } from '../src/index';
import { orderStatusTable, snapshotStatuses } from './support/order-status-table';

const env = useScratchDuckdb('atomic');

const row = (id: string, status: string, minute: number) =>
  `SELECT '${id}' AS invoice_number, 2024 AS order_year, 7 AS order_month, '${status}' AS status, TIMESTAMP '2024-07-01 00:00:00' + INTERVAL ${minute} MINUTE AS updated_at`;

const table = (name: string): Promise<HudiTable> => orderStatusTable(env.dir, name);
const statuses = (t: HudiTable) => snapshotStatuses(env.connection, t);

/** Runs a writer in a child process and SIGKILLs it once its base files are written (before its commit completes). */
async function crashWriter(basePath: string, source: string): Promise<string> {
  const writer = startChildWriter({ basePath, action: 'upsert', source, pauseAt: 'base-files' });
  const instant = await writer.line('PAUSED');
  await writer.kill();
  return instant;
}

describe('a writer killed before completing its commit', () => {
  it('leaves the table at the previous commit, and the next writer rolls it back', async () => {
    let t = await table('crash');
    const first = await t.upsert(env.connection, row('C-1', 'new', 1));
    const crashed = await crashWriter(t.basePath, `${row('C-1', 'paid', 2)} UNION ALL ${row('C-2', 'new', 1)}`);

    t = await t.refresh();
    expect(t.timeline.pendingWrites().map((i) => [i.timestamp, i.state])).toEqual([[crashed, 'inflight']]);
    const partition = await readdir(join(t.basePath, '2024/7'));
    expect(partition.filter((f) => f.endsWith(`_${crashed}.parquet`))).toHaveLength(1);
    expect(await statuses(t)).toEqual({ 'C-1': 'new' });
    expect(t.commits()).toEqual([first.instant]);

    const next = await t.upsert(env.connection, row('C-3', 'new', 1));
    expect(next.rolledBack).toEqual([crashed]);
    expect(await statuses(t)).toEqual({ 'C-1': 'new', 'C-3': 'new' });
    expect((await readdir(join(t.basePath, '2024/7'))).filter((f) => f.includes(crashed))).toEqual([]);
    const hoodie = await readdir(join(t.basePath, '.hoodie'));
    expect(hoodie.filter((f) => f.startsWith(crashed))).toEqual([]);
    const rollbackFiles = hoodie.filter((f) => f.includes('.rollback')).sort();
    expect(rollbackFiles.map((f) => f.replace(/^\d{17}/, ''))).toEqual([
      '.rollback',
      '.rollback.inflight',
      '.rollback.requested',
    ]);
    const done = rollbackFiles.find((f) => f.endsWith('.rollback')) as string;
    const meta = readAvroContainer(await t.storage.read(`.hoodie/${done}`), done).records[0] as Record<string, unknown>;
    expect(meta['commitsRollback']).toEqual([crashed]);
    expect(meta['totalFilesDeleted']).toBe(1);
    expect(meta['instantsRollback']).toEqual([{ commitTime: crashed, action: 'commit' }]);
    const plan = readAvroContainer(await t.storage.read(`.hoodie/${done}.requested`), 'plan').records[0] as Record<
      string,
      unknown
    >;
    expect(plan['instantToRollback']).toEqual({ commitTime: crashed, action: 'commit' });
    expect(await t.storage.exists(LOCK_PATH)).toBe(false);
  }, 60_000);
});
