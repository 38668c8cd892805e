import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { type ThrowawayPostgres, startThrowawayPostgres } from '@autocorp/source-db';
import { BenchError } from '../bench-error';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const CLI = path.join(ROOT, 'apps', 'orchestrator', 'bin', 'autocorp.mjs');

export interface UpProcess {
  /** The API and the ops dashboard at `/`. */
  readonly url: string;
  /** SIGTERM, the process and PostgreSQL stopped. */
  stop(): Promise<void>;
}

/** A real `autocorp up --port 0` over a throwaway PostgreSQL, generated at `scale` on its first start. */
export async function startUp(home: string, scale: number, log: (line: string) => void): Promise<UpProcess> {
  const server: ThrowawayPostgres = await startThrowawayPostgres();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [CLI, 'up', '--port', '0', '--scale', String(scale)], {
    env: { ...process.env, CI: 'true', DATABASE_URL: server.url, AUTOCORP_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await server.stop();
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = output.match(/platform API on (http:\/\/[^\s)]+)/);
        if (match && /platform running/.test(output)) resolve(match[1] as string);
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', (code) =>
        reject(
          new BenchError('command-failed', `autocorp up exited (${code}) while starting:\n${output.slice(-2000)}`),
        ),
      );
    });
    log(`autocorp up at scale ${scale} serves ${url}`);
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
