import type { ProgressEvent, ProgressListener } from '@autocorp/progress';
import { progressWanted } from './progress';
import { renderProgressLine } from './progress-line';

export interface ProgressDrawerOptions {
  /** Where to draw; defaults to stderr. */
  readonly stream?: NodeJS.WriteStream | NodeJS.WritableStream;
  /** Force on or off; by default drawn only on an interactive terminal outside CI (progressWanted). */
  readonly enabled?: boolean;
  /** Environment read for CI and AUTOCORP_NO_PROGRESS; defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
}

/** Redraws of a running task at most this often (by the events' own clock); start and finish always draw. */
const REDRAW_INTERVAL_MS = 100;

/**
 * The listener an app hands to a library's `onProgress`: it draws the libraries' progress events as
 * one live line (the task that reported last: label, bar, count, rate, ETA), and leaves each finished
 * task's final line on screen. Draws nothing off a terminal or in CI.
 *
 * @example
 * await runJobs({ store, onProgress: drawProgress({ stream: io.stderr, env: io.env }) });
 */
export function drawProgress(options: ProgressDrawerOptions = {}): ProgressListener {
  const stream = options.stream ?? process.stderr;
  const enabled = options.enabled ?? progressWanted(stream as NodeJS.WriteStream, options.env);
  if (!enabled) return () => undefined;
  let lastDrawAt = Number.NEGATIVE_INFINITY;
  return (event: ProgressEvent) => {
    if (event.phase === 'advance' && event.at - lastDrawAt < REDRAW_INTERVAL_MS) return;
    lastDrawAt = event.at;
    const line = renderProgressLine({
      label: `${event.stage} ${event.subject}`,
      value: event.done,
      total: event.total,
      unit: event.unit,
      elapsedSeconds: (event.at - event.startedAt) / 1000,
    });
    stream.write(`\r\x1b[2K${line}${event.phase === 'finish' ? '\n' : ''}`);
  };
}
