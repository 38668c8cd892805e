import { migrate, startThrowawayPostgres, type ThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';

export interface TestDatabase {
  readonly server: ThrowawayPostgres;
  readonly pool: pg.Pool;
  stop(): Promise<void>;
}

/** A throwaway embedded PostgreSQL on a free port with the committed migrations applied. */
export async function startMigratedPostgres(): Promise<TestDatabase> {
  const server = await startThrowawayPostgres();
  const pool = new pg.Pool({ ...server.connectionConfig, max: 4 });
  pool.on('error', () => undefined);
  try {
    await migrate({ pool, displayAddress: `127.0.0.1:${server.port}` });
  } catch (error) {
    await pool.end();
    await server.stop();
    throw error;
  }
  return {
    server,
    pool,
    async stop() {
      await pool.end();
      await server.stop();
    },
  };
}
