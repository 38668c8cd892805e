import path from 'node:path';
import { DuckDb, queryRows, quoteIdentifier } from '@autocorp/duckdb';
import { HudiTable } from '@autocorp/hudi';
import type pg from 'pg';

/** A PostgreSQL table and the curated table its rows land in (with source_system = 'postgres'). */
export interface SourceAndCurated {
  readonly source: string;
  readonly curated: string;
}

export interface TableComparison {
  readonly columns: readonly string[];
  readonly sourceRows: readonly string[];
  readonly curatedRows: readonly string[];
}

/** Types compared as microseconds since the epoch (text forms differ between PostgreSQL and DuckDB). */
const TIME_TYPES = new Set(['timestamp without time zone', 'timestamp with time zone', 'date']);

/**
 * Every PostgreSQL-origin row of a curated table (source_system = 'postgres' where the table mixes
 * sources) next to its source rows, on every column the two
 * tables share, each row as one canonical text line (sorted). The test asserts the two lists equal:
 * nothing lost, nothing doubled, deletes absent, every column value the same.
 */
export async function compareSourceAndCurated(
  pool: pg.Pool,
  lakeRoot: string,
  pair: SourceAndCurated,
): Promise<TableComparison> {
  const { rows: sourceColumns } = await pool.query<{ column_name: string; data_type: string }>(
    `SELECT column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [pair.source],
  );
  const table = await HudiTable.open(path.join(lakeRoot, 'curated', pair.curated));
  const db = await DuckDb.open({});
  try {
    return await db.withConnection(async (connection) => {
      const snapshot = await table.sql({ type: 'snapshot' });
      const curatedColumns = new Set(
        (await queryRows(connection, `DESCRIBE SELECT * FROM (${snapshot}) s`)).map((r) => String(r.column_name)),
      );
      const shared = sourceColumns.filter((c) => curatedColumns.has(c.column_name));
      const pgExpr = shared.map((c) =>
        TIME_TYPES.has(c.data_type)
          ? `coalesce((extract(epoch FROM ${quoteIdentifier(c.column_name)}::timestamp) * 1000000)::bigint::text, '∅')`
          : `coalesce(${quoteIdentifier(c.column_name)}::text, '∅')`,
      );
      const duckExpr = shared.map((c) =>
        TIME_TYPES.has(c.data_type)
          ? `coalesce(CAST(epoch_us(CAST(${quoteIdentifier(c.column_name)} AS TIMESTAMP)) AS VARCHAR), '∅')`
          : `coalesce(CAST(${quoteIdentifier(c.column_name)} AS VARCHAR), '∅')`,
      );
      const { rows: source } = await pool.query<{ line: string }>(
        `SELECT concat_ws(' | ', ${pgExpr.join(', ')}) AS line FROM ${quoteIdentifier(pair.source)}`,
      );
      const curated = await queryRows(
        connection,
        `SELECT concat_ws(' | ', ${duckExpr.join(', ')}) AS line FROM (${snapshot}) s${curatedColumns.has('source_system') ? ` WHERE source_system = 'postgres'` : ''}`,
      );
      return {
        columns: shared.map((c) => c.column_name),
        sourceRows: source.map((r) => r.line).sort(),
        curatedRows: curated.map((r) => String(r.line)).sort(),
      };
    });
  } finally {
    db.close();
  }
}

/** True when the curated table's snapshot holds a row whose `column` is `value`. */
export async function curatedHolds(lakeRoot: string, curated: string, column: string, value: string): Promise<boolean> {
  const table = await HudiTable.open(path.join(lakeRoot, 'curated', curated));
  const db = await DuckDb.open({});
  try {
    return await db.withConnection(async (connection) => {
      const rows = await queryRows(
        connection,
        `SELECT count(*) AS n FROM (${await table.sql({ type: 'snapshot' })}) s WHERE ${quoteIdentifier(column)} = $1`,
        [value],
      );
      return Number(rows[0]?.n ?? 0) > 0;
    });
  } finally {
    db.close();
  }
}
