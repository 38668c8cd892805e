import { type Lsn, formatLsn } from '@autocorp/cdc';
import pg from 'pg';

export interface Lag {
  /** WAL bytes written after the acknowledged position (null when unknown). */
  readonly bytes: number | null;
  /** The walsender's flush lag as PostgreSQL reports it (null when not measured yet). */
  readonly seconds: number | null;
}

export interface LagProbe {
  measure(ackLsn: Lsn): Promise<Lag>;
  close(): Promise<void>;
}

/** The application name of the CDC stream's replication connection (@autocorp/cdc). */
const CDC_STREAM_APPLICATION = 'autocorp-cdc-stream';

/**
 * Asks PostgreSQL how far CDC is behind: bytes of WAL past the acknowledged position, and the
 * walsender's flush lag. One connection, one question at a time (a question while one is running
 * gets the last answer); a failed question answers "unknown".
 */
export async function openLagProbe(connection: pg.ClientConfig): Promise<LagProbe> {
  const client = new pg.Client({ ...connection, application_name: 'autocorp-platform-lag' });
  client.on('error', () => undefined);
  await client.connect();
  let inFlight: Promise<Lag> | undefined;
  let last: Lag = { bytes: null, seconds: null };
  return {
    measure(ackLsn) {
      if (inFlight) return Promise.resolve(last);
      inFlight = client
        .query<{ bytes: string | null; seconds: number | null }>(
          `SELECT greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn), 0)::bigint::text AS bytes,
             (SELECT extract(epoch FROM flush_lag)::float8 FROM pg_stat_replication
               WHERE application_name = $2 ORDER BY backend_start DESC LIMIT 1) AS seconds`,
          [formatLsn(ackLsn), CDC_STREAM_APPLICATION],
        )
        .then(({ rows }) => {
          const row = rows[0];
          last = {
            bytes: row?.bytes == null ? null : Number(row.bytes),
            seconds: row?.seconds == null ? (last.seconds === null ? null : 0) : Number(row.seconds),
          };
          return last;
        })
        .catch(() => ({ bytes: null, seconds: null }))
        .finally(() => (inFlight = undefined));
      return inFlight;
    },
    async close() {
      await inFlight;
      await client.end().catch(() => undefined);
    },
  };
}
