import { CDC_COLUMNS, DEFAULT_CDC_SLOT } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import { CdcError } from './cdc-error';
import type { CdcConnection } from './connection';
import type { ObjectStore } from './lake/object-store';

/** Options shared by the full load, the stream, status and drop. */
export interface CdcOptions {
  /** The source database (pg client config: connectionString or host/port/user/password/database). */
  readonly connection: CdcConnection;
  /** The lake; raw files and state are written through it only. */
  readonly store: ObjectStore;
  /** Logical replication slot, default `autocorp_cdc` (DEFAULT_CDC_SLOT of @autocorp/lake-storage). */
  readonly slotName?: string;
  /** Publication, default the slot's default name. */
  readonly publicationName?: string;
  /** Source schema, default `public`. */
  readonly schema?: string;
  /** Tables to capture, default the seven source tables. */
  readonly tables?: readonly string[];
  /** Most rows in one Parquet file (full load and CDC), default 500,000. */
  readonly maxRowsPerFile?: number;
  /** Cut CDC files after this long since the oldest pending change arrived, default 1000 ms (after half of it once the stream has gone quiet: see CdcBatch.reason). */
  readonly cutIntervalMs?: number;
  /** Cut CDC files once the pending changes hold this many bytes of values, default 64 MiB. */
  readonly maxBytesPerBatch?: number;
  /** Name of the commit timestamp column (DMS TimestampColumnName), default `_cdc_commit_ts`. */
  readonly commitTimestampColumn?: string;
  /** Emit a heartbeat (pg_logical_emit_message) after this long without changes, default 10 s. */
  readonly heartbeatIntervalMs?: number;
  /** Send a standby status update at least this often, default 10 s. */
  readonly statusIntervalMs?: number;
  /** Tables copied at once during the full load, default 2. */
  readonly fullLoadConcurrency?: number;
  /**
   * Parent of temporary files (CSV and DuckDB spill, Parquet before upload). Default: the slot's state folder
   * in a local lake, else the AUTOCORP_HOME state folder; never the OS temp folder. Leftovers of killed processes are removed at start.
   */
  readonly tempRoot?: string;
  /** How long to wait for a slot still held by a dead predecessor before failing with `slot-in-use`, default 15 s. */
  readonly slotBusyTimeoutMs?: number;
  /** Receives the full load's progress: one `full-load` task per table, in rows (total: PostgreSQL's estimate). The library draws nothing. */
  readonly onProgress?: ProgressListener;
}

export interface ResolvedOptions {
  readonly connection: CdcConnection;
  readonly store: ObjectStore;
  readonly slotName: string;
  readonly publicationName: string;
  readonly schema: string;
  readonly tables: readonly string[];
  readonly maxRowsPerFile: number;
  readonly cutIntervalMs: number;
  readonly maxBytesPerBatch: number;
  readonly commitTimestampColumn: string;
  readonly heartbeatIntervalMs: number;
  readonly statusIntervalMs: number;
  readonly fullLoadConcurrency: number;
  readonly tempRoot: string | undefined;
  readonly slotBusyTimeoutMs: number;
  readonly onProgress: ProgressListener | undefined;
}

const NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function positive(name: string, value: number | undefined, fallback: number): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || v <= 0)
    throw new CdcError(
      'invalid-option',
      `Option ${name} is ${String(value)}; give a positive number (default ${fallback}).`,
    );
  return v;
}

function identifier(name: string, value: string | undefined, fallback: string): string {
  const v = value ?? fallback;
  if (!NAME.test(v)) {
    throw new CdcError(
      'invalid-option',
      `Option ${name} is "${v}"; use lower-case letters, digits and underscores, starting with a letter (at most 63), e.g. "${fallback}".`,
    );
  }
  return v;
}

export function resolveOptions(options: CdcOptions): ResolvedOptions {
  const tables = options.tables ?? SOURCE_TABLE_NAMES;
  if (tables.length === 0)
    throw new CdcError('invalid-option', 'Option tables is empty; name at least one table to capture.');
  return {
    connection: options.connection,
    store: options.store,
    slotName: identifier('slotName', options.slotName, DEFAULT_CDC_SLOT),
    publicationName: identifier('publicationName', options.publicationName, DEFAULT_CDC_SLOT),
    schema: options.schema ?? 'public',
    tables: [...tables],
    maxRowsPerFile: Math.floor(positive('maxRowsPerFile', options.maxRowsPerFile, 500_000)),
    cutIntervalMs: positive('cutIntervalMs', options.cutIntervalMs, 1000),
    maxBytesPerBatch: positive('maxBytesPerBatch', options.maxBytesPerBatch, 64 * 1024 * 1024),
    commitTimestampColumn: options.commitTimestampColumn ?? CDC_COLUMNS.commitTimestamp,
    heartbeatIntervalMs: positive('heartbeatIntervalMs', options.heartbeatIntervalMs, 10_000),
    statusIntervalMs: positive('statusIntervalMs', options.statusIntervalMs, 10_000),
    fullLoadConcurrency: Math.floor(positive('fullLoadConcurrency', options.fullLoadConcurrency, 2)),
    tempRoot: options.tempRoot,
    slotBusyTimeoutMs: positive('slotBusyTimeoutMs', options.slotBusyTimeoutMs, 15_000),
    onProgress: options.onProgress,
  };
}
