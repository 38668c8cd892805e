import type { DuckDBConnection } from '@duckdb/node-api';
import { CatalogError } from './catalog-error';
import { duckdbTypeToGlue } from './column-types';
import { queryRows, sql } from '@autocorp/duckdb';
import type { Column } from './model';

interface SchemaRow {
  name: string;
  type: string | null;
  converted_type: string | null;
  logical_type: string | null;
  scale: number | null;
  precision: number | null;
  num_children: number | null;
}

/** A primitive Parquet column (physical + converted/logical type) as a Glue type. */
export function parquetPrimitiveToGlue(
  row: Pick<SchemaRow, 'type' | 'converted_type' | 'logical_type' | 'scale' | 'precision'>,
): string {
  const converted = row.converted_type ?? '';
  const logical = row.logical_type ?? '';
  if (converted === 'DECIMAL' || logical.startsWith('DecimalType'))
    return `decimal(${row.precision ?? 38},${row.scale ?? 0})`;
  if (converted === 'DATE' || logical.startsWith('DateType')) return 'date';
  if (converted.startsWith('TIMESTAMP') || logical.startsWith('TimestampType')) return 'timestamp';
  if (['UTF8', 'ENUM', 'JSON'].includes(converted) || /^(StringType|EnumType|JsonType|UUIDType)/.test(logical))
    return 'string';
  const ints: Record<string, string> = {
    INT_8: 'tinyint',
    INT_16: 'smallint',
    INT_32: 'int',
    INT_64: 'bigint',
    UINT_8: 'smallint',
    UINT_16: 'int',
    UINT_32: 'bigint',
    UINT_64: 'decimal(20,0)',
  };
  if (ints[converted]) return ints[converted] as string;
  switch (row.type) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT32':
      return 'int';
    case 'INT64':
      return 'bigint';
    case 'INT96':
      return 'timestamp';
    case 'FLOAT':
      return 'float';
    case 'DOUBLE':
      return 'double';
    default:
      return 'binary';
  }
}

/** Top-level columns of a Parquet file with Glue types, read from its footer with DuckDB `parquet_schema`. */
export async function parquetColumns(connection: DuckDBConnection, file: string): Promise<Column[]> {
  let rows: SchemaRow[];
  try {
    rows = (await queryRows(
      connection,
      sql`SELECT name, type, converted_type, logical_type, scale::INTEGER AS scale, precision::INTEGER AS precision, num_children::INTEGER AS num_children FROM parquet_schema(${file})`,
    )) as unknown as SchemaRow[];
  } catch (error) {
    throw new CatalogError(
      'unreadable-file',
      `Cannot read the Parquet footer of ${file}: ${(error as Error).message}. Is it a complete Parquet file?`,
      { cause: error },
    );
  }
  const root = rows[0];
  if (!root) throw new CatalogError('unreadable-file', `Parquet file ${file} has no schema.`);
  const columns: Column[] = [];
  let nested: Map<string, string> | undefined;
  let i = 1;
  const skipSubtree = (): void => {
    const children = rows[i]?.num_children ?? 0;
    i++;
    for (let c = 0; c < children; c++) skipSubtree();
  };
  for (let c = 0; c < (root.num_children ?? 0); c++) {
    const row = rows[i];
    if (!row) break;
    if ((row.num_children ?? 0) > 0) {
      if (!nested) {
        const described = await queryRows(
          connection,
          sql`DESCRIBE SELECT * FROM read_parquet(${file}, hive_partitioning = false)`,
        );
        nested = new Map(described.map((d) => [String(d['column_name']), duckdbTypeToGlue(String(d['column_type']))]));
      }
      columns.push({ name: row.name, type: nested.get(row.name) ?? 'string' });
      skipSubtree();
    } else {
      columns.push({ name: row.name, type: parquetPrimitiveToGlue(row) });
      i++;
    }
  }
  return columns;
}
