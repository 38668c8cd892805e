import type pg from 'pg';
import { CdcError } from '../cdc-error';
import type { SourceColumn } from '../lake/column-types';
import { quoteIdentifier } from '@autocorp/duckdb/sql';

/** Fails with a clear CdcError unless the server can decode WAL logically. */
export async function assertLogicalWalLevel(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ wal_level: string }>('SHOW wal_level');
  const level = rows[0]?.wal_level;
  if (level !== 'logical') {
    throw new CdcError(
      'wal-level',
      `PostgreSQL runs with wal_level=${level ?? 'unknown'}, but CDC reads the WAL through logical replication, which needs wal_level=logical. Run "ALTER SYSTEM SET wal_level = logical" (or start the server with -c wal_level=logical) and restart PostgreSQL.`,
    );
  }
}

/** The columns of each table in attribute order, as the full load reads them. */
export async function readTableColumns(
  client: pg.Client,
  schema: string,
  tables: readonly string[],
): Promise<Map<string, SourceColumn[]>> {
  const { rows } = await client.query<{
    table_name: string;
    name: string;
    type_oid: number;
    type_mod: number;
    is_key: boolean;
  }>(
    `SELECT c.relname AS table_name, a.attname AS name, a.atttypid::int AS type_oid, a.atttypmod AS type_mod,
            COALESCE(a.attnum = ANY (i.indkey), false) AS is_key
       FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
      WHERE n.nspname = $1 AND c.relname = ANY ($2::text[])
      ORDER BY c.relname, a.attnum`,
    [schema, tables],
  );
  const result = new Map<string, SourceColumn[]>();
  for (const row of rows) {
    const list = result.get(row.table_name) ?? [];
    list.push({ name: row.name, typeOid: row.type_oid, typeMod: row.type_mod, isKey: row.is_key });
    result.set(row.table_name, list);
  }
  const missing = tables.filter((t) => !result.has(t));
  if (missing.length > 0) {
    throw new CdcError(
      'table-missing',
      `The source has no table ${missing.map((t) => `${schema}.${t}`).join(', ')}. Create the schema first (the source-db migrations), or pass the tables that exist in the "tables" option.`,
    );
  }
  return result;
}

/** Creates the publication for the tables, or adds the tables it lacks. */
export async function ensurePublication(
  client: pg.Client,
  publicationName: string,
  schema: string,
  tables: readonly string[],
): Promise<void> {
  const qualified = tables.map((t) => `${quoteIdentifier(schema)}.${quoteIdentifier(t)}`);
  const { rows } = await client.query<{ tablename: string; schemaname: string }>(
    `SELECT p.pubname, t.schemaname, t.tablename FROM pg_publication p LEFT JOIN pg_publication_tables t ON t.pubname = p.pubname WHERE p.pubname = $1`,
    [publicationName],
  );
  if (rows.length === 0) {
    await client.query(`CREATE PUBLICATION ${quoteIdentifier(publicationName)} FOR TABLE ${qualified.join(', ')}`);
    return;
  }
  const present = new Set(rows.filter((r) => r.tablename !== null).map((r) => `${r.schemaname}.${r.tablename}`));
  const missing = tables
    .filter((t) => !present.has(`${schema}.${t}`))
    .map((t) => `${quoteIdentifier(schema)}.${quoteIdentifier(t)}`);
  if (missing.length > 0)
    await client.query(`ALTER PUBLICATION ${quoteIdentifier(publicationName)} ADD TABLE ${missing.join(', ')}`);
}
