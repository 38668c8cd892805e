import type { EtlRunEvent, PlatformEvent } from './platform-events';

/** Window over which "rows/s in" is averaged. */
const RATE_WINDOW_MS = 10_000;

export interface LiveSnapshot {
  /** CDC rows per second over the last 10 s. */
  readonly rowsPerSecond: number;
  readonly lagSeconds: number | null;
  readonly lagBytes: number | null;
  readonly lastRun: EtlRunEvent | null;
  /** Commit of the newest change a micro-batch consumed -> the end of that micro-batch, in seconds. */
  readonly freshnessSeconds: number | null;
}

/**
 * The numbers of the live status line, folded from the platform's events: rows/s in, CDC lag,
 * the last micro-batch and freshness. Pure: time comes from the events and from `snapshot(now)`.
 */
export class LiveMetrics {
  private readonly batches: { at: number; rows: number; newestCommit: number | null }[] = [];
  private lagSeconds: number | null = null;
  private lagBytes: number | null = null;
  private lastRun: EtlRunEvent | null = null;
  private freshnessSeconds: number | null = null;

  add(event: PlatformEvent): void {
    if (event.type === 'cdc-batch') {
      const newestCommit = event.commitLagSeconds === null ? null : event.at - event.commitLagSeconds * 1000;
      this.batches.push({ at: event.at, rows: event.rows, newestCommit });
    } else if (event.type === 'cdc-status') {
      this.lagSeconds = event.lagSeconds;
      this.lagBytes = event.lagBytes;
    } else if (event.type === 'etl-run') {
      this.lastRun = event;
      const startedAt = event.at - event.seconds * 1000;
      const consumed = this.batches.filter((b) => b.at <= startedAt && b.newestCommit !== null && b.rows > 0);
      const newest = Math.max(...consumed.map((b) => b.newestCommit as number));
      const committedSomething = event.jobs.some((j) => j.status === 'committed');
      if (Number.isFinite(newest) && committedSomething && event.trigger === 'micro-batch')
        this.freshnessSeconds = (event.at - newest) / 1000;
      // Batches a run consumed no longer count for freshness.
      for (const b of consumed) b.newestCommit = null;
    }
    this.prune(event.at);
  }

  snapshot(now: number): LiveSnapshot {
    this.prune(now);
    const rows = this.batches.filter((b) => b.at > now - RATE_WINDOW_MS).reduce((n, b) => n + b.rows, 0);
    return {
      rowsPerSecond: rows / (RATE_WINDOW_MS / 1000),
      lagSeconds: this.lagSeconds,
      lagBytes: this.lagBytes,
      lastRun: this.lastRun,
      freshnessSeconds: this.freshnessSeconds,
    };
  }

  private prune(now: number): void {
    while (this.batches.length > 0 && (this.batches[0] as { at: number }).at < now - 10 * RATE_WINDOW_MS)
      this.batches.shift();
  }
}
