/** Where the ETL keeps its state in the store. */
export const ETL_STATE_PREFIX = 'state/etl';

export function bookmarkKey(job: string): string {
  return `${ETL_STATE_PREFIX}/bookmarks/${job}.json`;
}

export const RUNS_PREFIX = `${ETL_STATE_PREFIX}/runs/`;

/** Run records sort by key in start order: `state/etl/runs/<yyyyMMddHHmmssSSS>-<job>-<suffix>.json`. */
export function runRecordKey(runId: string): string {
  return `${RUNS_PREFIX}${runId}.json`;
}

/** Quarantined rows of one input batch (a rerun of the same batch replaces the file). */
export function quarantineKey(job: string, batchId: string): string {
  return `processed/quarantine/${job}/batch=${batchId}.parquet`;
}
