/**
 * The one progress event every library reports and every consumer (the CLI's bars, the platform's
 * API and dashboard) reads. Libraries only emit these; drawing lives in apps via libs/terminal.
 */

/** Which step of the platform is working. */
export const PROGRESS_STAGES = [
  'generate',
  'full-load',
  'transfer-check',
  'transfer',
  'etl',
  'hudi-write',
  'crawl',
] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

/** What `done` and `total` count. */
export type ProgressUnit = 'rows' | 'bytes' | 'files' | 'tables' | 'jobs';

/** `start` once (done 0), `advance` as work is done, `finish` once (done is final). */
export type ProgressPhase = 'start' | 'advance' | 'finish';

export interface ProgressEvent {
  readonly phase: ProgressPhase;
  readonly stage: ProgressStage;
  /** What this task works on: a table ("pg_sales_order"), a file ("sales_orders.csv"), "jobs". */
  readonly subject: string;
  /** Units done so far; never decreases within a task. */
  readonly done: number;
  /** Units expected, for a bar and an ETA; undefined when unknown. May be an estimate. */
  readonly total: number | undefined;
  readonly unit: ProgressUnit;
  /** Milliseconds since the epoch when the task started (its `start` event). */
  readonly startedAt: number;
  /** Milliseconds since the epoch of this event; rate = done / (at - startedAt). */
  readonly at: number;
}

/** Receives progress events; called synchronously, so it must be quick. An error it throws stops the work. */
export type ProgressListener = (event: ProgressEvent) => void;
