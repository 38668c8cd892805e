import fs from 'node:fs/promises';
import path from 'node:path';
import type { CatalogBackend } from '../catalog-backend';
import { CatalogError } from '../catalog-error';
import type {
  CatalogDatabase,
  CatalogTable,
  DatabaseInput,
  Partition,
  PartitionInput,
  TableInput,
  TableVersion,
} from '../model';
import { validateName } from '../names';
import { comparePartitions } from '../partitions';
import { validateTableInput } from '../table-input';
import { readJson, writeJsonAtomic } from './atomic-json';
import { LakeLocations } from './lake-locations';

/** What one table's file holds: every version (the current one last) and the partitions. */
interface TableFile {
  readonly versions: CatalogTable[];
  readonly partitions: Partition[];
}

export interface LocalCatalogOptions {
  /** The catalog folder, e.g. `stateHome.catalog` (`<AUTOCORP_HOME>/catalog`). */
  readonly root: string;
  /** Clock, for tests. */
  readonly now?: () => Date;
  /**
   * URI of the lake (`file:///.../lake`). Locations inside it are stored relative to it and resolved
   * against it when read, so the state folder can be copied or moved; without it locations are stored as given.
   */
  readonly lakeUri?: string;
}

/**
 * The catalog as JSON files: `<root>/<database>/database.json` and `<root>/<database>/tables/<table>.json`.
 * Every write is atomic (temp file, fsync, rename). With `lakeUri`, locations in the lake are kept
 * relative to it (see LakeLocations).
 */
export class LocalCatalogBackend implements CatalogBackend {
  readonly description: string;
  private readonly root: string;
  private readonly now: () => Date;
  private readonly locations: LakeLocations;

  constructor(options: LocalCatalogOptions) {
    this.root = path.resolve(options.root);
    this.now = options.now ?? (() => new Date());
    this.description = `local catalog at ${this.root}`;
    this.locations = new LakeLocations(options.lakeUri, this.description);
  }

  private resolveDatabase(db: CatalogDatabase): CatalogDatabase {
    return db.locationUri === undefined ? db : { ...db, locationUri: this.locations.resolve(db.locationUri) };
  }

  private resolveTable(table: CatalogTable): CatalogTable {
    return { ...table, location: this.locations.resolve(table.location) };
  }

  private resolvePartition(partition: Partition): Partition {
    return { ...partition, location: this.locations.resolve(partition.location) };
  }

  private databaseFile(name: string): string {
    return path.join(this.root, validateName('database', name), 'database.json');
  }

  private tableFile(database: string, table: string): string {
    return path.join(this.root, validateName('database', database), 'tables', `${validateName('table', table)}.json`);
  }

  private async requireDatabase(name: string): Promise<CatalogDatabase> {
    const db = await this.getDatabase(name);
    if (!db)
      throw new CatalogError(
        'not-found',
        `Database "${name}" does not exist in the ${this.description}. Run \`autocorp crawl\` (or ensureDatabase) first.`,
      );
    return db;
  }

  private async readTable(database: string, table: string): Promise<TableFile | undefined> {
    return readJson<TableFile>(this.tableFile(database, table));
  }

  private async requireTable(database: string, table: string): Promise<TableFile> {
    const file = await this.readTable(database, table);
    if (!file || file.versions.length === 0) {
      throw new CatalogError(
        'not-found',
        `Table "${database}.${table}" does not exist in the ${this.description}. Run \`autocorp crawl\` or check the name with \`autocorp tables\`.`,
      );
    }
    return file;
  }

  async ensureDatabase(input: DatabaseInput): Promise<CatalogDatabase> {
    const existing = await this.getDatabase(input.name);
    if (existing) return existing;
    const db: CatalogDatabase = {
      ...input,
      name: validateName('database', input.name),
      ...(input.locationUri !== undefined ? { locationUri: this.locations.store(input.locationUri) } : {}),
      createdAt: this.now().toISOString(),
    };
    await writeJsonAtomic(this.databaseFile(input.name), db);
    return this.resolveDatabase(db);
  }

  async getDatabase(name: string): Promise<CatalogDatabase | undefined> {
    const db = await readJson<CatalogDatabase>(this.databaseFile(name));
    return db && this.resolveDatabase(db);
  }

