import { type CdcBatch, type CdcRunner, type CdcRunSummary, formatLsn, startCdc } from '@autocorp/cdc';
import { DEFAULT_CDC_SLOT, type ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import type pg from 'pg';
import { cdcSchemaDigest, readCdcTableStates } from './cdc-state-reader';
import type { PlatformEventHub } from '../api/platform-event-hub';
import type { HealthBoard } from './health-board';
import { type LagProbe, openLagProbe } from './lag-probe';
import type { PlatformStatusTracker } from './platform-status-tracker';

export interface CdcStreamOptions {
  readonly connection: pg.ClientConfig;
  readonly store: ObjectStore;
  readonly cutIntervalMs: number;
  readonly hub: PlatformEventHub;
  readonly health: HealthBoard;
  readonly status: PlatformStatusTracker;
  readonly onProgress: ProgressListener;
  /** A batch's files and position are stored: the ETL may read them. */
  readonly onCommitted: () => void;
  /** A table's shape changed (a new column, a new table): the crawlers should rerun. */
  readonly onSchemaChanged: () => void;
  /** Wait this long before starting CDC again after it failed. */
  readonly restartDelayMs: number;
}

/**
 * Continuous CDC (startCdc) for the platform: full load when the slot has none, then streams until
 * stopped. Each stored batch is emitted (`cdc-batch`) and hands the ETL scheduler its trigger; each
 * standby status update is emitted with the lag PostgreSQL reports. When CDC fails it is reported
 * (`cdc` down, with the reason) and started again after `restartDelayMs` (it resumes from its stored position).
 */
export class CdcStream {
  readonly slot = DEFAULT_CDC_SLOT;
  private runner: CdcRunner | undefined;
  private stopping = false;
  private schemaDigest: string | undefined;
  private probe: LagProbe | undefined;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly options: CdcStreamOptions) {}

  /** Starts CDC and resolves once it streams (after the full load when one was needed). */
  async start(): Promise<void> {
    this.schemaDigest = await cdcSchemaDigest(this.options.store, this.slot);
    this.probe = await openLagProbe(this.options.connection);
    await this.launch();
  }

  /** Graceful stop: the pending changes are written, the position stored and acknowledged. */
  async stop(): Promise<CdcRunSummary | undefined> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    let summary: CdcRunSummary | undefined;
    try {
      summary = await this.runner?.stop();
    } catch {
      // Its failure was reported when it happened.
    }
    await this.loop;
    await this.probe?.close();
    this.options.health.set('cdc', 'stopped', null);
    return summary;
  }

  private async launch(): Promise<void> {
    const { health } = this.options;
    health.set('cdc', 'degraded', 'starting (full load when the slot has none)');
    const runner = startCdc({
      connection: this.options.connection,
      store: this.options.store,
      cutIntervalMs: this.options.cutIntervalMs,
      onProgress: this.options.onProgress,
      onBatch: (batch) => this.onBatch(batch),
      onStatusSent: (sent) => {
        void this.probe?.measure(sent.ackLsn).then((lag) =>
          this.options.hub.publish({
            type: 'cdc-status',
            at: Date.now(),
            receivedLsn: formatLsn(sent.receivedLsn),
            ackLsn: formatLsn(sent.ackLsn),
            lagBytes: lag.bytes,
            lagSeconds: lag.seconds,
          }),
        );
      },
    });
    this.runner = runner;
    this.loop = runner.done.then(
      () => undefined,
      (error: unknown) => this.failed(error),
    );
    await runner.streaming;
    health.set('cdc', 'ok', null);
    this.options.status.setCdcTables(await readCdcTableStates(this.options.store, this.slot));
  }

  private failed(error: unknown): void {
    if (this.stopping) return;
    const reason = error instanceof Error ? error.message : String(error);
    this.options.health.set('cdc', 'down', `${reason} (restarting in ${this.options.restartDelayMs} ms)`);
    void readCdcTableStates(this.options.store, this.slot)
      .then((tables) => this.options.status.setCdcTables(tables))
      .catch(() => undefined);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.launch().catch((again: unknown) => this.failed(again));
    }, this.options.restartDelayMs);
  }

  private async onBatch(batch: CdcBatch): Promise<void> {
    const perTable = new Map<string, number>();
    for (const file of batch.files) perTable.set(file.table, (perTable.get(file.table) ?? 0) + file.rows);
    const newest = Math.max(...batch.files.map((f) => f.lastCommitTime.getTime()));
    this.options.hub.publish({
      type: 'cdc-batch',
      at: Date.now(),
      rows: batch.rows,
      files: batch.files.length,
      lsn: formatLsn(batch.position.lsn),
      reason: batch.reason,
      tables: [...perTable].map(([table, rows]) => ({ table, rows })),
      commitLagSeconds: Number.isFinite(newest) ? (batch.writtenAt.getTime() - newest) / 1000 : null,
    });
    if (batch.files.length > 0) this.options.onCommitted();
    const digest = await cdcSchemaDigest(this.options.store, this.slot);
    if (digest !== this.schemaDigest) {
      this.schemaDigest = digest;
      this.options.status.setCdcTables(await readCdcTableStates(this.options.store, this.slot));
      this.options.onSchemaChanged();
    }
  }
}
