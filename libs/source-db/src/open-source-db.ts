import { resolveStateHome } from '@autocorp/config';
import { type DrizzleSchema, drizzleSchema } from '@autocorp/schema';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { buildPostgresUrl, type DbAddress, formatAddress } from './address';
import { parseDatabaseUrl } from './database-url';
import { ensureEmbeddedServer } from './embedded-server';
import { embeddedPort } from './ports';
import { verifyConnection } from './verify-connection';

export interface OpenSourceDbOptions {
  /** A postgres:// URL to use instead of DATABASE_URL and the embedded server. */
  readonly url?: string;
  /** Environment to read DATABASE_URL, AUTOCORP_HOME, AUTOCORP_PG_PORT from (default process.env). */
  readonly env?: NodeJS.ProcessEnv;
  /** Base for a relative AUTOCORP_HOME (default process.cwd()). */
  readonly cwd?: string;
  /** Pool size (default 10). */
  readonly poolMax?: number;
  /** Notes about the embedded server's lifecycle (initialising, starting, recovering). */
  readonly onLog?: (line: string) => void;
}

/** Where the connection came from. */
export type SourceDbOrigin = 'url' | 'embedded-started' | 'embedded-running';

/** An open source database. */
export interface SourceDb {
  /** postgres:// URL with credentials, for other tools (e.g. a replication connection). */
  readonly url: string;
  readonly address: DbAddress;
  /** `host:port/database`, for messages; never contains the password. */
  readonly displayAddress: string;
  readonly origin: SourceDbOrigin;
  /** For `new pg.Client(...)`; add `replication: 'database'` for a logical replication connection. */
  readonly connectionConfig: pg.ClientConfig;
  readonly pool: pg.Pool;
  readonly db: NodePgDatabase<DrizzleSchema>;
  /** Ends the pool; stops the embedded server when this process started it. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Opens the source database: `options.url`, else DATABASE_URL (any PostgreSQL server), else the
 * embedded server in `<AUTOCORP_HOME>/postgres/data` on AUTOCORP_PG_PORT (default 54329),
 * started if needed. The connection is verified before this returns.
 */
export async function openSourceDb(options: OpenSourceDbOptions = {}): Promise<SourceDb> {
  const env = options.env ?? process.env;
  const configuredUrl = options.url ?? (env.DATABASE_URL?.trim() || undefined);
  if (configuredUrl !== undefined) {
    const address = parseDatabaseUrl(configuredUrl, options.url !== undefined ? 'The url option' : 'DATABASE_URL');
    const connectionConfig: pg.ClientConfig = { connectionString: configuredUrl };
    await verifyConnection(connectionConfig, address);
    return assemble(configuredUrl, address, 'url', connectionConfig, options, async () => undefined);
  }
  const home = resolveStateHome(env, options.cwd);
  const server = await ensureEmbeddedServer({ home, port: embeddedPort(env), onLog: options.onLog });
  const { address, password } = server;
  const connectionConfig: pg.ClientConfig = {
    host: address.host,
    port: address.port,
    user: address.user,
    password,
    database: address.database,
  };
  return assemble(
    buildPostgresUrl(address, password),
    address,
    server.startedHere ? 'embedded-started' : 'embedded-running',
    connectionConfig,
    options,
    server.release,
  );
}

function assemble(
  url: string,
  address: DbAddress,
  origin: SourceDbOrigin,
  connectionConfig: pg.ClientConfig,
  options: OpenSourceDbOptions,
  releaseServer: () => Promise<void>,
): SourceDb {
  const pool = new pg.Pool({ ...connectionConfig, max: options.poolMax ?? 10, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = drizzle({ client: pool, schema: drizzleSchema });
  let closing: Promise<void> | undefined;
  return {
    url,
    address,
    displayAddress: formatAddress(address),
    origin,
    connectionConfig,
    pool,
    db,
    close() {
      closing ??= (async () => {
        try {
          await pool.end();
        } finally {
          await releaseServer();
        }
      })();
      return closing;
    },
  };
}
