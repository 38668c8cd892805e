import { CdcError } from '../cdc-error';

/** Why the replication stream ended while CDC was not stopping, as the CdcError that says what to do. */
export function streamEndedError(slotName: string, cause: unknown): CdcError {
  const text = cause instanceof Error ? cause.message : 'the server closed the connection';
  if (/is active for PID/i.test(text)) {
    return new CdcError(
      'slot-in-use',
      `Replication slot "${slotName}" is already streaming to another process (${text}). Stop the other CDC process first, or give this one its own slotName.`,
      { cause },
    );
  }
  if (/wal_level|logical decoding requires/i.test(text)) {
    return new CdcError(
      'wal-level',
      `Logical decoding is off on the server (${text}). Set wal_level = logical and restart PostgreSQL.`,
      { cause },
    );
  }
  if (/invalidated|can no longer be used|required WAL/i.test(text)) {
    return new CdcError(
      'slot-invalidated',
      `Replication slot "${slotName}" can no longer be used (${text}). Run dropCdc, then start CDC again to take a new full load.`,
      { cause },
    );
  }
  return new CdcError(
    'replication-failed',
    `The replication stream of slot "${slotName}" stopped: ${text}. Nothing beyond the stored position was acknowledged; start CDC again to resume from it.`,
    { cause },
  );
}
