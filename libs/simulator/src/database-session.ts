import pg from 'pg';
import type { PlannedTransaction } from './operations/planned-transaction';
import { SimulatorError } from './simulator-error';

export const APPLICATION_NAME = 'autocorp-simulator';

/** Where the simulator connects: a postgres:// URL or a `pg` client configuration. */
export type SimulatorConnection = string | pg.ClientConfig;

export function describeConnection(connection: SimulatorConnection): string {
  if (typeof connection === 'string') {
    try {
      const url = new URL(connection);
      return `${url.hostname}:${url.port || '5432'}${url.pathname}`;
    } catch {
      return 'the DATABASE_URL given';
    }
  }
  return `${connection.host ?? 'localhost'}:${connection.port ?? 5432}/${connection.database ?? ''}`;
}

/** Opens one client for the simulator; a failure is a `database-unreachable` SimulatorError. */
export async function connect(connection: SimulatorConnection): Promise<pg.Client> {
  const config = typeof connection === 'string' ? { connectionString: connection } : connection;
  const client = new pg.Client({ ...config, application_name: APPLICATION_NAME });
  // A server that goes away emits 'error' on an idle client; the next query reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new SimulatorError(
      'database-unreachable',
      `the simulator cannot connect to PostgreSQL at ${describeConnection(connection)}: ${(error as Error).message}. Check DATABASE_URL, or that the embedded server runs (autocorp db status)`,
      { cause: error },
    );
  }
}

/**
 * Runs a planned transaction (BEGIN, its statements, COMMIT) and returns each statement's row
 * count. Any error rolls back; the database then holds none of it.
 */
export async function runTransaction(
  client: pg.Client,
  planned: PlannedTransaction,
  onBegun: () => void,
): Promise<number[]> {
  await client.query('BEGIN');
  try {
    onBegun();
    const rowCounts: number[] = [];
    for (const statement of planned.statements) {
      const result = await client.query(statement.text, statement.values as unknown[]);
      rowCounts.push(result.rowCount ?? 0);
    }
    await client.query('COMMIT');
    return rowCounts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
