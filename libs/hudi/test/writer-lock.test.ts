import { type ChildProcess, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startChildWriter } from './support/child-writer-process';
import { useScratchDuckdb } from './support/scratch-duckdb';
import { HudiError, type HudiTable, LOCK_PATH, type LockClock, TableLock } from '../src/index';
import { processStartTime } from '../src/table/process-liveness';
import { orderStatusTable, snapshotStatuses } from './support/order-status-table';

const env = useScratchDuckdb('lock');

const row = (id: string, status: string) =>
  `SELECT '${id}' AS invoice_number, 2024 AS order_year, 7 AS order_month, '${status}' AS status, TIMESTAMP '2024-07-01 00:00:00' AS updated_at`;

const table = (name: string): Promise<HudiTable> => orderStatusTable(env.dir, name);
const statuses = (t: HudiTable) => snapshotStatuses(env.connection, t);

/** A clock whose sleep returns at once and moves time on; `onSleep` runs at each sleep (the events a waiter sees). */
function virtualClock(
  onSleep: (count: number) => Promise<void> | void = () => undefined,
): LockClock & { sleeps: number[]; elapsed: () => number } {
  const start = 1_700_000_000_000;
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    elapsed: () => now - start,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
      await onSleep(sleeps.length);
    },
  };
}

/** A live process that only ends when its stdin closes. */
function liveProcess(): ChildProcess {
  return spawn('cat', [], { stdio: ['pipe', 'ignore', 'ignore'] });
}

/**
 * A process that has exited but is not reaped (a zombie): python forks a child that exits at once and waits
 * for that exit without reaping it (WNOWAIT), prints the child's pid and stays alive until its stdin closes.
 */
async function zombie(): Promise<{ pid: number; parent: ChildProcess }> {
  const code = [
    'import os, sys',
    'pid = os.fork()',
    'if pid == 0: os._exit(0)',
    'os.waitid(os.P_PID, pid, os.WEXITED | os.WNOWAIT)',
    'print(pid, flush=True)',
    'sys.stdin.read()',
  ].join('\n');
  const parent = spawn('python3', ['-c', code], { stdio: ['pipe', 'pipe', 'inherit'] });
  const pid = await new Promise<number>((resolve) =>
    parent.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim()))),
  );
  return { pid, parent };
}

const writeLock = (t: HudiTable, owner: Record<string, unknown>) =>
  writeFile(
    join(t.basePath, LOCK_PATH),
    JSON.stringify({ host: hostname(), acquiredAt: new Date().toISOString(), operation: 'upsert', ...owner }),
  );

