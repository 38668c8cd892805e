import { formatBytes, formatCount, formatDuration } from '@autocorp/terminal';
import type { LiveSnapshot } from './live-metrics';
import type { EtlRunEvent, PlatformEvent } from './platform-events';

/** "+3 ~1 -0" over every job of a run. */
export function runCounts(run: EtlRunEvent): string {
  const sum = (f: 'inserted' | 'updated' | 'deleted') => run.jobs.reduce((n, j) => n + j[f], 0);
  return `+${formatCount(sum('inserted'))} ~${formatCount(sum('updated'))} -${formatCount(sum('deleted'))}`;
}

/** The compact live status line: rows/s in, CDC lag, last micro-batch, freshness. */
export function statusLine(s: LiveSnapshot, now: number): string {
  const lag =
    s.lagSeconds === null && s.lagBytes === null
      ? 'lag ?'
      : `lag ${s.lagSeconds === null ? '?' : `${s.lagSeconds.toFixed(1)} s`}/${s.lagBytes === null ? '?' : formatBytes(s.lagBytes)}`;
  const run = s.lastRun
    ? `last ETL ${formatDuration((now - s.lastRun.at) / 1000)} ago (${s.lastRun.seconds.toFixed(1)} s, ${runCounts(s.lastRun)})`
    : 'no ETL run yet';
  const fresh = s.freshnessSeconds === null ? 'freshness ?' : `freshness ${s.freshnessSeconds.toFixed(1)} s`;
  return `live | in ${formatCount(Math.round(s.rowsPerSecond))} rows/s | CDC ${lag} | ${run} | ${fresh}`;
}

/**
 * The log line of an event worth a line (off a terminal): ETL runs that did something or failed,
 * transfers, crawls that changed the catalog, component health changes. Undefined for the others.
 */
export function eventLogLine(event: PlatformEvent): string | undefined {
  switch (event.type) {
    case 'etl-run': {
      const bad = event.jobs.filter((j) => j.status === 'failed' || j.status === 'blocked');
      const committed = event.jobs.filter((j) => j.status === 'committed');
      if (committed.length === 0 && bad.length === 0 && event.trigger === 'micro-batch') return undefined;
      const tables = committed.map((j) => `${j.job} +${j.inserted} ~${j.updated} -${j.deleted}`).join(', ');
      return `etl ${event.trigger} ${event.runId}: ${committed.length} job(s) committed in ${event.seconds.toFixed(2)} s (${runCounts(event)})${tables ? `: ${tables}` : ''}${bad.length ? `; not committed: ${bad.map((j) => `${j.job} ${j.status}`).join(', ')}` : ''}`;
    }
    case 'csv-transfer':
      return `csv-transfer: ${event.files} file(s), ${formatCount(event.rows)} rows landed${event.rejected.length ? `; rejected: ${event.rejected.map((r) => `${r.file} (${r.reason})`).join('; ')}` : ''}`;
    case 'crawl':
      return event.changed.length > 0
        ? `crawl: ${event.tables} table(s), changed: ${event.changed.join(', ')}`
        : undefined;
    case 'component':
      return `component ${event.component}: ${event.health}${event.reason ? ` (${event.reason})` : ''}`;
    default:
      return undefined;
  }
}