  async listDatabases(): Promise<CatalogDatabase[]> {
    let entries: string[];
    try {
      entries = await fs.readdir(this.root);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const dbs: CatalogDatabase[] = [];
    for (const entry of entries.sort()) {
      const db = await readJson<CatalogDatabase>(path.join(this.root, entry, 'database.json'));
      if (db) dbs.push(this.resolveDatabase(db));
    }
    return dbs;
  }

  async getTable(database: string, name: string): Promise<CatalogTable | undefined> {
    const current = (await this.readTable(database, name))?.versions.at(-1);
    return current && this.resolveTable(current);
  }

  async listTables(database: string): Promise<CatalogTable[]> {
    await this.requireDatabase(database);
    const dir = path.join(this.root, database, 'tables');
    let entries: string[];
    try {
      entries = await fs.readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const tables: CatalogTable[] = [];
    for (const entry of entries.filter((e) => e.endsWith('.json') && !e.startsWith('.')).sort()) {
      const file = await readJson<TableFile>(path.join(dir, entry));
      const current = file?.versions.at(-1);
      if (current) tables.push(this.resolveTable(current));
    }
    return tables;
  }

  async createTable(database: string, input: TableInput): Promise<CatalogTable> {
    await this.requireDatabase(database);
    validateTableInput(input);
    if (await this.readTable(database, input.name)) {
      throw new CatalogError(
        'already-exists',
        `Table "${database}.${input.name}" already exists in the ${this.description}; update it instead.`,
      );
    }
    const at = this.now().toISOString();
    const table: CatalogTable = {
      ...copyInput(input),
      location: this.locations.store(input.location),
      database,
      createdAt: at,
      updatedAt: at,
      versionId: '1',
    };
    await writeJsonAtomic(this.tableFile(database, input.name), {
      versions: [table],
      partitions: [],
    } satisfies TableFile);
    return this.resolveTable(table);
  }

  async updateTable(database: string, input: TableInput): Promise<CatalogTable> {
    validateTableInput(input);
    const file = await this.requireTable(database, input.name);
    const current = file.versions.at(-1) as CatalogTable;
    const table: CatalogTable = {
      ...copyInput(input),
      location: this.locations.store(input.location),
      database,
      createdAt: current.createdAt,
      updatedAt: this.now().toISOString(),
      versionId: String(Number(current.versionId) + 1),
    };
    await writeJsonAtomic(this.tableFile(database, input.name), {
      versions: [...file.versions, table],
      partitions: file.partitions,
    } satisfies TableFile);
    return this.resolveTable(table);
  }

  async getTableVersions(database: string, name: string): Promise<TableVersion[]> {
    const file = await this.requireTable(database, name);
    return file.versions.map((table) => ({ versionId: table.versionId, table: this.resolveTable(table) }));
  }

  async createPartitions(database: string, table: string, partitions: readonly PartitionInput[]): Promise<number> {
    const file = await this.requireTable(database, table);
    const current = file.versions.at(-1) as CatalogTable;
    const known = new Set(file.partitions.map((p) => JSON.stringify(p.values)));
    const at = this.now().toISOString();
    const added: Partition[] = [];
    for (const p of partitions) {
      if (p.values.length !== current.partitionKeys.length) {
        throw new CatalogError(
          'invalid-input',
          `Partition ${JSON.stringify(p.values)} of "${database}.${table}" has ${p.values.length} values but the table has ${current.partitionKeys.length} partition keys (${current.partitionKeys.map((k) => k.name).join(', ') || 'none'}).`,
        );
      }
      const key = JSON.stringify(p.values);
      if (known.has(key)) continue;
      known.add(key);
      added.push({ values: [...p.values], location: this.locations.store(p.location), createdAt: at });
    }
    if (added.length === 0) return 0;
    const all = [...file.partitions, ...added].sort(comparePartitions);
    await writeJsonAtomic(this.tableFile(database, table), {
      versions: file.versions,
      partitions: all,
    } satisfies TableFile);
    return added.length;
  }

  async getPartitions(database: string, table: string): Promise<Partition[]> {
    return (await this.requireTable(database, table)).partitions.map((p) => this.resolvePartition(p));
  }

  async deleteTable(database: string, name: string): Promise<void> {
    await fs.rm(this.tableFile(database, name), { force: true });
  }
}

function copyInput(input: TableInput): TableInput {
  return {
    name: input.name,
    location: input.location,
    format: input.format,
    columns: input.columns.map((c) => ({ ...c })),
    partitionKeys: input.partitionKeys.map((c) => ({ ...c })),
    properties: { ...input.properties },
    ...(input.description !== undefined ? { description: input.description } : {}),
  };
}
