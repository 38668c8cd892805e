import type { PlatformEventType } from '@autocorp/platform-client';

/** Events after which the pipeline's state (status, counts, runs, timelines) has changed. */
export const OPERATIONAL_EVENTS: readonly PlatformEventType[] = [
  'cdc-batch',
  'etl-run',
  'csv-transfer',
  'crawl',
  'component',
];

/** Events after which table contents and counts have changed. */
export const DATA_EVENTS: readonly PlatformEventType[] = ['etl-run', 'crawl', 'csv-transfer'];

/** Events after which ETL runs and quarantined rows have changed. */
export const RUN_EVENTS: readonly PlatformEventType[] = ['etl-run'];
