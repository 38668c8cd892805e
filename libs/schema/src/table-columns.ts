import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { SourceTableName } from './source-tables';
import { drizzleSchema } from './drizzle-schema';

function columnNames(table: PgTable): readonly string[] {
  return Object.values(getTableColumns(table)).map((column) => column.name);
}

/** Every source table's column names, in definition order (the order COPY and CSV writers use). */
export const SOURCE_TABLE_COLUMNS = Object.fromEntries(
  Object.values(drizzleSchema).map((table) => [getTableName(table), columnNames(table)]),
) as Readonly<Record<SourceTableName, readonly string[]>>;
