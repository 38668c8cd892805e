export type SourceDbErrorKind =
  /** DATABASE_URL (or the url option) is not a usable postgres:// URL. */
  | 'invalid-url'
  /** AUTOCORP_PG_PORT is not a TCP port number. */
  | 'invalid-port'
  /** Nothing answers at the address, or the connection timed out. */
  | 'unreachable'
  /** The server refused the user name or password. */
  | 'auth-failed'
  /** The server is up but the database named in the URL does not exist. */
  | 'database-missing'
  /** The embedded server's port is taken by another program. */
  | 'port-in-use'
  /** The embedded server of this data folder already runs on another port. */
  | 'already-running'
  /** The `postgres` OS user cannot reach the data folder (running as root). */
  | 'data-dir-inaccessible'
  /** The data folder exists but is not a PostgreSQL data folder. */
  | 'data-dir-invalid'
  /** The platform has no embedded PostgreSQL binaries, or the `postgres` OS user cannot be made. */
  | 'binaries-missing'
  /** initdb or the postgres server failed. */
  | 'server-start-failed'
  /** Applying the committed migrations failed. */
  | 'migration-failed'
  /** wal_level is not `logical`, so change data capture cannot work. */
  | 'wal-level'
  /** COPY ... FROM STDIN failed. */
  | 'copy-failed'
  /** Any other query against the source database failed. */
  | 'query-failed';

/** The one error type of @autocorp/source-db. Messages never contain a password. */
export class SourceDbError extends Error {
  override readonly name = 'SourceDbError';
  constructor(
    readonly kind: SourceDbErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
