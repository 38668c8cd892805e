import { validateKey } from '../keys';
import { ZONES, keySegment } from './zones';

/** `raw/database/`: database extracts, one folder per source table (the AWS DMS S3 target layout). */
export const RAW_DATABASE_PREFIX = `${ZONES.raw}database/`;

/** The folder of a source table is its name after this prefix (DMS's schema rename), e.g. `pg_customers`. */
export const RAW_DATABASE_TABLE_FOLDER_PREFIX = 'pg_';

/** `raw/database/pg_<table>/` : where database extracts of one table land. */
export function rawDatabasePrefix(table: string): string {
  return `${RAW_DATABASE_PREFIX}${RAW_DATABASE_TABLE_FOLDER_PREFIX}${keySegment('table name', table)}/`;
}

/** `raw/database/pg_<table>/<file>` */
export function rawDatabaseKey(table: string, file: string): string {
  return validateKey(`${rawDatabasePrefix(table)}${keySegment('file name', file)}`);
}

/**
 * The table folder of a key under `raw/database/` (`pg_<table>`, or a foreign folder name), the
 * source table when the folder has the `pg_` form, and the key's path inside the folder (a file
 * name; DMS date partitioning would add folders). Undefined for keys not inside a table folder.
 */
export function parseRawDatabaseKey(
  key: string,
): { readonly folder: string; readonly table: string | undefined; readonly file: string } | undefined {
  if (!key.startsWith(RAW_DATABASE_PREFIX)) return undefined;
  const [folder, ...rest] = key.slice(RAW_DATABASE_PREFIX.length).split('/');
  const file = rest.join('/');
  if (!folder || file === '') return undefined;
  const table = folder.startsWith(RAW_DATABASE_TABLE_FOLDER_PREFIX)
    ? folder.slice(RAW_DATABASE_TABLE_FOLDER_PREFIX.length)
    : undefined;
  return { folder, table: table === '' ? undefined : table, file };
}

const LOAD_FILE = /\/LOAD\d{8}\.parquet$/;

/** Full-load files: `raw/database/pg_<table>/LOAD00000001.parquet`, `LOAD00000002.parquet`, ... */
export function loadFileKey(table: string, fileNumber: number): string {
  return rawDatabaseKey(table, `LOAD${String(fileNumber).padStart(8, '0')}.parquet`);
}

/** Full-load file keys as a SQL LIKE pattern on a file path (AWS DMS writes the same names). */
export const LOAD_FILE_LIKE = '%/LOAD%.parquet';

/** True for a full-load file key (`.../LOAD<8 digits>.parquet`). */
export function isLoadFileKey(key: string): boolean {
  return LOAD_FILE.test(key);
}
