/**
 * The Glue Data Catalog backend. Longer than 300 lines because it is one class implementing every operation of
 * CatalogBackend against the Glue API, each with its paging, batch limits and error mapping; the mapping of
 * shapes lives in glue-mapping.ts.
 */
import {
  AlreadyExistsException,
  BatchCreatePartitionCommand,
  CreateDatabaseCommand,
  CreateTableCommand,
  DeleteTableCommand,
  EntityNotFoundException,
  GetDatabaseCommand,
  GetDatabasesCommand,
  GetPartitionsCommand,
  GetTableCommand,
  GetTablesCommand,
  GetTableVersionsCommand,
  type GlueClient,
  UpdateTableCommand,
} from '@aws-sdk/client-glue';
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
import { validateTableInput } from '../table-input';
import { comparePartitions } from '../partitions';
import { fromGluePartition, fromGlueTable, glueTableFormat, storageDescriptor, toGlueTableInput } from './glue-mapping';

/** BatchCreatePartition takes at most 100 partitions per call. */
export const GLUE_PARTITION_BATCH = 100;

export interface GlueCatalogOptions {
  readonly client: GlueClient;
  /** The account's catalog id; omitted means the caller's account. */
  readonly catalogId?: string;
}

function wrap(action: string, error: unknown): CatalogError {
  if (error instanceof CatalogError) return error;
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  return new CatalogError(
    'backend',
    `Glue ${action} failed (${name}: ${message}). Check the AWS credentials, region and the Glue permissions of the role.`,
    { cause: error },
  );
}

/** The catalog in the AWS Glue Data Catalog: tables are EXTERNAL_TABLEs, the classification is the format. */
export class GlueCatalogBackend implements CatalogBackend {
  readonly description = 'Glue Data Catalog';
  private readonly client: GlueClient;
  private readonly catalogId: { CatalogId?: string };

  constructor(options: GlueCatalogOptions) {
    this.client = options.client;
    this.catalogId = options.catalogId !== undefined ? { CatalogId: options.catalogId } : {};
  }

