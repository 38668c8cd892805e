import { createHash } from 'node:crypto';
import { validateKey } from '../keys';
import { StorageError } from '../storage-error';
import { ZONES, keySegment } from './zones';

/** `state/<part>/<part>...` : pipeline state such as transfer manifests and positions. */
export function stateKey(...parts: string[]): string {
  if (parts.length === 0)
    throw new StorageError(
      'invalid-key',
      'stateKey needs at least one path part, e.g. stateKey("transfer", "manifest.json").',
    );
  return validateKey(`${ZONES.state}${parts.join('/')}`);
}

// --- CDC (libs/cdc writes, libs/etl and the Glue jobs read the position) ---

/** The replication slot (and publication) CDC uses unless told otherwise. */
export const DEFAULT_CDC_SLOT = 'autocorp_cdc';

/** Where the CDC state of one slot lives: `state/cdc/<slot>/{position.json, schema-history.jsonl, schemas.json}`. */
export function cdcStateKeys(slotName: string): {
  readonly folder: string;
  readonly position: string;
  readonly schemaHistory: string;
  readonly schemas: string;
} {
  const folder = stateKey('cdc', keySegment('slot name', slotName));
  return {
    folder,
    position: `${folder}/position.json`,
    schemaHistory: `${folder}/schema-history.jsonl`,
    schemas: `${folder}/schemas.json`,
  };
}

// --- CSV transfer (libs/csv-transfer) ---

/** `state/transfer/csv/ledger.json`: the last successful transfer of each source file name. */
export const CSV_TRANSFER_LEDGER_KEY = stateKey('transfer', 'csv', 'ledger.json');

/** Where a transfer run's report is kept: `state/transfer/csv/runs/<runId>.json`. */
export function csvTransferRunKey(runId: string): string {
  return stateKey('transfer', 'csv', 'runs', `${keySegment('run id', runId)}.json`);
}

/** Where a source manifest found in the export folder is kept: `state/transfer/csv/source-manifests/<runId>/<file>`. */
export function csvTransferSourceManifestKey(runId: string, file: string): string {
  return stateKey('transfer', 'csv', 'source-manifests', keySegment('run id', runId), keySegment('file name', file));
}

/** `state/transfer/csv/staging/`: files being written and verified before they are published to the raw zone. */
export const CSV_TRANSFER_STAGING_PREFIX = `${stateKey('transfer', 'csv', 'staging')}/`;

/**
 * Where a file is written and verified before it is published to the raw zone:
 * `state/transfer/csv/staging/<runId>/<file>`. Nothing reads it; it is removed after publishing
 * or when the file is refused.
 */
export function csvTransferStagingKey(runId: string, file: string): string {
  return validateKey(`${CSV_TRANSFER_STAGING_PREFIX}${keySegment('run id', runId)}/${keySegment('file name', file)}`);
}

/**
 * What the transfer found in a landed raw file that readers must know (lines that are not valid
 * UTF-8): `state/transfer/csv/findings/<raw key>.json`, written only when there is something to say.
 */
export function csvTransferFindingsKey(rawKey: string): string {
  return stateKey('transfer', 'csv', 'findings', `${rawKey}.json`);
}

// --- ETL (libs/etl) ---

/** `state/etl/`: the local ETL's bookmarks, run records and file exclusions. */
export const ETL_STATE_PREFIX = `${ZONES.state}etl/`;

/** `state/etl/bookmarks/<job>.json`: what a job has read. */
export function etlBookmarkKey(job: string): string {
  return validateKey(`${ETL_STATE_PREFIX}bookmarks/${keySegment('job name', job)}.json`);
}

/** `state/etl/runs/`: one record per job run. */
export const ETL_RUNS_PREFIX = `${ETL_STATE_PREFIX}runs/`;

/** Run records sort by key in start order: `state/etl/runs/<yyyyMMddHHmmssSSS>-<job>-<suffix>.json`. */
export function etlRunRecordKey(runId: string): string {
  return validateKey(`${ETL_RUNS_PREFIX}${keySegment('run id', runId)}.json`);
}

/** `state/etl/excluded-files/`: records of raw files taken out of their jobs' input. */
export const ETL_EXCLUSIONS_PREFIX = `${ETL_STATE_PREFIX}excluded-files/`;

/** `state/etl/excluded-files/<first 24 hex of sha256(raw key)>.json`: the exclusion record of one raw file. */
export function etlExclusionKey(rawKey: string): string {
  return `${ETL_EXCLUSIONS_PREFIX}${createHash('sha256').update(rawKey).digest('hex').slice(0, 24)}.json`;
}
