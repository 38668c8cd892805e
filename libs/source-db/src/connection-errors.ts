import { SourceDbError } from './source-db-error';

/** What to tell the user on top of the cause, per failure. Defaults fit a DATABASE_URL server. */
export interface ConnectionHints {
  readonly unreachable?: string;
  readonly auth?: string;
  readonly databaseMissing?: string;
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ECONNRESET',
]);

/** Turns an error from connecting with pg into a SourceDbError naming `address` (host:port/db). */
export function connectionError(
  cause: unknown,
  address: string,
  hostPort: string,
  hints: ConnectionHints = {},
): SourceDbError {
  if (cause instanceof SourceDbError) return cause;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const text = cause instanceof Error ? cause.message : String(cause);
  if (code === '28P01' || code === '28000') {
    return new SourceDbError(
      'auth-failed',
      `PostgreSQL at ${address} refused the login (${text}). ${hints.auth ?? 'Check the user name and password in DATABASE_URL.'}`,
      { cause },
    );
  }
  if (code === '3D000') {
    return new SourceDbError(
      'database-missing',
      `PostgreSQL at ${hostPort} has no such database (${text}). ${
        hints.databaseMissing ?? 'Create it (CREATE DATABASE ...) or name an existing database in DATABASE_URL.'
      }`,
      { cause },
    );
  }
  const timedOut = /timeout/i.test(text);
  if ((typeof code === 'string' && UNREACHABLE_CODES.has(code)) || timedOut) {
    return new SourceDbError(
      'unreachable',
      `Cannot reach PostgreSQL at ${address} (${text}). ${
        hints.unreachable ??
        `Is PostgreSQL running at ${hostPort}? Start it, or set DATABASE_URL to a server that runs (unset it to use the embedded server).`
      }`,
      { cause },
    );
  }
  return new SourceDbError('unreachable', `Connecting to PostgreSQL at ${address} failed: ${text}.`, { cause });
}
