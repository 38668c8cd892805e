import { transferCsvFiles } from '@autocorp/csv-transfer';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import { csvExportHeaders } from '../pipeline/export-headers';
import type { PlatformEventHub } from '../api/platform-event-hub';
import type { HealthBoard } from './health-board';
import type { ScheduledTask } from './work-scheduler';

export const TRANSFER_TASK = 'csv-transfer';

export interface CsvTransferTaskOptions {
  readonly folder: string;
  readonly store: ObjectStore;
  readonly hub: PlatformEventHub;
  readonly health: HealthBoard;
  /** How long a drop settles before it is transferred (files still being written). */
  readonly delayMs: number;
  readonly onProgress: ProgressListener;
  /** New files landed in the raw zone: the ETL and the crawlers should run. */
  readonly onLanded: () => void;
}

/**
 * Transfers the CSV exports in the watched folder (the platform's DataSync): new or changed files
 * land as new raw versions, unchanged ones are skipped, bad ones are rejected (reported, the
 * `csv-watch` component degraded, nothing retried until the folder changes again).
 */
export function csvTransferTask(options: CsvTransferTaskOptions): ScheduledTask {
  return {
    name: TRANSFER_TASK,
    delayMs: options.delayMs,
    async run() {
      const report = await transferCsvFiles({
        sourceDir: options.folder,
        store: options.store,
        expectedHeaders: csvExportHeaders(),
        onProgress: options.onProgress,
      });
      const rejected = report.records
        .filter((r) => r.status === 'rejected' || r.status === 'failed')
        .map((r) => ({ file: r.file, reason: r.error?.message ?? r.reason ?? r.status }));
      options.hub.publish({
        type: 'csv-transfer',
        at: Date.now(),
        files: report.totals.copied,
        rows: report.totals.rowsCopied,
        rejected,
      });
      options.health.set(
        'csv-watch',
        rejected.length > 0 ? 'degraded' : 'ok',
        rejected.length > 0 ? `${rejected.length} file(s) rejected: ${rejected.map((r) => r.file).join(', ')}` : null,
      );
      if (report.totals.copied > 0) options.onLanded();
    },
  };
}
