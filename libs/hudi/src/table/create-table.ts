import { newTableProperties, PROPERTIES_PATH } from '../config/table-config';
import { HudiError } from '../hudi-error';
import { fieldForDuckdbType, tableAvroSchema } from '../schema/table-schema';
import { HOODIE_FOLDER } from '../timeline/timeline';
import { HudiTable, type TableLocation, toStorage } from './hudi-table';

/** Settings of a new Copy-on-Write table. */
export interface CreateTableOptions {
  basePath: TableLocation;
  tableName: string;
  databaseName?: string;
  /** Record key columns; more than one gives ComplexKeyGenerator keys `f1:v1,f2:v2`. */
  recordKeyFields: string[];
  /** Column whose larger value wins between versions of one key. */
  precombineField?: string;
  /** Partition columns, outermost first; none for a non-partitioned table. */
  partitionFields?: string[];
  /** `field=value` folders (true) or plain `value` folders (false, Hudi's default). */
  hiveStylePartitioning?: boolean;
  /** URL-encode partition values as Hudi's `partitionpath.urlencode` does (default false). */
  urlEncodePartitioning?: boolean;
  /** Optional columns (DuckDB types) recorded as `hoodie.table.create.schema`, so an empty table has a schema. */
  columns?: { name: string; type: string }[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Creates the table folder layout Hudi creates (.hoodie with .temp, .aux, .schema, archived and hoodie.properties) and opens it. */
export async function createTable(options: CreateTableOptions): Promise<HudiTable> {
  const storage = toStorage(options.basePath);
  if (!NAME.test(options.tableName)) {
    throw new HudiError(
      'invalid-option',
      `Table name "${options.tableName}" is not usable by Hive/Glue; use letters, digits and underscores, starting with a letter.`,
    );
  }
  if (options.recordKeyFields.length === 0) {
    throw new HudiError(
      'invalid-option',
      `Table ${options.tableName} needs at least one record key field (recordKeyFields).`,
    );
  }
  for (const field of [...options.recordKeyFields, ...(options.partitionFields ?? [])]) {
    if (field.includes(',') || field.includes(':') || field.trim() !== field || field === '') {
      throw new HudiError(
        'invalid-option',
        `Field name "${field}" of table ${options.tableName} cannot be used as a key or partition field; use a plain column name.`,
      );
    }
  }
  if (await storage.exists(PROPERTIES_PATH)) {
    throw new HudiError(
      'table-exists',
      `${storage.root} already holds a Hudi table; open it with HudiTable.open() or choose another base path.`,
    );
  }
  let createSchema: string | undefined;
  if (options.columns && options.columns.length > 0) {
    const fields = options.columns.map((c) => {
      const field = fieldForDuckdbType(options.tableName, c.name, c.type);
      if (!field)
        throw new HudiError(
          'schema-mismatch',
          `Column ${c.name} of table ${options.tableName} has type ${c.type}, which Hudi/Spark tables cannot hold; cast it to a supported type.`,
        );
      return field;
    });
    createSchema = tableAvroSchema(options.tableName, fields);
  }
  for (const folder of ['.temp', '.aux/.bootstrap/.partitions', '.aux/.bootstrap/.fileids', '.schema', 'archived']) {
    await storage.makeFolder(`${HOODIE_FOLDER}/${folder}`);
  }
  await storage.writeAtomic(
    PROPERTIES_PATH,
    newTableProperties({
      tableName: options.tableName,
      ...(options.databaseName ? { databaseName: options.databaseName } : {}),
      recordKeyFields: options.recordKeyFields,
      ...(options.precombineField ? { precombineField: options.precombineField } : {}),
      partitionFields: options.partitionFields ?? [],
      hiveStylePartitioning: options.hiveStylePartitioning ?? false,
      urlEncodePartitioning: options.urlEncodePartitioning ?? false,
      ...(createSchema ? { createSchema } : {}),
    }),
  );
  return HudiTable.open(storage);
}
