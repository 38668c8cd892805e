import { spawn } from 'node:child_process';
import path from 'node:path';
import { BenchError } from '../bench-error';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const BIN = path.join(ROOT, 'apps', 'orchestrator', 'bin', 'autocorp.mjs');

export interface UpProcess {
  /** The API URL and the seconds from spawn to "platform running". */
  readonly ready: Promise<{ url: string; seconds: number }>;
  stop(): Promise<void>;
}

/** `autocorp up <args>` of the built CLI in a child process; `ready` resolves once its log says the platform runs. */
export function startUp(args: readonly string[], env: NodeJS.ProcessEnv): UpProcess {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'up', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  const ready = new Promise<{ url: string; seconds: number }>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const url = /platform API on (http:\/\/[\d.:]+) /.exec(out)?.[1];
      if (url && out.includes('platform running')) resolve({ url, seconds: (performance.now() - started) / 1000 });
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    void exited.then(() =>
      reject(
        new BenchError(
          'command-failed',
          `autocorp up exited before it ran: ${err.trim().split('\n').slice(-3).join(' | ')}`,
        ),
      ),
    );
  });
  return {
    ready,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** The repository root (the child's working folder). */
export const REPO_ROOT = ROOT;
