import type { DbAddress } from './address';
import { SourceDbError } from './source-db-error';

const DEFAULT_PORT = 5432;

/**
 * Validates a postgres:// (or postgresql://) URL and returns its address. The password is
 * never echoed back in errors; query parameters (sslmode, ...) are left to pg.
 */
export function parseDatabaseUrl(url: string, source = 'DATABASE_URL'): DbAddress {
  const fix = `Set ${source} to postgres://user:password@host:5432/database, or unset it to use the embedded server.`;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch (cause) {
    throw new SourceDbError('invalid-url', `${source} is not a URL (${redactUrl(url)}). ${fix}`, { cause });
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new SourceDbError(
      'invalid-url',
      `${source} has scheme "${parsed.protocol.replace(/:$/, '')}", expected postgres or postgresql. ${fix}`,
    );
  }
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') {
    throw new SourceDbError('invalid-url', `${source} names no host (${redactUrl(url)}). ${fix}`);
  }
  const port = parsed.port === '' ? DEFAULT_PORT : Number(parsed.port);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (database === '' || database.includes('/')) {
    throw new SourceDbError(
      'invalid-url',
      `${source} names no database (${redactUrl(url)}): add it as the path. ${fix}`,
    );
  }
  const user = decodeURIComponent(parsed.username);
  if (user === '') {
    throw new SourceDbError('invalid-url', `${source} names no user (${redactUrl(url)}). ${fix}`);
  }
  return { host, port, database, user };
}

/** The URL with its password replaced by `***`, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/@]*:)[^@]*@/i, '$1***@');
}
