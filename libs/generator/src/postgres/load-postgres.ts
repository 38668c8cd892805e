import { SOURCE_TABLES, type SourceTableName } from '@autocorp/schema';
import { copyRows, inTransaction } from '@autocorp/source-db';
import type { Pool, PoolClient } from 'pg';
import type { GenerationContext } from '../context';
import { GeneratorError } from '../generator-error';
import type { ProgressSteps } from '../progress-steps';
import type { Chunk } from '../io/chunk';
import { yieldTurn } from '../io/yield-turn';
import { COPY_COLUMNS } from './copy-columns';
import { plannedTableRows, tableChunks } from './table-chunks';

export interface PostgresLoadOptions {
  /** Truncate the seven source tables (CASCADE, same transaction) instead of refusing non-empty ones. */
  readonly replace: boolean;
  readonly progress: ProgressSteps;
}

export interface TableLoad {
  readonly table: SourceTableName;
  readonly rows: number;
  readonly bytes: number;
  readonly seconds: number;
}

async function nonEmptyTables(client: PoolClient): Promise<SourceTableName[]> {
  const probes = SOURCE_TABLES.map((t) => `EXISTS (SELECT 1 FROM ${t.name}) AS ${t.name}`).join(', ');
  const { rows } = await client.query<Record<SourceTableName, boolean>>(`SELECT ${probes}`);
  const row = rows[0];
  return SOURCE_TABLES.map((t) => t.name).filter((name) => row?.[name]);
}

/** Feeds chunks to COPY, counting them and yielding a turn between chunks so CSV writing can run. */
async function* metered(chunks: Iterable<Chunk>, onChunk: (chunk: Chunk) => void): AsyncGenerator<Buffer> {
  for (const chunk of chunks) {
    onChunk(chunk);
    yield chunk.data;
    await yieldTurn();
  }
}

async function loadTable(
  client: PoolClient,
  context: GenerationContext,
  table: SourceTableName,
  progress: ProgressSteps,
): Promise<TableLoad> {
  const started = performance.now();
  const task = progress.step(`postgres ${table}`, plannedTableRows(context, table));
  let bytes = 0;
  const rows = await copyRows(
    client,
    table,
    COPY_COLUMNS[table],
    metered(tableChunks(context, table), (chunk) => {
      bytes += chunk.data.length;
      task.tick(chunk.rows);
    }),
  );
  task.finish();
  return { table, rows, bytes, seconds: (performance.now() - started) / 1000 };
}

/**
 * Loads the catalog, the customers and the orders with COPY, parents before children, in one
 * transaction: either every table is filled or (on any error) none is.
 */
export async function loadPostgres(
  context: GenerationContext,
  pool: Pool,
  options: PostgresLoadOptions,
): Promise<TableLoad[]> {
  let current: SourceTableName | undefined;
  try {
    return await inTransaction(pool, async (client) => {
      const filled = await nonEmptyTables(client);
      if (filled.length > 0) {
        if (!options.replace) {
          throw new GeneratorError(
            'tables-not-empty',
            `PostgreSQL table(s) ${filled.join(', ')} already hold rows; load into empty tables or pass replace: true to truncate them first`,
          );
        }
        await client.query(`TRUNCATE ${SOURCE_TABLES.map((t) => t.name).join(', ')} CASCADE`);
      }
      const loads: TableLoad[] = [];
      for (const { name } of SOURCE_TABLES) {
        current = name;
        loads.push(await loadTable(client, context, name, options.progress));
      }
      current = undefined;
      return loads;
    });
  } catch (error) {
    if (error instanceof GeneratorError) throw error;
    const where = current ? ` while copying into ${current}` : '';
    const reason = error instanceof Error ? error.message : String(error);
    throw new GeneratorError(
      'load-failed',
      `loading PostgreSQL failed${where} and was rolled back (no table changed): ${reason}`,
      {
        cause: error,
      },
    );
  }
}
