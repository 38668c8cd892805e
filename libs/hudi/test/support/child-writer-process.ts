import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./child-writer.ts', import.meta.url));

/** A running child-writer.ts process: promises for the lines it prints, and its end. */
export interface ChildWriter {
  readonly child: ChildProcess;
  /** Resolves with the text after the first line starting with `word` (e.g. READY, PAUSED, DONE); rejects if the child ends first. */
  line(word: string): Promise<string>;
  /** Sends GO to a child started with waitForGo. */
  go(): void;
  /** Resolves when the process has ended (and been reaped), with its exit code or signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>;
  /** SIGKILLs the child and resolves once it has ended. */
  kill(): Promise<void>;
}

export function startChildWriter(args: Record<string, unknown>): ChildWriter {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, JSON.stringify(args)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const waiters: { word: string; resolve: (rest: string) => void; reject: (error: Error) => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters]) {
      const match = output
        .split('\n')
        .find((l, i, all) => i < all.length - 1 && (l === waiter.word || l.startsWith(`${waiter.word} `)));
      if (match !== undefined) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match.slice(waiter.word.length + 1));
      }
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    check();
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      for (const waiter of waiters.splice(0))
        waiter.reject(
          new Error(`child writer exited (${code ?? signal}) before printing ${waiter.word}: ${output} ${errors}`),
        );
      resolve({ code, signal, output: `${output}${errors}` });
    }),
  );
  return {
    child,
    exited,
    line: (word) =>
      new Promise((resolve, reject) => {
        waiters.push({ word, resolve, reject });
        check();
      }),
    go: () => child.stdin.write('GO\n'),
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
