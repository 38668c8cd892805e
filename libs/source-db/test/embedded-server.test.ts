import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SourceDb, SourceDbError, findFreePort, migrate, openSourceDb } from '../src/index';
import { FALLBACK_DATA_ROOT } from '../src/data-dir-location';
import { isPortListening } from '../src/ports';
import { isProcessAlive, readPostmasterPid } from '../src/postmaster-pid';
import { makeTmpFolder, waitFor } from './helpers';

let folder: { path: string; remove(): Promise<void> };
let env: NodeJS.ProcessEnv;
let port: number;
let stateDir: string;
let dataDir: string;

beforeAll(async () => {
  folder = await makeTmpFolder('autocorp-source-db-test');
  port = await findFreePort();
  stateDir = path.join(folder.path, 'state');
  dataDir = path.join(stateDir, 'postgres', 'data');
  env = { AUTOCORP_HOME: stateDir, AUTOCORP_PG_PORT: String(port) };
});

afterAll(async () => {
  // A server left running by a failed test: stop it before removing its folder.
  const left = dataDir ? await readPostmasterPid(dataDir).catch(() => undefined) : undefined;
  if (left && (await isProcessAlive(left.pid))) {
    process.kill(left.pid, 'SIGINT');
    await waitFor('the left-over server to stop', async () => !(await isProcessAlive(left.pid)));
  }
  await folder?.remove();
});

const customers = async (source: SourceDb): Promise<number> =>
  Number((await source.pool.query<{ n: string }>('SELECT count(*)::text AS n FROM customers')).rows[0]?.n);

const failureOf = async (promise: Promise<unknown>): Promise<SourceDbError> => {
  const error = await promise.then(
    (value) => value,
    (e: unknown) => e,
  );
  if (!(error instanceof SourceDbError)) {
    if (error && typeof (error as SourceDb).close === 'function') await (error as SourceDb).close();
    throw new Error(`expected a SourceDbError, got ${String(error)}`);
  }
  return error;
};

