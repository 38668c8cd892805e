import pg from 'pg';
import { type DbAddress, formatAddress } from './address';
import { type ConnectionHints, connectionError } from './connection-errors';

const CONNECT_TIMEOUT_MS = 10_000;

/** Connects once and runs `SELECT 1`; throws a SourceDbError that names the address on failure. */
export async function verifyConnection(
  config: pg.ClientConfig,
  address: DbAddress,
  hints?: ConnectionHints,
): Promise<void> {
  const client = new pg.Client({ connectionTimeoutMillis: CONNECT_TIMEOUT_MS, ...config });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (cause) {
    throw connectionError(cause, formatAddress(address), `${address.host}:${address.port}`, hints);
  } finally {
    await client.end().catch(() => undefined);
  }
}
