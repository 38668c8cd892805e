/**
 * The seven source tables in load order (parents before children), with their primary keys.
 * Every other package (CDC, generator, ETL jobs) names tables through this list.
 */
export const SOURCE_TABLES = [
  { name: 'auto_parts', primaryKey: ['sku'] },
  { name: 'service', primaryKey: ['serviceid'] },
  { name: 'service_parts', primaryKey: ['serviceid', 'sku'] },
  { name: 'customers', primaryKey: ['customer_id'] },
  { name: 'sales_order', primaryKey: ['order_id'] },
  { name: 'sales_order_parts', primaryKey: ['line_item_id'] },
  { name: 'sales_order_services', primaryKey: ['line_item_id'] },
] as const;

export type SourceTableName = (typeof SOURCE_TABLES)[number]['name'];

export const SOURCE_TABLE_NAMES: readonly SourceTableName[] = SOURCE_TABLES.map((t) => t.name);

export function isSourceTableName(name: string): name is SourceTableName {
  return (SOURCE_TABLE_NAMES as readonly string[]).includes(name);
}
