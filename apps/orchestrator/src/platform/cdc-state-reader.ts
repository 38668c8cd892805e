import { createHash } from 'node:crypto';
import type { TableState } from '@autocorp/cdc';
import { type ObjectStore, cdcStateKeys } from '@autocorp/lake-storage';

/** Per-table CDC states as the status reports them, read from the slot's position.json (empty before the first start). */
export async function readCdcTableStates(
  store: ObjectStore,
  slot: string,
): Promise<{ table: string; state: string; reason: string | null }[]> {
  const key = cdcStateKeys(slot).position;
  if (!(await store.head(key))) return [];
  const stored = JSON.parse((await store.getBytes(key)).toString('utf8')) as {
    tables?: Record<string, TableState>;
  };
  return Object.entries(stored.tables ?? {}).map(([table, s]) => ({
    table,
    state: s.state,
    reason: s.state === 'errored' ? `${s.reason} ${s.solution}` : null,
  }));
}

/** A digest of the slot's current table shapes (schemas.json): it changes when a source table's columns change. */
export async function cdcSchemaDigest(store: ObjectStore, slot: string): Promise<string | undefined> {
  const key = cdcStateKeys(slot).schemas;
  if (!(await store.head(key))) return undefined;
  return createHash('sha256')
    .update(await store.getBytes(key))
    .digest('hex');
}
