import pg from 'pg';
import { formatAddress } from './address';
import { connectionError } from './connection-errors';

/** Creates `database` on the server when missing (connects to the `postgres` database to do so). */
export async function ensureDatabase(
  config: pg.ClientConfig & { host: string; port: number },
  database: string,
): Promise<void> {
  const client = new pg.Client({ ...config, database: 'postgres', connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((cause: { code?: string }) => {
        if (cause.code !== '42P04') throw cause; // created meanwhile by another process
      });
    }
  } catch (cause) {
    throw connectionError(
      cause,
      formatAddress({ host: config.host, port: config.port, database: 'postgres' }),
      `${config.host}:${config.port}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
