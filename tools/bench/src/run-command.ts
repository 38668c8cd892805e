import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { BenchError } from './bench-error';

const execFileAsync = promisify(execFile);

export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a program (no shell) and returns its output; a failure names the command and its stderr. */
export async function runCommand(
  file: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<CommandOutput> {
  try {
    const { stdout, stderr } = await execFileAsync(file, [...args], {
      ...options,
      maxBuffer: 64 * 2 ** 20,
      encoding: 'utf8',
    });
    return { stdout, stderr };
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string; code?: string | number };
    const detail = (e.stderr ?? '').trim().split('\n').slice(-5).join(' | ') || e.message;
    const hint = e.code === 'ENOENT' ? ` Install ${file} (it must be on PATH).` : '';
    throw new BenchError('command-failed', `${file} ${args.join(' ')} failed: ${detail}.${hint}`, { cause: error });
  }
}
