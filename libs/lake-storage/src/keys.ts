import { StorageError } from './storage-error';

/** Folder at the local store's root that holds checksums and metadata; no key may live under it. */
export const RESERVED_META_SEGMENT = '.lake-meta';
/** Name prefix of in-flight temporary files; no key segment may start with it. */
export const RESERVED_TEMP_PREFIX = '.lake-tmp-';

/** S3's limit on a key, in UTF-8 bytes. */
const MAX_KEY_BYTES = 1024;
/** The usual filesystem limit on one name, in bytes. */
const MAX_SEGMENT_BYTES = 255;
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function reject(key: string, problem: string): never {
  throw new StorageError(
    'invalid-key',
    `Object key ${JSON.stringify(key)} is not valid: ${problem}. Keys are relative paths such as "raw/csv/customers/ingest_date=2024-01-31/customers.csv".`,
  );
}

function checkSegment(key: string, segment: string, index: number): void {
  if (segment === '') reject(key, 'it has an empty segment (a leading "/", a trailing "/" or "//")');
  if (segment === '.' || segment === '..') reject(key, `it has a "${segment}" segment`);
  if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
    reject(key, `segment "${segment.slice(0, 40)}..." is longer than ${MAX_SEGMENT_BYTES} bytes`);
  if (index === 0 && segment === RESERVED_META_SEGMENT)
    reject(key, `"${RESERVED_META_SEGMENT}/" is reserved for the store's own metadata`);
  if (segment.startsWith(RESERVED_TEMP_PREFIX))
    reject(key, `names starting with "${RESERVED_TEMP_PREFIX}" are reserved for temporary files`);
}

function checkCharacters(key: string): void {
  if (typeof key !== 'string') reject(String(key), 'it is not a string');
  if (CONTROL_CHARS.test(key)) reject(key, 'it contains a control character');
  if (key.includes('\\')) reject(key, 'it contains a backslash; use "/" as the separator');
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) reject(key, `it is longer than ${MAX_KEY_BYTES} bytes`);
}

/** Throws StorageError `invalid-key` unless `key` is a valid object key; the same rules on every backend. */
export function validateKey(key: string): string {
  checkCharacters(key);
  if (key === '') reject(key, 'it is empty');
  key.split('/').forEach((segment, i) => checkSegment(key, segment, i));
  return key;
}

/**
 * Validates a list prefix: empty (everything), a folder ending in "/", or a partial key.
 * Every complete segment obeys the key rules; the last, partial one is only a string filter.
 */
export function validatePrefix(prefix: string): string {
  checkCharacters(prefix);
  const segments = prefix.split('/');
  segments.slice(0, -1).forEach((segment, i) => checkSegment(prefix, segment, i));
  return prefix;
}

/** Compares keys in UTF-8 byte order, which is S3's list order. */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  // Strings of ASCII compare the same either way; only convert when needed.
  if (/^[\u0000-\u007f]*$/.test(a) && /^[\u0000-\u007f]*$/.test(b)) return a < b ? -1 : 1;
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}
