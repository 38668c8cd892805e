import { stateKey } from '@autocorp/lake-storage';

/** Where a run's report is kept: `state/transfer/csv/runs/<runId>.json`. */
export function runManifestKey(runId: string): string {
  return stateKey('transfer', 'csv', 'runs', `${runId}.json`);
}

/** Where a source manifest found in the export folder is kept. */
export function sourceManifestKey(runId: string, file: string): string {
  return stateKey('transfer', 'csv', 'source-manifests', runId, file);
}

/**
 * Where a file is written and verified before it is published to the raw zone:
 * `state/transfer/csv/staging/<runId>/<file>`. Nothing reads it; it is removed after publishing
 * or when the file is refused.
 */
export function stagingKey(runId: string, file: string): string {
  return stateKey('transfer', 'csv', 'staging', runId, file);
}

/**
 * What the transfer found in a landed raw file that readers must know (lines that are not valid
 * UTF-8): `state/transfer/csv/findings/<raw key>.json`, written only when there is something to say.
 */
export function transferFindingsKey(rawKey: string): string {
  return stateKey('transfer', 'csv', 'findings', `${rawKey}.json`);
}
