import { validateKey } from './keys';
import { StorageError } from './storage-error';

/** The lake's top-level prefixes. `state/` holds pipeline state (positions, transfer manifests). */
export const ZONES = {
  raw: 'raw/',
  processed: 'processed/',
  curated: 'curated/',
  state: 'state/',
} as const;
export type Zone = keyof typeof ZONES;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function segment(what: string, value: string): string {
  if (value === '' || value.includes('/')) {
    throw new StorageError('invalid-key', `The ${what} ${JSON.stringify(value)} cannot be part of a lake key: it must be one non-empty name without "/".`);
  }
  return value;
}

/** A date as the UTC calendar day `YYYY-MM-DD`; strings must already be in that form. */
export function formatIngestDate(date: Date | string): string {
  if (typeof date === 'string') {
    if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
      throw new StorageError('invalid-key', `Ingest date ${JSON.stringify(date)} is not a YYYY-MM-DD day. Pass a Date or a string such as "2024-01-31".`);
    }
    return date;
  }
  if (Number.isNaN(date.getTime())) throw new StorageError('invalid-key', 'Ingest date is an invalid Date. Pass a valid Date or a "YYYY-MM-DD" string.');
  return date.toISOString().slice(0, 10);
}

/** `raw/database/pg_<table>/` : where database extracts of one table land. */
export function rawDatabasePrefix(table: string): string {
  return `${ZONES.raw}database/pg_${segment('table name', table)}/`;
}

/** `raw/database/pg_<table>/<file>` */
export function rawDatabaseKey(table: string, file: string): string {
  return validateKey(`${rawDatabasePrefix(table)}${segment('file name', file)}`);
}

/** `raw/csv/<table>/`, or `raw/csv/` for every table. */
export function rawCsvPrefix(table?: string): string {
  return table === undefined ? `${ZONES.raw}csv/` : `${ZONES.raw}csv/${segment('table name', table)}/`;
}

/** `raw/csv/<table>/ingest_date=YYYY-MM-DD/<file>` (the day in UTC). */
export function rawCsvKey(table: string, ingestDate: Date | string, file: string): string {
  return validateKey(`${rawCsvPrefix(table)}ingest_date=${formatIngestDate(ingestDate)}/${segment('file name', file)}`);
}

/** `raw/csv/<table>/ingest_date=YYYY-MM-DD/`: one table's files landed on one UTC day. */
export function rawCsvPartitionPrefix(table: string, ingestDate: Date | string): string {
  return `${rawCsvPrefix(table)}ingest_date=${formatIngestDate(ingestDate)}/`;
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
  if (!/^[0-9a-f]{12,}$/.test(version.sha256)) throw new StorageError('invalid-key', `The sha256 ${JSON.stringify(version.sha256)} of ${file} is not hex; pass the file's sha256.`);
  return `${stem}.v${String(version.sequence).padStart(4, '0')}.${version.sha256.slice(0, 12)}.csv`;
}

/** The part of a CSV file name that its versions keep: the name without `.csv`. */
export function rawCsvStem(file: string): string {
  return segment('file name', file).replace(/\.csv$/i, '');
}

/** Stem, sequence and hash prefix of a versioned CSV name; undefined for other names. */
export function parseRawCsvVersionedName(name: string): { readonly stem: string; readonly sequence: number; readonly sha256Prefix: string } | undefined {
  const match = VERSIONED_CSV_NAME.exec(name);
  return match ? { stem: match[1] as string, sequence: Number(match[2]), sha256Prefix: match[3] as string } : undefined;
}

/** `raw/csv/<table>/ingest_date=YYYY-MM-DD/<stem>.v<NNNN>.<sha256 prefix>.csv` */
export function rawCsvVersionKey(table: string, ingestDate: Date | string, file: string, version: RawCsvVersion): string {
  return validateKey(`${rawCsvPartitionPrefix(table, ingestDate)}${rawCsvVersionedName(file, version)}`);
}

/** `processed/<table>/` */
export function processedPrefix(table: string): string {
  return `${ZONES.processed}${segment('table name', table)}/`;
}

/** `processed/<table>/<relative path>` */
export function processedKey(table: string, relativePath: string): string {
  return validateKey(`${processedPrefix(table)}${relativePath}`);
}

/** `curated/<table>/` : the root of one curated (Hudi) table. */
export function curatedTablePrefix(table: string): string {
  return `${ZONES.curated}${segment('table name', table)}/`;
}

/** `curated/<table>/<relative path>` */
export function curatedKey(table: string, relativePath: string): string {
  return validateKey(`${curatedTablePrefix(table)}${relativePath}`);
}

/** `state/<part>/<part>...` : pipeline state such as transfer manifests and positions. */
export function stateKey(...parts: string[]): string {
  if (parts.length === 0) throw new StorageError('invalid-key', 'stateKey needs at least one path part, e.g. stateKey("transfer", "manifest.json").');
  return validateKey(`${ZONES.state}${parts.join('/')}`);
}
