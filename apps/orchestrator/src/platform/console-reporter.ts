import { progressWanted } from '@autocorp/terminal';
import type { CommandIo } from '../cli/command';
import { LiveMetrics } from './live-metrics';
import type { PlatformEvent } from './platform-events';
import { eventLogLine, statusLine } from './status-text';

/** How often the live status line is redrawn. */
const REDRAW_MS = 500;

export interface ConsoleReporter {
  /** Hand every platform event here (from the start, so start-up runs are logged too). */
  readonly onEvent: (event: PlatformEvent) => void;
  /** Start-up is over: on a terminal, the live status line takes over from the progress bars. */
  startLiveLine(): void;
  stop(): void;
}

/**
 * What `up` shows while it runs. On an interactive terminal (outside CI): one live status line
 * (rows/s in, CDC lag, last micro-batch, freshness) redrawn twice a second, with lines for what
 * needs attention (failures, transfers, health changes) printed above it. Otherwise: one
 * timestamped log line per event worth a line, on stdout.
 */
export function consoleReporter(io: CommandIo): ConsoleReporter {
  const live = progressWanted(io.stderr as NodeJS.WriteStream, io.env);
  const metrics = new LiveMetrics();
  const out = io.stderr;
  let timer: ReturnType<typeof setInterval> | undefined;
  const draw = () => {
    const now = Date.now();
    out.write(`\r\x1b[2K${statusLine(metrics.snapshot(now), now)}`);
  };
  return {
    onEvent(event) {
      metrics.add(event);
      const line = eventLogLine(event);
      if (line === undefined) return;
      if (!live) {
        io.stdout.write(`${new Date(event.at).toISOString()} ${line}\n`);
        return;
      }
      // On the terminal a run that went well shows in the status line only.
      const wentWell =
        event.type === 'etl-run' && event.jobs.every((j) => j.status !== 'failed' && j.status !== 'blocked');
      if (wentWell) return;
      out.write(`\r\x1b[2K${line}\n`);
      if (timer) draw();
    },
    startLiveLine() {
      if (!live || timer) return;
      timer = setInterval(draw, REDRAW_MS);
      timer.unref();
      draw();
    },
    stop() {
      if (!timer) return;
      clearInterval(timer);
      timer = undefined;
      out.write('\n');
    },
  };
}
