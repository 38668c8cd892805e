export type { ObjectBody, ObjectInfo, ObjectStore, PutOptions } from './object-store';
export { StorageError, type StorageErrorKind, isStorageError } from './storage-error';
export { RESERVED_META_SEGMENT, RESERVED_TEMP_PREFIX, compareKeys, validateKey, validatePrefix } from './keys';
export { validateMetadata } from './metadata';
export { type OpenObjectStoreOptions, openObjectStore, resolveLakeUri } from './open-object-store';
export { LocalObjectStore } from './local/local-object-store';
export { S3ObjectStore } from './s3/s3-object-store';
export { DEFAULT_PART_SIZE_BYTES, MIN_PART_SIZE_BYTES, type S3StoreOptions } from './s3/s3-client';
export { parseS3Uri, type S3Location } from './s3/s3-uri';
export {
  ZONES,
  type Zone,
  curatedKey,
  curatedTablePrefix,
  formatIngestDate,
  processedKey,
  processedPrefix,
  RAW_CSV_MAX_SEQUENCE,
  type RawCsvVersion,
  parseRawCsvVersionedName,
  rawCsvKey,
  rawCsvPartitionPrefix,
  rawCsvPrefix,
  rawCsvStem,
  rawCsvVersionKey,
  rawCsvVersionedName,
  rawDatabaseKey,
  rawDatabasePrefix,
  stateKey,
} from './zones';
