import { StorageError } from '../storage-error';
import { type Lsn, lsnHex16 } from './lsn';
import { rawDatabaseKey } from './raw-database';

/** A change's place in the stream: its transaction's commit LSN and its order inside that transaction. */
export interface ChangePosition {
  readonly lsn: Lsn;
  readonly seq: number;
}

export function comparePositions(a: ChangePosition, b: ChangePosition): number {
  if (a.lsn !== b.lsn) return a.lsn < b.lsn ? -1 : 1;
  return a.seq - b.seq;
}

const CDC_FILE = /\/(\d{8}-\d{9})-([0-9A-F]{16})-([0-9A-F]{8})-([0-9A-F]{16})-([0-9A-F]{8})\.parquet$/;

/**
 * CDC files: `raw/database/pg_<table>/<commit time yyyyMMdd-HHmmssSSS>-<first commit LSN>-<first seq>-<last commit LSN>-<last seq>.parquet`
 * (hex, fixed width). The time is the first commit time, never earlier than the previous file's,
 * so names sort in commit order; the LSN range says exactly which changes the file holds.
 */
export function cdcFileKey(table: string, commitTime: Date, first: ChangePosition, last: ChangePosition): string {
  return rawDatabaseKey(
    table,
    `${formatFileTime(commitTime)}-${lsnHex16(first.lsn)}-${seqHex8(first.seq)}-${lsnHex16(last.lsn)}-${seqHex8(last.seq)}.parquet`,
  );
}

export interface CdcFileName {
  /** The commit time in the name, `yyyyMMdd-HHmmssSSS` (parseFileTime reads it). */
  readonly time: string;
  readonly first: ChangePosition;
  readonly last: ChangePosition;
}

/** Parses a CDC file key; undefined for other files (full load, foreign files). */
export function parseCdcFileKey(key: string): CdcFileName | undefined {
  const match = CDC_FILE.exec(key);
  if (!match) return undefined;
  const [, time, firstLsn, firstSeq, lastLsn, lastSeq] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  return {
    time,
    first: { lsn: BigInt(`0x${firstLsn}`), seq: Number.parseInt(firstSeq, 16) },
    last: { lsn: BigInt(`0x${lastLsn}`), seq: Number.parseInt(lastSeq, 16) },
  };
}

function seqHex8(seq: number): string {
  if (!Number.isInteger(seq) || seq < 0 || seq > 0xffffffff) {
    throw new StorageError(
      'invalid-key',
      `Change sequence ${seq} does not fit a CDC file name (8 hex digits): a transaction holds more than 4 billion changes.`,
    );
  }
  return seq.toString(16).toUpperCase().padStart(8, '0');
}

/** `yyyyMMdd-HHmmssSSS` in UTC. */
export function formatFileTime(time: Date): string {
  const iso = time.toISOString(); // 2024-01-31T12:34:56.789Z
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}${iso.slice(20, 23)}`;
}

/** Reads the time of a CDC file name back. */
export function parseFileTime(text: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})$/.exec(text);
  const time = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`) : undefined;
  if (!time || Number.isNaN(time.getTime())) {
    throw new StorageError(
      'invalid-key',
      `"${text}" is not a CDC file time (yyyyMMdd-HHmmssSSS, UTC); the file name was not written by libs/cdc.`,
    );
  }
  return time;
}
