// The lake's key layout: every key shape of every zone, defined once. Pure functions, no I/O;
// also published alone as `@autocorp/lake-storage/layout` for packages that need no store.
export { ZONES, type Zone } from './zones';
export {
  LOAD_FILE_LIKE,
  RAW_DATABASE_PREFIX,
  RAW_DATABASE_TABLE_FOLDER_PREFIX,
  isLoadFileKey,
  loadFileKey,
  parseRawDatabaseKey,
  rawDatabaseKey,
  rawDatabasePrefix,
} from './raw-database';
export {
  type CdcFileName,
  type ChangePosition,
  cdcFileKey,
  comparePositions,
  formatFileTime,
  parseCdcFileKey,
  parseFileTime,
} from './cdc-files';
export { CDC_COLUMNS } from './cdc-columns';
export { type Lsn, formatLsn, lsnHex16, tryParseLsn } from './lsn';
export {
  INGEST_DATE_KEY,
  RAW_CSV_MAX_SEQUENCE,
  RAW_CSV_PREFIX,
  type RawCsvVersion,
  formatIngestDate,
  ingestDateFolder,
  parseRawCsvKey,
  parseRawCsvVersionedName,
  rawCsvKey,
  rawCsvPartitionPrefix,
  rawCsvPrefix,
  rawCsvStem,
  rawCsvTableOf,
  rawCsvVersionKey,
  rawCsvVersionedName,
} from './raw-csv';
export { processedKey, processedPrefix, quarantineKey, quarantinePrefix } from './processed';
export { curatedKey, curatedTableFolder, curatedTablePrefix } from './curated';
export {
  CSV_TRANSFER_LEDGER_KEY,
  CSV_TRANSFER_STAGING_PREFIX,
  DEFAULT_CDC_SLOT,
  ETL_EXCLUSIONS_PREFIX,
  ETL_RUNS_PREFIX,
  ETL_STATE_PREFIX,
  cdcStateKeys,
  csvTransferFindingsKey,
  csvTransferRunKey,
  csvTransferSourceManifestKey,
  csvTransferStagingKey,
  etlBookmarkKey,
  etlExclusionKey,
  etlRunRecordKey,
  stateKey,
} from './state';