  async ensureDatabase(input: DatabaseInput): Promise<CatalogDatabase> {
    validateName('database', input.name);
    try {
      await this.client.send(
        new CreateDatabaseCommand({
          ...this.catalogId,
          DatabaseInput: {
            Name: input.name,
            ...(input.description !== undefined ? { Description: input.description } : {}),
            ...(input.locationUri !== undefined ? { LocationUri: input.locationUri } : {}),
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof AlreadyExistsException)) throw wrap(`CreateDatabase ${input.name}`, error);
    }
    const db = await this.getDatabase(input.name);
    if (!db)
      throw new CatalogError(
        'backend',
        `Glue database "${input.name}" was created but cannot be read back; check glue:GetDatabase permission.`,
      );
    return db;
  }

  async getDatabase(name: string): Promise<CatalogDatabase | undefined> {
    try {
      const out = await this.client.send(new GetDatabaseCommand({ ...this.catalogId, Name: name }));
      const db = out.Database;
      if (!db) return undefined;
      return {
        name: db.Name ?? name,
        ...(db.Description !== undefined ? { description: db.Description } : {}),
        ...(db.LocationUri !== undefined ? { locationUri: db.LocationUri } : {}),
        createdAt: (db.CreateTime ?? new Date(0)).toISOString(),
      };
    } catch (error) {
      if (error instanceof EntityNotFoundException) return undefined;
      throw wrap(`GetDatabase ${name}`, error);
    }
  }

  async listDatabases(): Promise<CatalogDatabase[]> {
    const dbs: CatalogDatabase[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await this.client.send(
          new GetDatabasesCommand({ ...this.catalogId, ...(token ? { NextToken: token } : {}) }),
        );
        for (const db of out.DatabaseList ?? []) {
          dbs.push({
            name: db.Name ?? '',
            ...(db.Description !== undefined ? { description: db.Description } : {}),
            ...(db.LocationUri !== undefined ? { locationUri: db.LocationUri } : {}),
            createdAt: (db.CreateTime ?? new Date(0)).toISOString(),
          });
        }
        token = out.NextToken;
      } while (token);
    } catch (error) {
      throw wrap('GetDatabases', error);
    }
    return dbs.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async getTable(database: string, name: string): Promise<CatalogTable | undefined> {
    try {
      const out = await this.client.send(
        new GetTableCommand({ ...this.catalogId, DatabaseName: database, Name: name }),
      );
      return out.Table ? fromGlueTable(database, out.Table) : undefined;
    } catch (error) {
      if (error instanceof EntityNotFoundException) return undefined;
      throw wrap(`GetTable ${database}.${name}`, error);
    }
  }

  async listTables(database: string): Promise<CatalogTable[]> {
    const tables: CatalogTable[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await this.client.send(
          new GetTablesCommand({ ...this.catalogId, DatabaseName: database, ...(token ? { NextToken: token } : {}) }),
        );
        // Tables of formats this catalog does not know (another tool's, an old crawl's) are not ours to list: skipped.
        for (const t of out.TableList ?? [])
          if (glueTableFormat(t) !== undefined) tables.push(fromGlueTable(database, t));
        token = out.NextToken;
      } while (token);
    } catch (error) {
      if (error instanceof EntityNotFoundException) {
        throw new CatalogError(
          'not-found',
          `Database "${database}" does not exist in the Glue Data Catalog. Deploy the stack or run \`autocorp crawl\` first.`,
          { cause: error },
        );
      }
      throw wrap(`GetTables ${database}`, error);
    }
    return tables.sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  async createTable(database: string, input: TableInput): Promise<CatalogTable> {
    validateTableInput(input);
    try {
      await this.client.send(
        new CreateTableCommand({ ...this.catalogId, DatabaseName: database, TableInput: toGlueTableInput(input) }),
      );
    } catch (error) {
      if (error instanceof AlreadyExistsException) {
        throw new CatalogError(
          'already-exists',
          `Table "${database}.${input.name}" already exists in the Glue Data Catalog; update it instead.`,
          { cause: error },
        );
      }
      if (error instanceof EntityNotFoundException) {
        throw new CatalogError(
          'not-found',
          `Database "${database}" does not exist in the Glue Data Catalog; create it first (ensureDatabase).`,
          { cause: error },
        );
      }
      throw wrap(`CreateTable ${database}.${input.name}`, error);
    }
    return this.readBack(database, input.name);
  }

  async updateTable(database: string, input: TableInput): Promise<CatalogTable> {
    validateTableInput(input);
    try {
      // SkipArchive false: Glue keeps the previous definition as a table version.
      await this.client.send(
        new UpdateTableCommand({
          ...this.catalogId,
          DatabaseName: database,
          TableInput: toGlueTableInput(input),
          SkipArchive: false,
        }),
      );
    } catch (error) {
      if (error instanceof EntityNotFoundException) {
        throw new CatalogError(
          'not-found',
          `Table "${database}.${input.name}" does not exist in the Glue Data Catalog; create it first.`,
          { cause: error },
        );
      }
      throw wrap(`UpdateTable ${database}.${input.name}`, error);
    }
    return this.readBack(database, input.name);
  }

  private async readBack(database: string, name: string): Promise<CatalogTable> {
    const table = await this.getTable(database, name);
    if (!table)
      throw new CatalogError(
        'backend',
        `Glue table "${database}.${name}" was written but cannot be read back; check glue:GetTable permission.`,
      );
    return table;
  }

  async getTableVersions(database: string, name: string): Promise<TableVersion[]> {
    const versions: TableVersion[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await this.client.send(
          new GetTableVersionsCommand({
            ...this.catalogId,
            DatabaseName: database,
            TableName: name,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        for (const v of out.TableVersions ?? []) {
          if (!v.Table) continue;
          const table = fromGlueTable(database, { ...v.Table, VersionId: v.VersionId ?? v.Table.VersionId });
          versions.push({ versionId: table.versionId, table });
        }
        token = out.NextToken;
      } while (token);
    } catch (error) {
      if (error instanceof EntityNotFoundException) {
        throw new CatalogError(
          'not-found',
          `Table "${database}.${name}" does not exist in the Glue Data Catalog. Check the name with \`autocorp tables\`.`,
          { cause: error },
        );
      }
      throw wrap(`GetTableVersions ${database}.${name}`, error);
    }
    return versions.sort((a, b) => Number(a.versionId) - Number(b.versionId));
  }

  async createPartitions(database: string, table: string, partitions: readonly PartitionInput[]): Promise<number> {
    const current = await this.getTable(database, table);
    if (!current)
      throw new CatalogError(
        'not-found',
        `Table "${database}.${table}" does not exist in the Glue Data Catalog; register it before adding partitions.`,
      );
    const known = new Set((await this.getPartitions(database, table)).map((p) => JSON.stringify(p.values)));
    const fresh: PartitionInput[] = [];
    for (const p of partitions) {
      if (p.values.length !== current.partitionKeys.length) {
        throw new CatalogError(
          'invalid-input',
          `Partition ${JSON.stringify(p.values)} of "${database}.${table}" has ${p.values.length} values but the table has ${current.partitionKeys.length} partition keys.`,
        );
      }
      const key = JSON.stringify(p.values);
      if (known.has(key)) continue;
      known.add(key);
      fresh.push(p);
    }
    let added = 0;
    for (let i = 0; i < fresh.length; i += GLUE_PARTITION_BATCH) {
      const batch = fresh.slice(i, i + GLUE_PARTITION_BATCH);
      let out;
      try {
        out = await this.client.send(
          new BatchCreatePartitionCommand({
            ...this.catalogId,
            DatabaseName: database,
            TableName: table,
            PartitionInputList: batch.map((p) => ({
              Values: [...p.values],
              StorageDescriptor: storageDescriptor(current, p.location),
            })),
          }),
        );
      } catch (error) {
        throw wrap(`BatchCreatePartition ${database}.${table}`, error);
      }
      const errors = out.Errors ?? [];
      const real = errors.filter((e) => e.ErrorDetail?.ErrorCode !== 'AlreadyExistsException');
      if (real.length > 0) {
        const first = real[0];
        throw new CatalogError(
          'backend',
          `Glue refused ${real.length} partition(s) of "${database}.${table}", e.g. ${JSON.stringify(first?.PartitionValues)}: ${first?.ErrorDetail?.ErrorCode} ${first?.ErrorDetail?.ErrorMessage}.`,
        );
      }
      added += batch.length - errors.length;
    }
    return added;
  }

  async getPartitions(database: string, table: string): Promise<Partition[]> {
    const partitions: Partition[] = [];
    let token: string | undefined;
    try {
      do {
        const out = await this.client.send(
          new GetPartitionsCommand({
            ...this.catalogId,
            DatabaseName: database,
            TableName: table,
            ...(token ? { NextToken: token } : {}),
          }),
        );
        for (const p of out.Partitions ?? []) partitions.push(fromGluePartition(p));
        token = out.NextToken;
      } while (token);
    } catch (error) {
      if (error instanceof EntityNotFoundException) {
        throw new CatalogError(
          'not-found',
          `Table "${database}.${table}" does not exist in the Glue Data Catalog. Check the name with \`autocorp tables\`.`,
          { cause: error },
        );
      }
      throw wrap(`GetPartitions ${database}.${table}`, error);
    }
    return partitions.sort(comparePartitions);
  }

  async deleteTable(database: string, name: string): Promise<void> {
    try {
      await this.client.send(new DeleteTableCommand({ ...this.catalogId, DatabaseName: database, Name: name }));
    } catch (error) {
      if (error instanceof EntityNotFoundException) return;
      throw wrap(`DeleteTable ${database}.${name}`, error);
    }
  }
}
