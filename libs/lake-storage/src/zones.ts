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
