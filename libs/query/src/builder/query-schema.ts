import type { CatalogTable } from '@autocorp/catalog';
import { QueryError } from '../query-error';

/** Tables a query may use, with each column's Glue/Hive type: `{ sales_order: { invoice_number: 'string', ... } }`. */
export type QuerySchema = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The query schema of catalog tables (data columns and partition keys). */
export function schemaFromCatalogTables(tables: readonly CatalogTable[]): QuerySchema {
  const schema: Record<string, Record<string, string>> = {};
  for (const table of tables) {
    const columns: Record<string, string> = {};
    for (const col of [...table.columns, ...table.partitionKeys]) columns[col.name] = col.type;
    schema[table.name] = columns;
  }
  return schema;
}

export function requireTable(schema: QuerySchema, table: string): Readonly<Record<string, string>> {
  const columns = Object.hasOwn(schema, table) ? schema[table] : undefined;
  if (!columns) {
    const known = Object.keys(schema).sort();
    throw new QueryError(
      'unknown-table',
      `Table "${table}" is not in the catalog. Known tables: ${known.length ? known.join(', ') : '(none: run `autocorp crawl` first)'}.`,
    );
  }
  return columns;
}

export function requireColumn(schema: QuerySchema, table: string, column: string): string {
  const columns = requireTable(schema, table);
  const type = Object.hasOwn(columns, column) ? columns[column] : undefined;
  if (type === undefined) {
    throw new QueryError(
      'unknown-column',
      `Column "${column}" does not exist in table "${table}". Its columns are: ${Object.keys(columns).join(', ')}.`,
    );
  }
  return type;
}
