import type {
  Column as GlueColumn,
  Partition as GluePartition,
  StorageDescriptor,
  Table as GlueTable,
  TableInput as GlueTableInput,
} from '@aws-sdk/client-glue';
import { HudiSyncConfig } from '@autocorp/hudi';
import { CatalogError } from '../catalog-error';
import type { CatalogTable, Column, Partition, TableFormat, TableInput } from '../model';
import { TABLE_FORMATS } from '../model';

const PARQUET_SERDE = 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe';
const PARQUET_OUTPUT = 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat';

/** Input/output formats and SerDe for each table format, as Glue crawlers and Hudi's Glue sync write them. */
export const STORAGE_FORMATS: Record<TableFormat, { inputFormat: string; outputFormat: string; serde: string }> = {
  parquet: {
    inputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
    outputFormat: PARQUET_OUTPUT,
    serde: PARQUET_SERDE,
  },
  hudi: {
    inputFormat: 'org.apache.hudi.hadoop.HoodieParquetInputFormat',
    outputFormat: PARQUET_OUTPUT,
    serde: PARQUET_SERDE,
  },
  csv: {
    inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
    outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
    serde: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
  },
};

/** Table parameters Glue or its crawlers add on their own; they are not part of our definition. */
const GLUE_OWNED_PARAMETERS = new Set([
  'classification',
  'EXTERNAL',
  'transient_lastDdlTime',
  'last_modified_by',
  'last_modified_time',
  'UPDATED_BY_CRAWLER',
  'CrawlerSchemaDeserializerVersion',
  'CrawlerSchemaSerializerVersion',
  'averageRecordSize',
  'objectCount',
  'recordCount',
  'sizeKey',
  'compressionType',
  'typeOfData',
]);

function toGlueColumns(columns: readonly Column[]): GlueColumn[] {
  return columns.map((c) => ({
    Name: c.name,
    Type: c.type,
    ...(c.comment !== undefined ? { Comment: c.comment } : {}),
  }));
}

function fromGlueColumns(columns: readonly GlueColumn[] | undefined): Column[] {
  return (columns ?? []).map((c) => ({
    name: c.Name ?? '',
    type: c.Type ?? 'string',
    ...(c.Comment !== undefined ? { comment: c.Comment } : {}),
  }));
}

function serdeParameters(input: Pick<TableInput, 'format' | 'location' | 'properties'>): Record<string, string> {
  if (input.format === 'csv') {
    return {
      separatorChar: input.properties['delimiter'] ?? ',',
      quoteChar: input.properties['quote'] ?? '"',
      escapeChar: input.properties['escape'] || '\\',
    };
  }
  if (input.format === 'hudi')
    return {
      [HudiSyncConfig.QUERY_AS_RO_TABLE.key]: HudiSyncConfig.QUERY_AS_RO_TABLE.format(false),
      path: input.location,
    };
  return { 'serialization.format': '1' };
}

export function storageDescriptor(
  input: Pick<TableInput, 'format' | 'location' | 'properties' | 'columns'>,
  location: string = input.location,
): StorageDescriptor {
  const formats = STORAGE_FORMATS[input.format];
  return {
    Columns: toGlueColumns(input.columns),
    Location: location,
    InputFormat: formats.inputFormat,
    OutputFormat: formats.outputFormat,
    SerdeInfo: { SerializationLibrary: formats.serde, Parameters: serdeParameters(input) },
    Compressed: false,
    StoredAsSubDirectories: false,
  };
}

export function toGlueTableInput(input: TableInput): GlueTableInput {
  return {
    Name: input.name,
    ...(input.description !== undefined ? { Description: input.description } : {}),
    TableType: 'EXTERNAL_TABLE',
    Parameters: { ...input.properties, classification: input.format, EXTERNAL: 'TRUE' },
    PartitionKeys: toGlueColumns(input.partitionKeys),
    StorageDescriptor: storageDescriptor(input),
  };
}

/** Input formats of tables written by others (Hudi's own catalog sync, Glue crawlers) that name their format. */
const FORMAT_BY_INPUT_FORMAT: Readonly<Record<string, TableFormat>> = {
  [STORAGE_FORMATS.hudi.inputFormat]: 'hudi',
  // Hudi's sync registers merge-on-read `_rt` views with this one; the curated tables are copy-on-write, but a
  // table another writer synced is still Hudi.
  'org.apache.hudi.hadoop.realtime.HoodieParquetRealtimeInputFormat': 'hudi',
  [STORAGE_FORMATS.parquet.inputFormat]: 'parquet',
};

/**
 * The format of a Glue table: its `classification` parameter when it names one this catalog knows, else its input
 * format (Hudi's HMS sync writes no classification), else undefined (a table this catalog does not know).
 */
export function glueTableFormat(table: GlueTable): TableFormat | undefined {
  const classification = table.Parameters?.['classification'];
  if (classification !== undefined && (TABLE_FORMATS as readonly string[]).includes(classification))
    return classification as TableFormat;
  const inputFormat = table.StorageDescriptor?.InputFormat;
  return inputFormat === undefined ? undefined : FORMAT_BY_INPUT_FORMAT[inputFormat];
}

/** A Glue table as a catalog table; throws `corrupt-state` for a table whose format this catalog does not know. */
export function fromGlueTable(database: string, table: GlueTable): CatalogTable {
  const classification = glueTableFormat(table);
  if (classification === undefined) {
    throw new CatalogError(
      'corrupt-state',
      `Glue table "${database}.${table.Name}" has classification ${JSON.stringify(table.Parameters?.['classification'])} and input format ${JSON.stringify(table.StorageDescriptor?.InputFormat)}; this catalog knows ${TABLE_FORMATS.join(', ')}. Re-crawl it or remove it from the database.`,
    );
  }
  const parameters = table.Parameters ?? {};
  const properties: Record<string, string> = {};
  for (const [k, v] of Object.entries(parameters)) if (!GLUE_OWNED_PARAMETERS.has(k)) properties[k] = v;
  const created = (table.CreateTime ?? new Date(0)).toISOString();
  return {
    database,
    name: table.Name ?? '',
    location: table.StorageDescriptor?.Location ?? '',
    format: classification,
    columns: fromGlueColumns(table.StorageDescriptor?.Columns),
    partitionKeys: fromGlueColumns(table.PartitionKeys),
    properties,
    ...(table.Description !== undefined ? { description: table.Description } : {}),
    createdAt: created,
    updatedAt: (table.UpdateTime ?? table.CreateTime ?? new Date(0)).toISOString(),
    versionId: table.VersionId ?? '1',
  };
}

export function fromGluePartition(partition: GluePartition): Partition {
  return {
    values: partition.Values ?? [],
    location: partition.StorageDescriptor?.Location ?? '',
    createdAt: (partition.CreationTime ?? new Date(0)).toISOString(),
  };
}