describe('the embedded server', () => {
  it('initialises the data folder on first use, with a generated password kept 0600', async () => {
    const source = await openSourceDb({ env });
    try {
      expect(source.origin).toBe('embedded-started');
      expect(source.displayAddress).toBe(`127.0.0.1:${port}/autocorp`);
      expect((await stat(path.join(dataDir, 'PG_VERSION'))).isFile()).toBe(true);
      const passwordFile = path.join(stateDir, 'postgres', 'password');
      expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
      const password = (await readFile(passwordFile, 'utf8')).trim();
      expect(password.length).toBeGreaterThanOrEqual(24);
      expect(new URL(source.url).password).toBe(encodeURIComponent(password));
      const settings = await source.pool.query<{ wal_level: string; listen: string }>(
        `SELECT current_setting('wal_level') AS wal_level, current_setting('listen_addresses') AS listen`,
      );
      expect(settings.rows[0]).toEqual({ wal_level: 'logical', listen: '127.0.0.1' });
      await migrate(source);
      await source.pool.query(
        `INSERT INTO customers (customer_id, first_name, last_name, email, state) VALUES (1, 'Ada', 'Lovelace', 'ada@example.com', 'NY')`,
      );
    } finally {
      await source.close();
    }
    expect(await isPortListening('127.0.0.1', port)).toBe(false);
  }, 180_000); // a durable initdb (fsync on) is slow when the machine is busy

  it('keeps its data across restarts', async () => {
    const source = await openSourceDb({ env });
    try {
      expect(source.origin).toBe('embedded-started');
      expect(await customers(source)).toBe(1);
      expect((await migrate(source)).applied).toEqual([]);
    } finally {
      await source.close();
    }
  });

  it('shares one server between the handles of one process, stopping it with the last', async () => {
    const first = await openSourceDb({ env });
    const second = await openSourceDb({ env });
    await first.close();
    expect(await customers(second)).toBe(1);
    await second.close();
    expect(await isPortListening('127.0.0.1', port)).toBe(false);
  });

  it('starts again after the server was killed with kill -9 (stale postmaster.pid)', async () => {
    const first = await openSourceDb({ env });
    const pidFile = await readPostmasterPid(dataDir);
    expect(pidFile?.status).toBe('ready');
    const pid = pidFile?.pid ?? 0;
    process.kill(pid, 'SIGKILL');
    await waitFor('the killed postmaster to be gone', async () => !(await isProcessAlive(pid)));
    expect((await readPostmasterPid(dataDir))?.pid).toBe(pid);
    const logs: string[] = [];
    const second = await openSourceDb({ env, onLog: (line) => logs.push(line) });
    try {
      expect(second.origin).toBe('embedded-started');
      expect(logs.join('\n')).toContain(`stale postmaster.pid of a server that is gone (pid ${pid})`);
      expect(await customers(second)).toBe(1);
    } finally {
      await first.close();
      await second.close();
    }
    expect(await isPortListening('127.0.0.1', port)).toBe(false);
  });

  it('reuses a server left running by a process that was killed, and leaves it running', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/open-and-die.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, sig) => resolve(sig)),
    );
    expect(signal, output).toBe('SIGKILL');
    expect(output.trim()).toBe('embedded-started');
    const orphan = await readPostmasterPid(dataDir);
    expect(orphan && (await isProcessAlive(orphan.pid))).toBe(true);

    const source = await openSourceDb({ env });
    try {
      expect(source.origin).toBe('embedded-running');
      expect(await customers(source)).toBe(1);
    } finally {
      await source.close();
    }
    expect(await isPortListening('127.0.0.1', port)).toBe(true);
    process.kill(orphan?.pid ?? 0, 'SIGINT');
    await waitFor('the orphaned server to stop', async () => !(await isProcessAlive(orphan?.pid ?? 0)));
  });

  it('says which port to use when the server of this folder runs on another one', async () => {
    const running = await openSourceDb({ env });
    try {
      const otherPort = await findFreePort();
      const error = await failureOf(openSourceDb({ env: { ...env, AUTOCORP_PG_PORT: String(otherPort) } }));
      expect(error.kind).toBe('already-running');
      expect(error.message).toContain(`on port ${port}, not on ${otherPort}`);
      expect(error.message).toContain(`AUTOCORP_PG_PORT=${port}`);
    } finally {
      await running.close();
    }
  });

  it('gives a clear error when its port is taken by another program', async () => {
    const squatter = net.createServer((socket) => socket.end());
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const taken = (squatter.address() as net.AddressInfo).port;
    try {
      const error = await failureOf(openSourceDb({ env: { ...env, AUTOCORP_PG_PORT: String(taken) } }));
      expect(error.kind).toBe('port-in-use');
      expect(error.message).toContain(`Port ${taken} on 127.0.0.1 is taken by another program`);
      expect(error.message).toContain('AUTOCORP_PG_PORT');
    } finally {
      squatter.close();
    }
  });

  it('refuses a data folder that is not a PostgreSQL data folder', async () => {
    const home = path.join(folder.path, 'junk-state');
    const junkData = path.join(home, 'postgres', 'data');
    await mkdir(junkData, { recursive: true });
    await writeFile(path.join(junkData, 'notes.txt'), 'not a database');
    const error = await failureOf(
      openSourceDb({ env: { AUTOCORP_HOME: home, AUTOCORP_PG_PORT: String(await findFreePort()) } }),
    );
    expect(error.kind).toBe('data-dir-invalid');
    expect(error.message).toContain(`Delete ${junkData} to re-initialise`);
  });

  it.runIf(process.getuid?.() === 0)(
    'as root, keeps the data folder where the postgres user can reach it when the state folder is closed to it, and starts over when the state folder is deleted',
    async () => {
      const closed = await mkdtemp('/tmp/autocorp-source-db-closed-');
      const home = path.join(closed, 'state');
      const env = { AUTOCORP_HOME: home, AUTOCORP_PG_PORT: String(await findFreePort()) };
      let fallback = '';
      try {
        const first = await openSourceDb({ env });
        fallback = (await readFile(path.join(home, 'postgres', 'data-location'), 'utf8')).trim();
        expect(fallback.startsWith(`${FALLBACK_DATA_ROOT}/`)).toBe(true);
        await first.pool.query('CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)');
        await first.close();

        const again = await openSourceDb({ env });
        expect((await again.pool.query('SELECT id FROM kept')).rows).toEqual([{ id: 7 }]);
        await again.close();

        await rm(home, { recursive: true, force: true });
        const fresh = await openSourceDb({ env });
        expect((await fresh.pool.query("SELECT to_regclass('kept') AS t")).rows).toEqual([{ t: null }]);
        await fresh.close();
      } finally {
        await rm(closed, { recursive: true, force: true });
        if (fallback) await rm(path.dirname(fallback), { recursive: true, force: true });
      }
    },
    180_000,
  );
});
