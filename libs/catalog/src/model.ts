/** Storage format of a table's files. */
export type TableFormat = 'hudi' | 'parquet' | 'csv';

export const TABLE_FORMATS: readonly TableFormat[] = ['hudi', 'parquet', 'csv'];

/**
 * A column with a Glue/Hive type name: `string`, `int`, `bigint`, `smallint`, `tinyint`, `boolean`,
 * `float`, `double`, `decimal(p,s)`, `date`, `timestamp`, `binary`, `array<...>`, `map<...>`, `struct<...>`.
 */
export interface Column {
  readonly name: string;
  readonly type: string;
  readonly comment?: string;
}

export interface CatalogDatabase {
  readonly name: string;
  readonly description?: string;
  readonly locationUri?: string;
  readonly createdAt: string;
}

export interface DatabaseInput {
  readonly name: string;
  readonly description?: string;
  readonly locationUri?: string;
}

/** What a crawler or a user registers; the catalog adds timestamps and the version number. */
export interface TableInput {
  readonly name: string;
  /** `file:///abs/path/` or `s3://bucket/prefix/`: the folder holding the table's files. */
  readonly location: string;
  readonly format: TableFormat;
  /** Data columns, partition keys excluded. */
  readonly columns: readonly Column[];
  readonly partitionKeys: readonly Column[];
  /** Free-form string properties: `classification`, Hudi record key / precombine field, CSV delimiter... */
  readonly properties: Readonly<Record<string, string>>;
  readonly description?: string;
}

export interface CatalogTable extends TableInput {
  readonly database: string;
  /** ISO-8601 times. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Current version id: "1" at creation, then one more per update (Glue's VersionId). */
  readonly versionId: string;
}

export interface PartitionInput {
  /** One value per partition key, in key order. */
  readonly values: readonly string[];
  readonly location: string;
}

export interface Partition extends PartitionInput {
  readonly createdAt: string;
}

/** What changed between two consecutive versions of a table's schema. */
export interface SchemaChange {
  readonly added: readonly Column[];
  readonly removed: readonly Column[];
  readonly retyped: readonly { readonly name: string; readonly from: string; readonly to: string }[];
  /** Partition keys changed (names, order or types). */
  readonly partitionKeysChanged: boolean;
}

/** One stored version of a table; `change` compares it with the version before it (undefined for the first). */
export interface TableVersion {
  readonly versionId: string;
  readonly table: CatalogTable;
  readonly change?: SchemaChange;
}
