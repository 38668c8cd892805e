import { createProgress } from '@autocorp/terminal';

/** What a step needs from a progress bar. */
export interface StepProgress {
  tick(rows: number): void;
  finish(): void;
}

/** Hands each step (a file, a table) its bar. */
export interface ProgressBars {
  step(label: string, total: number): StepProgress;
  /** Draws the final state of a shared bar, if any. */
  close(): void;
}

/** Shown only on an interactive terminal outside CI (createProgress decides), or never. */
function enabledFlag(show: boolean): false | undefined {
  return show ? undefined : false;
}

/** One bar per file or table, one after the other: for steps that run in sequence. */
export function barPerStep(show: boolean): ProgressBars {
  return {
    step(label, total) {
      const bar = createProgress({ label, total, enabled: enabledFlag(show) });
      return { tick: (rows) => bar.tick(rows), finish: () => bar.finish() };
    },
    close() {},
  };
}

/**
 * One bar for everything: when the CSV export and the PostgreSQL load run at the same time,
 * two single-line bars would overwrite each other, so their steps tick one shared bar.
 */
export function sharedBar(show: boolean, label: string, total: number): ProgressBars {
  const bar = createProgress({ label, total, enabled: enabledFlag(show) });
  return {
    step() {
      return { tick: (rows) => bar.tick(rows), finish: () => undefined };
    },
    close() {
      bar.finish();
    },
  };
}
