export { HudiError, type HudiErrorKind } from './hudi-error';
export { type Storage, type StorageEntry } from './storage/storage';
export { LocalStorage } from './storage/local-storage';
export { type TableConfig, type KeyGeneratorKind, PROPERTIES_PATH, parseTableConfig } from './config/table-config';
export {
  type HudiConfig,
  type ConfigSource,
  HudiTableConfig,
  HudiWriteConfig,
  HudiSyncConfig,
  HudiReadConfig,
  KEY_GENERATORS,
  DEFAULT_PAYLOAD_CLASS,
  readConfig,
} from './config/hudi-configs';
export { tableChecksum } from './config/table-checksum';
export { buildPartitionPath, parsePartitionPath, DEFAULT_PARTITION_PATH } from './config/partition-path';
export {
  type Instant,
  type InstantAction,
  type InstantState,
  instantFileName,
  parseInstantFileName,
} from './timeline/instant';
export { formatInstantTime, parseInstantTime, toInstantTime, newInstantTime } from './timeline/instant-time';
export { Timeline } from './timeline/timeline';
export { type CommitMetadata, type WriteStat, type WriteOperationType } from './timeline/commit-metadata';
export { type BaseFile, parseBaseFileName, baseFileName } from './file-group/base-file';
export { type FileSlice, type FileGroup } from './file-group/file-slice';
export { FileSystemView } from './file-group/file-system-view';
export { META_FIELDS } from './schema/meta-fields';
export { type TableSchema, type TableField } from './schema/table-schema';
export { HudiTable, type TableLocation } from './table/hudi-table';
export { type TableSnapshot } from './table/table-snapshot';
export { type MaintainOptions, type MaintainResult } from './table/maintain';
export { type ReadQuery, type QueryPlan, type QueryFile, type ReadOptions } from './table/read-query';
export { type PartitionFilter, type PartitionPredicate, type PartitionOperator } from './table/partition-filter';
export { readAvroContainer, writeAvroContainer } from './avro/container-file';
export { createTable, type CreateTableOptions } from './table/create-table';
export {
  type WriteOperation,
  type WriteOptions,
  type WriteResult,
  WRITE_OPERATIONS,
  type IndexType,
  INDEX_TYPES,
} from './table/write/write-options';
export { TableLock, LOCK_PATH, type LockOwner, type LockOptions, type LockClock } from './table/table-lock';
export { DynamicBloomFilter } from './bloom/dynamic-bloom-filter';
