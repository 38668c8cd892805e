import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { SourceDbError } from './source-db-error';

export interface CopyRowsOptions {
  /** The first line of the source is a header to skip (default false). */
  readonly header?: boolean;
}

/**
 * Streams CSV text (chunks need not align with lines) into `table` with
 * `COPY table (columns) FROM STDIN (FORMAT csv)`, honouring backpressure. Returns the number of
 * rows PostgreSQL loaded. A failure (bad row, constraint, a throwing source) aborts the COPY;
 * run it inside `inTransaction` to roll back everything else the transaction did too.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  source: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  options: CopyRowsOptions = {},
): Promise<number> {
  if (columns.length === 0) {
    throw new SourceDbError(
      'copy-failed',
      `copyRows into ${table} was given no columns. Pass the CSV's column names in order.`,
    );
  }
  const sql = `COPY ${quoteIdentifier(table)} (${columns.map(quoteIdentifier).join(', ')}) FROM STDIN (FORMAT csv${options.header ? ', HEADER true' : ''})`;
  const target = client.query(copyFrom(sql));
  try {
    await pipeline(Readable.from(source, { objectMode: false }), target);
  } catch (cause) {
    const pgError = cause as { message?: string; where?: string; detail?: string };
    const where = pgError.where ? ` (${pgError.where})` : '';
    const detail = pgError.detail ? ` ${pgError.detail}` : '';
    throw new SourceDbError(
      'copy-failed',
      `Loading CSV into ${table} (${columns.join(', ')}) failed: ${pgError.message ?? String(cause)}${where}.${detail} Fix the rows named above, or the column list, and load again.`,
      { cause },
    );
  }
  return target.rowCount;
}
