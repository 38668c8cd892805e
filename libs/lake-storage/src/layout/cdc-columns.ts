/**
 * The DMS-style columns every raw database file starts with, in this order, before the table's
 * columns: the operation, the commit timestamp, the commit LSN and the change's order in its
 * transaction. The same names on both profiles (libs/cdc locally, AWS DMS table mappings on AWS).
 */
export const CDC_COLUMNS = {
  /** `I`, `U`, `D`, or `T` (a TRUNCATE, every data column NULL); DMS's own column name. */
  op: 'Op',
  /** DMS's `TimestampColumnName`, the default name of the commit timestamp column. */
  commitTimestamp: '_cdc_commit_ts',
  /** The transaction's commit LSN (DMS `$AR_H_STREAM_POSITION`). */
  commitLsn: '_cdc_commit_lsn',
  /** The change's order inside its transaction (DMS `$AR_H_CHANGE_SEQ`). */
  seq: '_cdc_seq',
} as const;
