/**
 * A writer in its own process, for crash and concurrency tests. argv[2] is JSON:
 * `{ basePath, action: 'upsert' | 'maintain', source?, pauseAt?, waitForGo?, lock? }`.
 * - `waitForGo`: prints `READY` once DuckDB and the table are open, then waits for a `GO` line on stdin.
 * - `pauseAt: 'base-files'` prints `PAUSED <instant>` after the write's base files exist (before its commit
 *   completes); `pauseAt: 'rollback-file:<n>'` after the n-th base file a rollback deletes. Either way the
 *   process then waits to be killed.
 * Prints `DONE <instant or rolled-back instants>` when the action finished; exits 1 with `FAILED <message>` on an error.
 */
import { createInterface } from 'node:readline';
import { DuckDb } from '@autocorp/duckdb';
import { HudiTable, type LockOptions, type WriteOptions } from '../../src/index';

interface ChildWriterArgs {
  basePath: string;
  action: 'upsert' | 'maintain';
  source?: string;
  pauseAt?: string;
  waitForGo?: boolean;
  lock?: LockOptions;
}

const args = JSON.parse(process.argv[2] as string) as ChildWriterArgs;

const pauseForever = (instant: string): Promise<void> => {
  process.stdout.write(`PAUSED ${instant}\n`);
  setInterval(() => undefined, 60_000);
  return new Promise<void>(() => undefined);
};

let deletedByRollback = 0;
const hooks: WriteOptions['hooks'] = {
  afterBaseFilesWritten: (instant) => (args.pauseAt === 'base-files' ? pauseForever(instant) : undefined),
  afterRollbackFileDeleted: (instant) => {
    deletedByRollback++;
    return args.pauseAt === `rollback-file:${deletedByRollback}` ? pauseForever(instant) : undefined;
  },
};

try {
  const db = await DuckDb.open({ threads: 1 });
  const connection = await db.connect();
  const table = await HudiTable.open(args.basePath);
  if (args.waitForGo) {
    process.stdout.write('READY\n');
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) if (line.trim() === 'GO') break;
    lines.close();
  }
  const lock = args.lock ?? {};
  if (args.action === 'upsert') {
    const result = await table.upsert(connection, args.source ?? '', { hooks, lock });
    process.stdout.write(`DONE ${result.instant}\n`);
  } else {
    const result = await table.maintain({ hooks, lock });
    process.stdout.write(`DONE ${result.rolledBack.join(',')}\n`);
  }
  connection.closeSync();
  db.close();
  process.exit(0);
} catch (error) {
  process.stdout.write(`FAILED ${(error as Error).message}\n`);
  process.exit(1);
}
