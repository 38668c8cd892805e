import { rmdir } from 'node:fs/promises';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import { connectSql } from './connection';
import { cdcStagingRoot, removeStagingLeftovers } from './lake/cdc-staging';
import { cdcStateKeys } from '@autocorp/lake-storage';
import { type CdcOptions, resolveOptions } from './options';
import { readSlot, slotInUseError } from './replication/slot-info';

export interface DropCdcResult {
  readonly slotDropped: boolean;
  readonly publicationDropped: boolean;
}

/**
 * Removes the slot (so PostgreSQL stops keeping WAL for it), the publication and the stored CDC
 * state of the slot, and what killed CDC processes left in its staging folder. Raw files stay. Fails with `slot-in-use` while a CDC process streams from it.
 */
export async function dropCdc(options: CdcOptions): Promise<DropCdcResult> {
  const resolved = resolveOptions(options);
  const sql = await connectSql(resolved.connection, 'autocorp-cdc-drop');
  try {
    const slot = await readSlot(sql, resolved.slotName);
    if (slot?.active) throw slotInUseError(slot);
    if (slot) await sql.query('SELECT pg_drop_replication_slot($1)', [resolved.slotName]);
    const { rowCount } = await sql.query('SELECT 1 FROM pg_publication WHERE pubname = $1', [resolved.publicationName]);
    if (rowCount) await sql.query(`DROP PUBLICATION ${quoteIdentifier(resolved.publicationName)}`);
    const keys = cdcStateKeys(resolved.slotName);
    for (const key of [keys.position, keys.schemaHistory, keys.schemas]) await resolved.store.delete(key);
    const stagingRoot = cdcStagingRoot(resolved.store, resolved.slotName, resolved.tempRoot);
    await removeStagingLeftovers(stagingRoot);
    // Only when empty: a shared tempRoot may hold other slots' stages.
    if (resolved.tempRoot === undefined) await rmdir(stagingRoot).catch(() => undefined);
    return { slotDropped: slot !== undefined, publicationDropped: Boolean(rowCount) };
  } finally {
    await sql.end().catch(() => undefined);
  }
}
