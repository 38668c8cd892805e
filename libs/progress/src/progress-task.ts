import type { ProgressListener, ProgressStage, ProgressUnit } from './progress-event';

/** One counted piece of work (a table, a file, a list of jobs) that reports its progress. */
export interface ProgressTask {
  /** Adds `delta` units (ignored when 0 or after finish). */
  advance(delta: number): void;
  /** Reports the final count; later calls do nothing. */
  finish(): void;
  readonly done: number;
}

export interface ProgressTaskStart {
  readonly stage: ProgressStage;
  readonly subject: string;
  readonly unit: ProgressUnit;
  readonly total?: number;
}

const SILENT: ProgressTask = { advance() {}, finish() {}, done: 0 };

/**
 * Starts a task and emits its `start` event; `advance` and `finish` emit the others. Without a
 * listener it does nothing (the libraries' default: report to no one, draw nothing).
 *
 * @example
 * const task = startProgress(options.onProgress, { stage: 'full-load', subject: 'pg_customers', unit: 'rows', total: estimate });
 * for (const batch of batches) task.advance(batch.length);
 * task.finish();
 */
export function startProgress(
  listener: ProgressListener | undefined,
  start: ProgressTaskStart,
  clock: () => number = Date.now,
): ProgressTask {
  if (!listener) return SILENT;
  const { stage, subject, unit } = start;
  const total = start.total;
  const startedAt = clock();
  let done = 0;
  let finished = false;
  listener({ phase: 'start', stage, subject, done, total, unit, startedAt, at: startedAt });
  return {
    advance(delta) {
      if (finished || delta === 0) return;
      done += delta;
      listener({ phase: 'advance', stage, subject, done, total, unit, startedAt, at: clock() });
    },
    finish() {
      if (finished) return;
      finished = true;
      listener({ phase: 'finish', stage, subject, done, total, unit, startedAt, at: clock() });
    },
    get done() {
      return done;
    },
  };
}
