import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ThrowawayPostgres, startThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'apps', 'orchestrator', 'bin', 'autocorp.mjs');

/** A real `autocorp up` in a child process over a throwaway PostgreSQL, its state in a temporary folder. */
export interface PlatformProcess {
  /** The API (and the dashboard at `/`), e.g. http://127.0.0.1:43121 */
  readonly url: string;
  readonly home: string;
  readonly lakeRoot: string;
  /** The folder `up` watches for CSV exports. */
  readonly watchFolder: string;
  readonly pool: pg.Pool;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** SIGTERM, then resolves when the process exited. */
  stop(): Promise<number | null>;
  /** Stops the process (if running) and PostgreSQL, deletes the folder. */
  dispose(): Promise<void>;
}

/** Resolves with the first match of `pattern` in what `child` prints; rejects if it exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp, output: () => string): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = output().match(pattern);
      if (!match) return;
      cleanup();
      resolve(match);
    };
    const exited = (code: number | null) => {
      cleanup();
      reject(new Error(`autocorp up exited (${code}) before printing ${pattern}:\n${output()}`));
    };
    const cleanup = () => {
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', exited);
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', exited);
    check();
  });
}

/** Starts PostgreSQL and `autocorp up --port 0` at `scale`; resolves once the platform runs. */
export async function startPlatformProcess(scale: number, seed: number): Promise<PlatformProcess> {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'autocorp-dashboard-'));
  fs.chmodSync(parent, 0o777);
  const home = path.join(parent, 'home');
  let server: ThrowawayPostgres | undefined;
  let child: ChildProcess | undefined;
  let pool: pg.Pool | undefined;
  let text = '';
  const output = () => text;
  const dispose = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    await pool?.end();
    await server?.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  };
  try {
    server = await startThrowawayPostgres();
    child = spawn(process.execPath, [CLI, 'up', '--port', '0', '--scale', String(scale), '--seed', String(seed)], {
      cwd: parent,
      env: {
        ...process.env,
        CI: 'true',
        DATABASE_URL: server.url,
        AUTOCORP_HOME: home,
        AUTOCORP_ETL_INTERVAL_MS: '200',
        AUTOCORP_CDC_CUT_MS: '200',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const [, url] = await waitForLine(child, /platform API on (http:\/\/[^\s)]+)/, output);
    const [, watchFolder] = await waitForLine(child, /watching (\S+) for CSV exports/, output);
    await waitForLine(child, /platform running/, output);
    const running = child;
    pool = new pg.Pool({ connectionString: server.url, max: 2 });
    pool.on('error', () => undefined); // idle clients of a stopped server; queries still reject
    return {
      url: url as string,
      home,
      lakeRoot: path.join(home, 'lake'),
      watchFolder: watchFolder as string,
      pool,
      output,
      stop: () =>
        new Promise((resolve) => {
          if (running.exitCode !== null) return resolve(running.exitCode);
          running.once('exit', (code) => resolve(code));
          running.kill('SIGTERM');
        }),
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
