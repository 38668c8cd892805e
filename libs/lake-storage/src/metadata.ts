import { StorageError } from './storage-error';

const METADATA_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** S3's limit on user metadata (names plus values). */
const MAX_METADATA_BYTES = 2048;

/**
 * Checks user metadata so it round-trips on every backend: S3 sends it as HTTP headers,
 * which lowercases names and only carries ASCII.
 */
export function validateMetadata(key: string, metadata: Readonly<Record<string, string>> | undefined): void {
  if (metadata === undefined) return;
  let total = 0;
  for (const [name, value] of Object.entries(metadata)) {
    if (!METADATA_NAME.test(name)) {
      throw new StorageError(
        'invalid-metadata',
        `Metadata name ${JSON.stringify(name)} for ${key} is not valid: use lowercase letters, digits, "-" and "_", starting with a letter or digit.`,
      );
    }
    if (typeof value !== 'string' || !PRINTABLE_ASCII.test(value)) {
      throw new StorageError(
        'invalid-metadata',
        `Metadata "${name}" for ${key} must be printable ASCII text; encode other values (e.g. with encodeURIComponent) first.`,
      );
    }
    total += name.length + value.length;
  }
  if (total > MAX_METADATA_BYTES) {
    throw new StorageError(
      'invalid-metadata',
      `Metadata for ${key} is ${total} bytes; the limit is ${MAX_METADATA_BYTES}. Store large values as an object instead.`,
    );
  }
}
