import { StorageError } from '../storage-error';

/**
 * The lake's top-level prefixes. `state/` holds pipeline state (positions, transfer manifests).
 * The key shapes under each zone are defined in this folder, one module per zone, and nowhere else.
 */
export const ZONES = {
  raw: 'raw/',
  processed: 'processed/',
  curated: 'curated/',
  state: 'state/',
} as const;
export type Zone = keyof typeof ZONES;

/** A name that becomes one key segment: non-empty and without "/". */
export function keySegment(what: string, value: string): string {
  if (value === '' || value.includes('/')) {
    throw new StorageError(
      'invalid-key',
      `The ${what} ${JSON.stringify(value)} cannot be part of a lake key: it must be one non-empty name without "/".`,
    );
  }
  return value;
}
