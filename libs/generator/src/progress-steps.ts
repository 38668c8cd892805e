import { type ProgressListener, startProgress } from '@autocorp/progress';

/** What a step (a file, a table) reports its rows to. */
export interface StepProgress {
  tick(rows: number): void;
  finish(): void;
}

/** Hands each step its progress task. */
export interface ProgressSteps {
  step(subject: string, total: number): StepProgress;
  /** Finishes a shared task, if any. */
  close(): void;
}

/** One `generate` task per file or table, one after the other: for steps that run in sequence. */
export function taskPerStep(listener: ProgressListener | undefined): ProgressSteps {
  return {
    step(subject, total) {
      const task = startProgress(listener, { stage: 'generate', subject, unit: 'rows', total });
      return { tick: (rows) => task.advance(rows), finish: () => task.finish() };
    },
    close() {},
  };
}

/**
 * One task for everything: when the CSV export and the PostgreSQL load run at the same time, their
 * steps count into one shared task, so a consumer sees one total for the whole generation.
 */
export function sharedTask(listener: ProgressListener | undefined, subject: string, total: number): ProgressSteps {
  const task = startProgress(listener, { stage: 'generate', subject, unit: 'rows', total });
  return {
    step() {
      return { tick: (rows) => task.advance(rows), finish: () => undefined };
    },
    close() {
      task.finish();
    },
  };
}