describe('the writer lock', () => {
  it('waits a bounded time for a live holder, then refuses, naming the holder and the table', async () => {
    const t = await table('locked');
    const lock = await TableLock.acquire(t.storage, 'test');
    const clock = virtualClock();
    const waitMs = 5_000;
    const error = await t
      .upsert(env.connection, row('L-1', 'new'), { lock: { waitMs, pollMs: 400, clock } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HudiError);
    expect((error as HudiError).kind).toBe('table-locked');
    expect((error as HudiError).message).toContain(`process ${process.pid}`);
    expect((error as HudiError).message).toContain(t.basePath);
    expect(clock.elapsed()).toBe(waitMs);
    expect(clock.sleeps.length).toBe(Math.ceil(waitMs / 400));
    await lock.release();
    await t.upsert(env.connection, row('L-1', 'new'));
    expect(await statuses(t)).toEqual({ 'L-1': 'new' });
  });

  it('takes the lock as soon as the live holder releases it during the wait', async () => {
    const t = await table('handover');
    const holder = await TableLock.acquire(t.storage, 'test');
    const clock = virtualClock(async (count) => {
      if (count === 3) await holder.release();
    });
    await t.upsert(env.connection, row('H-1', 'new'), { lock: { clock } });
    expect(clock.sleeps.length).toBe(3);
    expect(await statuses(t)).toEqual({ 'H-1': 'new' });
  });

  it('never takes a lock file it cannot read for abandoned (it may be one being written by another program)', async () => {
    const t = await table('unreadable');
    await writeFile(join(t.basePath, LOCK_PATH), '');
    const error = await t
      .upsert(env.connection, row('U-1', 'new'), { lock: { waitMs: 1_000, clock: virtualClock() } })
      .catch((e: unknown) => e);
    expect((error as HudiError).kind).toBe('table-locked');
    expect((error as HudiError).message).toContain(join(t.basePath, LOCK_PATH));
    expect(await readFile(join(t.basePath, LOCK_PATH), 'utf8')).toBe('');
  });

  it('takes over a lock whose owner process is dead', async () => {
    const t = await table('stale');
    const dead = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('exit', () => resolve(child.pid as number));
    });
    await writeLock(t, { pid: dead });
    await t.upsert(env.connection, row('S-1', 'new'));
    expect(await statuses(t)).toEqual({ 'S-1': 'new' });
  });

  it('takes over a lock whose owner is a zombie (exited, not yet reaped)', async () => {
    const t = await table('zombie');
    const { pid, parent } = await zombie();
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      expect(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0]).toBe('Z');
      await writeLock(t, { pid, startTime: processStartTime(pid) });
      await t.upsert(env.connection, row('Z-1', 'new'), { lock: { waitMs: 1_000, clock: virtualClock() } });
      expect(await statuses(t)).toEqual({ 'Z-1': 'new' });
    } finally {
      parent.stdin?.end();
    }
  });

  it('takes over a lock whose pid now belongs to another process (start time differs), not one with the right start time', async () => {
    const t = await table('reused');
    const other = liveProcess();
    try {
      const pid = other.pid as number;
      await writeLock(t, { pid, startTime: processStartTime(pid) });
      const error = await t
        .upsert(env.connection, row('R-1', 'new'), { lock: { waitMs: 1_000, clock: virtualClock() } })
        .catch((e: unknown) => e);
      expect((error as HudiError).kind).toBe('table-locked');
      await writeLock(t, { pid, startTime: `${processStartTime(pid)}1` });
      await t.upsert(env.connection, row('R-1', 'new'), { lock: { waitMs: 1_000, clock: virtualClock() } });
      expect(await statuses(t)).toEqual({ 'R-1': 'new' });
    } finally {
      other.stdin?.end();
    }
  });
});

describe('two writers in separate processes started at the same moment', () => {
  const ROUNDS = 20;
  it(`both commit, one after the other (${ROUNDS} rounds)`, async () => {
    let t = await table('concurrent');
    const expected: Record<string, string> = {};
    for (let round = 0; round < ROUNDS; round++) {
      const writers = ['A', 'B'].map((name) =>
        startChildWriter({
          basePath: t.basePath,
          action: 'upsert',
          source: row(`${name}-${round}`, `by ${name}`),
          waitForGo: true,
          lock: { pollMs: 20 },
        }),
      );
      await Promise.all(writers.map((w) => w.line('READY')));
      for (const w of writers) w.go();
      const ends = await Promise.all(writers.map((w) => w.exited));
      for (const end of ends) expect(end.output, `round ${round}`).toMatch(/^DONE \d{17}$/m);
      expected[`A-${round}`] = 'by A';
      expected[`B-${round}`] = 'by B';
    }
    expect(await statuses(t)).toEqual(expected);
    t = await t.refresh();
    const instants = t.timeline.instants;
    expect(instants.filter((i) => i.state !== 'completed')).toEqual([]);
    expect(instants.filter((i) => i.action === 'rollback')).toEqual([]);
    expect(t.commits()).toHaveLength(2 * ROUNDS);
    expect(new Set(t.commits()).size).toBe(2 * ROUNDS);
    expect(await t.storage.exists(LOCK_PATH)).toBe(false);
  }, 600_000);
});
