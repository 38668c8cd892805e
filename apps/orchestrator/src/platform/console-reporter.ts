import { progressWanted } from '@autocorp/terminal';
import type { CommandIo } from '../cli/command';
import { LiveMetrics } from './live-metrics';
import type { PlatformRuntime } from './platform-runtime-types';
import { eventLogLine, statusLine } from './status-text';

/** How often the live status line is redrawn. */
const REDRAW_MS = 500;

/**
 * What `up` shows while it runs. On an interactive terminal (outside CI): one live status line
 * redrawn twice a second, with event lines (failures, transfers, health changes) printed above it.
 * Otherwise: one timestamped log line per event worth a line. Returns a function that stops it.
 */
export function reportToConsole(runtime: PlatformRuntime, io: CommandIo): () => void {
  const live = progressWanted(io.stderr as NodeJS.WriteStream, io.env);
  const metrics = new LiveMetrics();
  const out = io.stderr;
  let lineShown = false;
  const unsubscribe = runtime.subscribe((event) => {
    metrics.add(event);
    const line = eventLogLine(event);
    if (line === undefined) return;
    // On the terminal a micro-batch that went well shows in the status line only.
    const quietRun =
      event.type === 'etl-run' && event.jobs.every((j) => j.status !== 'failed' && j.status !== 'blocked');
    if (live && quietRun) return;
    if (live) {
      out.write(`\r\x1b[2K${line}\n`);
      lineShown = false;
      draw();
    } else {
      io.stdout.write(`${new Date(event.at).toISOString()} ${line}\n`);
    }
  });
  const draw = () => {
    const now = Date.now();
    out.write(`\r\x1b[2K${statusLine(metrics.snapshot(now), now)}`);
    lineShown = true;
  };
  const timer = live ? setInterval(draw, REDRAW_MS) : undefined;
  timer?.unref();
  return () => {
    unsubscribe();
    if (timer) clearInterval(timer);
    if (lineShown) out.write('\n');
  };
}
