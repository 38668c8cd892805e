import type { CatalogBackend } from './catalog-backend';
import { CatalogError } from './catalog-error';
import type {
  CatalogDatabase,
  CatalogTable,
  DatabaseInput,
  Partition,
  PartitionInput,
  SchemaChange,
  TableInput,
  TableVersion,
} from './model';
import { diffSchemas, sameDefinition } from './schema-diff';

export type RegisterOutcome = 'created' | 'updated' | 'unchanged';

export interface RegisterResult {
  readonly outcome: RegisterOutcome;
  readonly table: CatalogTable;
  /** Set when the outcome is `updated`: what changed in the schema (may be empty if only properties or location moved). */
  readonly change?: SchemaChange;
}

/**
 * The data catalog over one backend. Registering a table that has not changed writes nothing
 * (no new version, no new timestamp); a changed one keeps its previous version.
 */
export class Catalog {
  constructor(readonly backend: CatalogBackend) {}

  ensureDatabase(input: DatabaseInput): Promise<CatalogDatabase> {
    return this.backend.ensureDatabase(input);
  }

  listDatabases(): Promise<CatalogDatabase[]> {
    return this.backend.listDatabases();
  }

  getTable(database: string, name: string): Promise<CatalogTable | undefined> {
    return this.backend.getTable(database, name);
  }

  /** The table, or CatalogError `not-found` naming it. */
  async requireTable(database: string, name: string): Promise<CatalogTable> {
    const table = await this.backend.getTable(database, name);
    if (!table) {
      throw new CatalogError(
        'not-found',
        `Table "${database}.${name}" is not in the ${this.backend.description}. Run \`autocorp crawl\` or list tables with \`autocorp tables\`.`,
      );
    }
    return table;
  }

  listTables(database: string): Promise<CatalogTable[]> {
    return this.backend.listTables(database);
  }

  /** Creates the table, updates it when its definition changed, or leaves it alone. */
  async registerTable(database: string, input: TableInput): Promise<RegisterResult> {
    const current = await this.backend.getTable(database, input.name);
    if (!current) return { outcome: 'created', table: await this.backend.createTable(database, input) };
    if (sameDefinition(current, input)) return { outcome: 'unchanged', table: current };
    const change = diffSchemas(current, input);
    return { outcome: 'updated', table: await this.backend.updateTable(database, input), change };
  }

  /** Adds the partitions not yet known; returns how many were added. */
  addPartitions(database: string, table: string, partitions: readonly PartitionInput[]): Promise<number> {
    return partitions.length === 0 ? Promise.resolve(0) : this.backend.createPartitions(database, table, partitions);
  }

  getPartitions(database: string, table: string): Promise<Partition[]> {
    return this.backend.getPartitions(database, table);
  }

  /** Every version of the table, oldest first, each with what changed from the one before. */
  async history(database: string, table: string): Promise<TableVersion[]> {
    const versions = await this.backend.getTableVersions(database, table);
    const sorted = [...versions].sort((a, b) => Number(a.versionId) - Number(b.versionId));
    return sorted.map((v, i) => {
      const previous = sorted[i - 1];
      return previous
        ? { ...v, change: diffSchemas(previous.table, v.table) }
        : { versionId: v.versionId, table: v.table };
    });
  }
}
