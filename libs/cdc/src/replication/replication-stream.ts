import type pg from 'pg';
import { CdcError } from '../cdc-error';
import { quoteIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';
import { type Lsn, formatLsn, parseLsn } from '../lsn';
import { copyBothQuery } from './copy-both-query';
import { standbyStatusUpdate } from './copy-both-frames';
import { FrameQueue } from './frame-queue';

export interface ExportedSnapshot {
  readonly consistentPoint: Lsn;
  readonly snapshotName: string;
}

/**
 * Creates the logical slot (pgoutput) on a replication connection and exports its snapshot.
 * The snapshot stays usable by other sessions (SET TRANSACTION SNAPSHOT) until this connection
 * runs another command or closes.
 */
export async function createSlotWithSnapshot(replication: pg.Client, slotName: string): Promise<ExportedSnapshot> {
  let result: pg.QueryResult<{ consistent_point: string; snapshot_name: string }>;
  try {
    result = await replication.query(
      `CREATE_REPLICATION_SLOT ${quoteIdentifier(slotName)} LOGICAL pgoutput (SNAPSHOT 'export')`,
    );
  } catch (error) {
    if (!/syntax error/i.test((error as Error).message)) throw error;
    // Servers before PostgreSQL 15 only know the older keyword form.
    result = await replication.query(
      `CREATE_REPLICATION_SLOT ${quoteIdentifier(slotName)} LOGICAL pgoutput EXPORT_SNAPSHOT`,
    );
  }
  const row = result.rows[0];
  if (!row)
    throw new CdcError(
      'replication-failed',
      `CREATE_REPLICATION_SLOT for "${slotName}" returned no row; check the server log.`,
    );
  return { consistentPoint: parseLsn(row.consistent_point), snapshotName: row.snapshot_name };
}

/** A running START_REPLICATION: frames to take, status updates to send. */
export interface ReplicationStream {
  readonly frames: FrameQueue;
  sendStatus(written: Lsn, flushed: Lsn, replyRequested?: boolean): void;
  /** Ends the copy (CopyDone) and waits briefly for the server to finish it. */
  end(): Promise<void>;
}

export function startReplication(
  replication: pg.Client,
  slotName: string,
  publicationName: string,
  startLsn: Lsn,
): ReplicationStream {
  const options = [
    `proto_version '2'`,
    `publication_names ${quoteLiteral(quoteIdentifier(publicationName))}`,
    `streaming 'on'`,
    `messages 'true'`,
  ];
  const sql = `START_REPLICATION SLOT ${quoteIdentifier(slotName)} LOGICAL ${formatLsn(startLsn)} (${options.join(', ')})`;
  const copy = replication.query(copyBothQuery(sql));
  const frames = new FrameQueue(copy);
  return {
    frames,
    sendStatus(written, flushed, replyRequested = false) {
      if (copy.writable && !copy.writableEnded) copy.write(standbyStatusUpdate(written, flushed, replyRequested));
    },
    async end() {
      if (copy.writableEnded) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        copy.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        copy.once('error', () => {
          clearTimeout(timer);
          resolve();
        });
        copy.end();
        copy.resume();
      });
    },
  };
}
