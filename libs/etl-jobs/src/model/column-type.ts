/**
 * Column types of curated tables, spelled so that both DuckDB and Spark SQL accept them in
 * `CAST(x AS <type>)` (DuckDB takes STRING and INT as aliases of VARCHAR and INTEGER).
 */
export type ColumnType =
  'STRING' | 'INT' | 'BIGINT' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP' | `DECIMAL(${number},${number})`;

export interface ColumnDefinition {
  readonly name: string;
  readonly type: ColumnType;
  /** false when the job guarantees a value (enforced by an `isComplete` rule or by construction). */
  readonly nullable: boolean;
  readonly description: string;
}

/** The DuckDB spelling of a column type (for DESCRIBE comparisons and CREATE TABLE). */
export function duckdbType(type: ColumnType): string {
  switch (type) {
    case 'STRING':
      return 'VARCHAR';
    case 'INT':
      return 'INTEGER';
    default:
      return type;
  }
}

/** The Spark SQL spelling of a column type (for StructType schemas in the Glue script). */
export function sparkType(type: ColumnType): string {
  return type;
}

/** The PySpark type constructor of a column type, e.g. `DecimalType(12, 2)`. */
export function pysparkTypeConstructor(type: ColumnType): string {
  switch (type) {
    case 'STRING':
      return 'StringType()';
    case 'INT':
      return 'IntegerType()';
    case 'BIGINT':
      return 'LongType()';
    case 'DOUBLE':
      return 'DoubleType()';
    case 'BOOLEAN':
      return 'BooleanType()';
    case 'DATE':
      return 'DateType()';
    case 'TIMESTAMP':
      return 'TimestampType()';
    default: {
      const match = /^DECIMAL\((\d+),(\d+)\)$/.exec(type);
      return `DecimalType(${match?.[1] ?? '38'}, ${match?.[2] ?? '18'})`;
    }
  }
}

/** A column definition, shorter to write in job files. */
export function column(name: string, type: ColumnType, nullable: boolean, description: string): ColumnDefinition {
  return { name, type, nullable, description };
}
