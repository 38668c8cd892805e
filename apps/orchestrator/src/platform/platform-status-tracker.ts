import type { PlatformEventHub } from '../api/platform-event-hub';
import type { HealthBoard } from './health-board';
import type { EtlRunEvent, PlatformStatus } from './platform-events';

export interface StatusTrackerOptions {
  readonly hub: PlatformEventHub;
  readonly health: HealthBoard;
  readonly profile: string;
  readonly slot: string;
  readonly etlIntervalMs: number;
  readonly simulator: { readonly ordersPerSecond: number; readonly seed: number } | null;
  /** True while an ETL run is in progress. */
  readonly etlRunning: () => boolean;
}

type CdcStatus = NonNullable<PlatformStatus['cdc']>;

/** Builds `PlatformStatus` from the events as they pass (what `GET /status` serves). */
export class PlatformStatusTracker {
  readonly startedAt = Date.now();
  private cdc: CdcStatus;
  private lastRun: EtlRunEvent | null = null;
  private simulatorCounts: Record<string, number> = {};
  private readonly unsubscribe: () => void;

  constructor(private readonly options: StatusTrackerOptions) {
    // '0/0' until the first standby status update (sent as soon as CDC streams).
    this.cdc = { slot: options.slot, receivedLsn: '0/0', ackLsn: '0/0', lagBytes: null, lagSeconds: null, tables: [] };
    this.unsubscribe = options.hub.subscribe((event) => {
      if (event.type === 'cdc-status') {
        this.cdc = {
          ...this.cdc,
          receivedLsn: event.receivedLsn,
          ackLsn: event.ackLsn,
          lagBytes: event.lagBytes,
          lagSeconds: event.lagSeconds,
        };
      } else if (event.type === 'etl-run') {
        this.lastRun = event;
      } else if (event.type === 'simulator') {
        this.simulatorCounts = event.counts;
      }
    });
  }

  /** The per-table CDC states (from the slot's position.json), refreshed by the CDC stream. */
  setCdcTables(tables: CdcStatus['tables']): void {
    this.cdc = { ...this.cdc, tables };
  }

  status(): PlatformStatus {
    return {
      mode: 'live',
      startedAt: this.startedAt,
      profile: this.options.profile,
      components: this.options.health.all().map((c) => ({ ...c })),
      cdc: { ...this.cdc, tables: [...this.cdc.tables] },
      etl: { running: this.options.etlRunning(), lastRun: this.lastRun, intervalMs: this.options.etlIntervalMs },
      simulator: this.options.simulator ? { ...this.options.simulator, counts: { ...this.simulatorCounts } } : null,
    };
  }

  close(): void {
    this.unsubscribe();
  }
}
