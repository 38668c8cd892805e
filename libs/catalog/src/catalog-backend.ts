import type {
  CatalogDatabase,
  CatalogTable,
  DatabaseInput,
  Partition,
  PartitionInput,
  TableInput,
  TableVersion,
} from './model';

/**
 * Where the catalog is kept: a folder of JSON files locally, the AWS Glue Data Catalog on AWS.
 * Every backend keeps the previous version of a table when it is updated.
 */
export interface CatalogBackend {
  /** Short name for messages: "local catalog at /x/.autocorp/catalog", "Glue Data Catalog (us-east-1)". */
  readonly description: string;
  /** Creates the database unless it exists (not an error). */
  ensureDatabase(input: DatabaseInput): Promise<CatalogDatabase>;
  getDatabase(name: string): Promise<CatalogDatabase | undefined>;
  listDatabases(): Promise<CatalogDatabase[]>;
  getTable(database: string, name: string): Promise<CatalogTable | undefined>;
  /** Tables of a database sorted by name; CatalogError `not-found` when the database does not exist. */
  listTables(database: string): Promise<CatalogTable[]>;
  /** CatalogError `already-exists` when the table exists. */
  createTable(database: string, input: TableInput): Promise<CatalogTable>;
  /** Replaces the definition, archiving the current one as a version; CatalogError `not-found` when absent. */
  updateTable(database: string, input: TableInput): Promise<CatalogTable>;
  /** Every stored version, oldest first, the current one last (`change` is filled in by the Catalog). */
  getTableVersions(database: string, name: string): Promise<TableVersion[]>;
  /** Adds partitions; ones that already exist (same values) are skipped. Returns how many were added. */
  createPartitions(database: string, table: string, partitions: readonly PartitionInput[]): Promise<number>;
  /** Every partition of the table, sorted by values. */
  getPartitions(database: string, table: string): Promise<Partition[]>;
  deleteTable(database: string, name: string): Promise<void>;
}
