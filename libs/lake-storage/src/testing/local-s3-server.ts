import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A real S3-compatible HTTP server (s3rver) on 127.0.0.1 and a free port, for tests. */
export interface LocalS3Server {
  /** e.g. http://127.0.0.1:40123 */
  readonly endpoint: string;
  /** Credentials the server accepts. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Stops the server and removes its files. */
  close(): Promise<void>;
}

const SERVER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 's3rver-process.mjs');

/**
 * Starts s3rver in a child process with the given buckets in a fresh temporary folder.
 * Test use only (s3rver is a devDependency). A separate process keeps s3rver's synchronous
 * file I/O off the test's event loop, like a real server.
 */
export async function startLocalS3Server(buckets: readonly string[]): Promise<LocalS3Server> {
  const directory = await mkdtemp(path.join(os.tmpdir(), 'lake-s3rver-'));
  const options = { directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) };
  const child = spawn(process.execPath, ['--openssl-legacy-provider', SERVER_SCRIPT, JSON.stringify(options)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`s3rver exited (code ${code}) before listening: ${stderr}`)));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    async close() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      await rm(directory, { recursive: true, force: true });
    },
  };
}
