import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const BIN = path.resolve(import.meta.dirname, '..', '..', 'bin', 'autocorp.mjs');

/**
 * `autocorp up` in a child process, its stdout log lines collected. Waits end with the line they
 * name (or fail when the process exits first): no sleeps.
 */
export class UpProcess {
  readonly lines: string[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly waiters: Array<{
    from: number;
    pattern: RegExp;
    resolve: (m: RegExpMatchArray) => void;
    reject: (e: Error) => void;
  }> = [];
  private partial = '';
  private done = false;

  /** `ownGroup`: the child leads its own process group, as a command started at a terminal does. */
  constructor(args: readonly string[], env: NodeJS.ProcessEnv, options: { readonly ownGroup?: boolean } = {}) {
    const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
    for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
    this.child = spawn(process.execPath, [BIN, 'up', ...args], {
      env: merged,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.ownGroup === true,
    });
    this.child.stdout?.on('data', (chunk: Buffer) => this.onData(chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        this.done = true;
        for (const w of this.waiters.splice(0))
          w.reject(
            new Error(
              `autocorp up exited (${code ?? signal}) before a line matched ${w.pattern}.\nstdout:\n${this.lines.join('\n')}\nstderr:\n${this.stderr}`,
            ),
          );
        resolve({ code, signal });
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** The first line from index `from` on (default: from now on) that matches. */
  waitFor(pattern: RegExp, from = this.lines.length): Promise<RegExpMatchArray> {
    for (let i = from; i < this.lines.length; i++) {
      const match = (this.lines[i] as string).match(pattern);
      if (match) return Promise.resolve(match);
    }
    if (this.done) return Promise.reject(new Error(`autocorp up has exited; no line matched ${pattern}`));
    return new Promise((resolve, reject) => this.waiters.push({ from, pattern, resolve, reject }));
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** What Ctrl-C at a terminal does: SIGINT to every process of the child's group (needs `ownGroup`). */
  interruptGroup(): void {
    process.kill(-this.pid, 'SIGINT');
  }

  private onData(text: string): void {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      this.lines.push(line);
      for (const w of [...this.waiters]) {
        const match = line.match(w.pattern);
        if (match) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(match);
        }
      }
    }
  }
}
