import { generate } from '@autocorp/generator';
import { SOURCE_TABLES } from '@autocorp/schema';
import { migrate, startThrowawayPostgres, type ThrowawayPostgres } from '@autocorp/source-db';
import pg from 'pg';

/** One database copied from the seeded template, with a pool for the test's own queries. */
export interface DatabaseCopy {
  readonly name: string;
  readonly config: pg.ClientConfig;
  readonly pool: pg.Pool;
}

/** A throwaway server with a template database migrated and loaded by the generator. */
export interface SeededServer {
  readonly server: ThrowawayPostgres;
  /** Pool on the server's `postgres` database, for CREATE DATABASE and pg_terminate_backend. */
  readonly admin: pg.Pool;
  /** A fresh database with the template's contents (every copy starts identical). */
  copy(name: string): Promise<DatabaseCopy>;
  /** A fresh, migrated database without data. */
  empty(name: string): Promise<DatabaseCopy>;
  stop(): Promise<void>;
}

const TEMPLATE = 'seeded_template';

export async function startSeededPostgres(seed: number, scale: number): Promise<SeededServer> {
  const server = await startThrowawayPostgres();
  const admin = new pg.Pool({ ...server.connectionConfig, max: 2 });
  admin.on('error', () => undefined);
  const pools: pg.Pool[] = [];
  const open = (name: string): DatabaseCopy => {
    const config = { ...server.connectionConfig, database: name };
    const pool = new pg.Pool({ ...config, max: 3 });
    pool.on('error', () => undefined);
    pools.push(pool);
    return { name, config, pool };
  };
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  const template = new pg.Pool({ ...server.connectionConfig, database: TEMPLATE, max: 4 });
  await migrate({ pool: template, displayAddress: `127.0.0.1:${server.port}/${TEMPLATE}` });
  await generate({ seed, scale, targets: ['postgres'], pool: template });
  await template.end();
  return {
    server,
    admin,
    async copy(name) {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
      return open(name);
    },
    async empty(name) {
      await admin.query(`CREATE DATABASE ${name}`);
      const copy = open(name);
      await migrate({ pool: copy.pool, displayAddress: `127.0.0.1:${server.port}/${name}` });
      return copy;
    },
    async stop() {
      for (const pool of pools) await pool.end();
      await admin.end();
      await server.stop();
    },
  };
}

/** An md5 of every row of every source table, in key order. */
export async function tableFingerprints(pool: pg.Pool): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const { name, primaryKey } of SOURCE_TABLES) {
    const { rows } = await pool.query<{ md5: string }>(
      `SELECT md5(string_agg(t::text, '|' ORDER BY ${primaryKey.join(', ')})) AS md5 FROM ${name} t`,
    );
    out[name] = rows[0]?.md5 ?? '';
  }
  return out;
}

/** Row count of every source table. */
export async function tableCounts(pool: pg.Pool): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { name } of SOURCE_TABLES) {
    const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`);
    out[name] = Number(rows[0]?.n);
  }
  return out;
}
