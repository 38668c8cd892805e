import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import { pgMicrosToUnixMicros } from '../pg-time';
import { decodePgOutput } from '../pgoutput/decode-pgoutput';

/**
 * Commit time (microseconds since the Unix epoch) of the oldest transaction of the publication that the slot has not acknowledged;
 * undefined when none is pending (only WAL of other tables, heartbeats, checkpoints).
 * Peeks a temporary copy of the slot, so the slot itself is never held (a CDC process may
 * start on it at any moment) and nothing is consumed. Decodes WAL from the slot's restart
 * point up to the end of that first transaction.
 */
export async function oldestPendingCommit(
  client: pg.Client,
  slotName: string,
  publicationName: string,
): Promise<bigint | undefined> {
  const probe = `autocorp_lag_probe_${randomBytes(6).toString('hex')}`;
  await client.query('SELECT pg_copy_logical_replication_slot($1, $2, true)', [slotName, probe]);
  try {
    const { rows } = await client.query<{ data: Buffer }>(
      `SELECT data FROM pg_logical_slot_peek_binary_changes($1, NULL, 1, 'proto_version', '1', 'publication_names', $2)`,
      [probe, quoteIdentifier(publicationName)],
    );
    const first = rows[0];
    if (!first) return undefined;
    const message = decodePgOutput(first.data, false);
    return message.tag === 'begin' ? pgMicrosToUnixMicros(message.commitTime) : undefined;
  } finally {
    await client.query('SELECT pg_drop_replication_slot($1)', [probe]).catch(() => undefined);
  }
}
