import { validateKey } from '../keys';
import { StorageError } from '../storage-error';
import { ZONES, keySegment } from './zones';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `raw/csv/`: the CSV exports, one folder per table, partitioned by the UTC day they landed. */
export const RAW_CSV_PREFIX = `${ZONES.raw}csv/`;

/** The partition column of the raw CSV tables: folders `ingest_date=YYYY-MM-DD`. */
export const INGEST_DATE_KEY = 'ingest_date';

/** A date as the UTC calendar day `YYYY-MM-DD`; strings must already be in that form. */
export function formatIngestDate(date: Date | string): string {
  if (typeof date === 'string') {
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      throw new StorageError(
        'invalid-key',
        `Ingest date ${JSON.stringify(date)} is not a YYYY-MM-DD day. Pass a Date or a string such as "2024-01-31".`,
      );
    }
    return date;
  }
  if (Number.isNaN(date.getTime()))
    throw new StorageError(
      'invalid-key',
      'Ingest date is an invalid Date. Pass a valid Date or a "YYYY-MM-DD" string.',
    );
  return date.toISOString().slice(0, 10);
}

/** `raw/csv/<table>/`, or `raw/csv/` for every table. */
export function rawCsvPrefix(table?: string): string {
  return table === undefined ? RAW_CSV_PREFIX : `${RAW_CSV_PREFIX}${keySegment('table name', table)}/`;
}

/** `ingest_date=YYYY-MM-DD`: the partition folder of one UTC day. */
export function ingestDateFolder(ingestDate: Date | string): string {
  return `${INGEST_DATE_KEY}=${formatIngestDate(ingestDate)}`;
}

/** `raw/csv/<table>/ingest_date=YYYY-MM-DD/<file>` (the day in UTC). */
export function rawCsvKey(table: string, ingestDate: Date | string, file: string): string {
  return validateKey(`${rawCsvPartitionPrefix(table, ingestDate)}${keySegment('file name', file)}`);
}

/** `raw/csv/<table>/ingest_date=YYYY-MM-DD/`: one table's files landed on one UTC day. */
export function rawCsvPartitionPrefix(table: string, ingestDate: Date | string): string {
  return `${rawCsvPrefix(table)}${ingestDateFolder(ingestDate)}/`;
}

const PARTITION_FOLDER = new RegExp(`^${INGEST_DATE_KEY}=(\\d{4}-\\d{2}-\\d{2})$`);

/**
 * Table, ingest day and file name of a CSV key laid out as `raw/csv/<table>/ingest_date=YYYY-MM-DD/<file>.csv`;
 * undefined for any other key (including `.csv` files outside a day partition).
 */
export function parseRawCsvKey(
  key: string,
): { readonly table: string; readonly ingestDate: string; readonly file: string } | undefined {
  if (!key.startsWith(RAW_CSV_PREFIX) || !key.toLowerCase().endsWith('.csv')) return undefined;
  const parts = key.slice(RAW_CSV_PREFIX.length).split('/');
  const [table, partition, file] = parts;
  const ingestDate = partition === undefined ? undefined : PARTITION_FOLDER.exec(partition)?.[1];
  if (parts.length !== 3 || !table || !ingestDate || !file) return undefined;
  return { table, ingestDate, file };
}

/** The table folder of any key under `raw/csv/<table>/` whose name ends in `.csv`; undefined otherwise. */
export function rawCsvTableOf(key: string): string | undefined {
  if (!key.startsWith(RAW_CSV_PREFIX)) return undefined;
  const [table, ...rest] = key.slice(RAW_CSV_PREFIX.length).split('/');
  return table && /.+\.csv$/i.test(rest.join('/')) ? table : undefined;
}

/** One landed version of a CSV export: its number within its table and day, and its content hash. */
export interface RawCsvVersion {
  /** 1 for the first file of that name landed on that day, then 2, 3, ... (at most RAW_CSV_MAX_SEQUENCE). */
  readonly sequence: number;
  /** Hex sha256 of the file; its first 12 characters go into the name. */
  readonly sha256: string;
}

export const RAW_CSV_MAX_SEQUENCE = 9999;
const VERSIONED_CSV_NAME = /^(.+)\.v(\d{4})\.([0-9a-f]{12})\.csv$/;

/**
 * The immutable name of one version of a CSV export: `<stem>.v<sequence, 4 digits>.<first 12 hex
 * of sha256>.csv`, e.g. `sales_orders.v0002.3fa1b2c4d5e6.csv`. Raw keys are never overwritten:
 * a re-export on the same day lands beside the earlier one, and key order is landing order.
 */
export function rawCsvVersionedName(file: string, version: RawCsvVersion): string {
  const stem = rawCsvStem(file);
  if (!Number.isInteger(version.sequence) || version.sequence < 1 || version.sequence > RAW_CSV_MAX_SEQUENCE) {
    throw new StorageError(
      'invalid-key',
      `Version ${version.sequence} of ${file} cannot be named: versions run from 1 to ${RAW_CSV_MAX_SEQUENCE} per table and day. Land further exports on another day.`,
    );
  }
  if (!/^[0-9a-f]{12,}$/.test(version.sha256))
    throw new StorageError(
      'invalid-key',
      `The sha256 ${JSON.stringify(version.sha256)} of ${file} is not hex; pass the file's sha256.`,
    );
  return `${stem}.v${String(version.sequence).padStart(4, '0')}.${version.sha256.slice(0, 12)}.csv`;
}

/** The part of a CSV file name that its versions keep: the name without `.csv`. */
export function rawCsvStem(file: string): string {
  return keySegment('file name', file).replace(/\.csv$/i, '');
}

/** Stem, sequence and hash prefix of a versioned CSV name; undefined for other names. */
export function parseRawCsvVersionedName(
  name: string,
): { readonly stem: string; readonly sequence: number; readonly sha256Prefix: string } | undefined {
  const match = VERSIONED_CSV_NAME.exec(name);
  return match ? { stem: match[1] as string, sequence: Number(match[2]), sha256Prefix: match[3] as string } : undefined;
}

/** `raw/csv/<table>/ingest_date=YYYY-MM-DD/<stem>.v<NNNN>.<sha256 prefix>.csv` */
export function rawCsvVersionKey(
  table: string,
  ingestDate: Date | string,
  file: string,
  version: RawCsvVersion,
): string {
  return validateKey(`${rawCsvPartitionPrefix(table, ingestDate)}${rawCsvVersionedName(file, version)}`);
}
