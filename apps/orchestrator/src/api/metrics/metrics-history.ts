import { type ObjectStore, stateKey } from '@autocorp/lake-storage';
import { METRIC_SERIES, type MetricSeries, type MetricsResponse, type PlatformEvent } from '@autocorp/platform-client';
import { ApiError } from '../api-error';
import { METRIC_FOLDS, metricSamples } from './metric-samples';

/** `state/platform/metrics/history.json`: the API's metrics history, rewritten whole (atomically) on flush. */
export const METRICS_HISTORY_KEY = stateKey('platform', 'metrics', 'history.json');

export interface MetricsHistoryOptions {
  readonly store: ObjectStore;
  /** Width of one bucket; default 10 s. */
  readonly bucketMs?: number;
  /** Buckets kept per series (older ones are dropped); default 8640 (24 h of 10 s buckets). */
  readonly maxBuckets?: number;
}

interface StoredHistory {
  readonly version: 1;
  readonly bucketMs: number;
  readonly series: Partial<Record<MetricSeries, [number, number][]>>;
}

/**
 * Bounded time series derived from the live events, one bucket per `bucketMs`, kept in the lake's
 * state folder so charts survive a restart. `record` is synchronous; `flush` writes when changed.
 */
export class MetricsHistory {
  private dirty = false;

  private constructor(
    private readonly store: ObjectStore,
    readonly bucketMs: number,
    private readonly maxBuckets: number,
    private readonly series: Map<MetricSeries, Map<number, number>>,
  ) {}

  /** Loads the stored history (a history stored with another bucket width is started afresh). */
  static async open(options: MetricsHistoryOptions): Promise<MetricsHistory> {
    const bucketMs = options.bucketMs ?? 10_000;
    const series = new Map<MetricSeries, Map<number, number>>();
    if (await options.store.head(METRICS_HISTORY_KEY)) {
      const text = (await options.store.getBytes(METRICS_HISTORY_KEY)).toString('utf8');
      let stored: StoredHistory;
      try {
        stored = JSON.parse(text) as StoredHistory;
      } catch (cause) {
        throw new ApiError(
          'internal',
          `The metrics history ${options.store.uri}/${METRICS_HISTORY_KEY} is not JSON; delete it to start a new history.`,
          null,
          { cause },
        );
      }
      if (stored.bucketMs === bucketMs) {
        for (const name of METRIC_SERIES) {
          const points = stored.series[name];
          if (points) series.set(name, new Map(points));
        }
      }
    }
    return new MetricsHistory(options.store, bucketMs, options.maxBuckets ?? 8640, series);
  }

  /** A history with no stored points and nothing to record (a runtime without live events, as on aws); it never writes. */
  static empty(store: ObjectStore, bucketMs = 10_000): MetricsHistory {
    return new MetricsHistory(store, bucketMs, 0, new Map());
  }

  record(event: PlatformEvent): void {
    const bucket = Math.floor(event.at / this.bucketMs) * this.bucketMs;
    for (const sample of metricSamples(event)) {
      let points = this.series.get(sample.series);
      if (!points) this.series.set(sample.series, (points = new Map()));
      const previous = points.get(bucket);
      const fold = METRIC_FOLDS[sample.series];
      points.set(
        bucket,
        previous === undefined || fold === 'last'
          ? sample.value
          : fold === 'sum'
            ? previous + sample.value
            : Math.max(previous, sample.value),
      );
      this.trim(points);
      this.dirty = true;
    }
  }

  private trim(points: Map<number, number>): void {
    if (points.size <= this.maxBuckets) return;
    const keep = [...points.keys()].sort((a, b) => a - b).slice(-this.maxBuckets);
    const oldest = keep[0] ?? 0;
    for (const t of points.keys()) if (t < oldest) points.delete(t);
  }

  /** The points of `names` with `from <= t <= to`, oldest first. */
  query(names: readonly MetricSeries[], from: number, to: number): MetricsResponse {
    return {
      bucketMs: this.bucketMs,
      from,
      to,
      series: names.map((name) => ({
        name,
        points: [...(this.series.get(name) ?? new Map<number, number>())]
          .filter(([t]) => t >= from && t <= to)
          .sort(([a], [b]) => a - b)
          .map(([t, v]) => ({ t, v })),
      })),
    };
  }

  /** The sum of a series over `[from, to]`. */
  total(name: MetricSeries, from: number, to: number): number {
    let total = 0;
    for (const [t, v] of this.series.get(name) ?? []) if (t >= from && t <= to) total += v;
    return total;
  }

  async flush(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const stored: StoredHistory = {
      version: 1,
      bucketMs: this.bucketMs,
      series: Object.fromEntries(
        [...this.series].map(([name, points]) => [name, [...points].sort(([a], [b]) => a - b)]),
      ),
    };
    try {
      await this.store.put(METRICS_HISTORY_KEY, JSON.stringify(stored), { contentType: 'application/json' });
    } catch (error) {
      this.dirty = true;
      throw error;
    }
  }
}
