export { CdcError, type CdcErrorKind } from './cdc-error';
export type { CdcConnection } from './connection';
export type { CdcOptions } from './options';
export { type Lsn, formatLsn, parseLsn } from './lsn';
export { type FullLoadResult, type FullLoadTableResult, runFullLoad } from './full-load/run-full-load';
export {
  type CdcBatch,
  type CdcEvents,
  type CdcRunner,
  type CdcStatusSent,
  type CdcRunSummary,
  HEARTBEAT_PREFIX,
  type StartCdcOptions,
  startCdc,
} from './stream/cdc-runner';
export type { WrittenFile } from './stream/write-batch-files';
export { runCdcUntilIdle } from './run-cdc-until-idle';
export {
  type CdcLagBasis,
  type CdcStatus,
  type CdcStatusOptions,
  type CdcStatusUnknownField,
  cdcStatus,
} from './cdc-status';
export { type DropCdcResult, dropCdc } from './drop-cdc';
export type { TableState, TableStateName } from './state/table-state';
export { type CdcState, readCdcState } from './state/cdc-state';
export type { LakeColumn, SchemaEvent } from './state/schema-history';
export { lakeType } from './lake/column-types';
export { decodePgOutput } from './pgoutput/decode-pgoutput';
export type { PgOutputMessage } from './pgoutput/messages';
