import { HudiError } from '../hudi-error';
import type { TimelineTimezone } from '../timeline/instant-time';
import { DEFAULT_PAYLOAD_CLASS, HudiTableConfig as T, KEY_GENERATORS, readConfig } from './hudi-configs';
import { parseProperties, serializeProperties } from './properties-file';
import { tableChecksum } from './table-checksum';

export const PROPERTIES_PATH = '.hoodie/hoodie.properties';

export type KeyGeneratorKind = keyof typeof KEY_GENERATORS;

/** The table's settings from `.hoodie/hoodie.properties`. */
export interface TableConfig {
  tableName: string;
  databaseName: string | undefined;
  tableType: string;
  tableVersion: number;
  timelineLayoutVersion: number;
  recordKeyFields: string[];
  precombineField: string | undefined;
  partitionFields: string[];
  keyGenerator: KeyGeneratorKind;
  hiveStylePartitioning: boolean;
  urlEncodePartitioning: boolean;
  timelineTimezone: TimelineTimezone;
  /** `hoodie.table.create.schema` (Avro JSON) when present. */
  createSchema: string | undefined;
  /** All properties as read, in file order. */
  properties: Map<string, string>;
}

function keyGeneratorKind(
  className: string | undefined,
  partitionFields: string[],
  recordKeyFields: string[],
): KeyGeneratorKind {
  const simpleName = className?.split('.').pop() ?? '';
  if (simpleName.startsWith('Nonpartitioned')) return 'nonpartitioned';
  if (simpleName.startsWith('Simple')) return 'simple';
  if (simpleName.startsWith('Complex')) return 'complex';
  if (partitionFields.length === 0) return 'nonpartitioned';
  return partitionFields.length === 1 && recordKeyFields.length === 1 ? 'simple' : 'complex';
}

/** Parses and validates hoodie.properties; `where` names the table in messages. */
export function parseTableConfig(text: string, where: string): TableConfig {
  const props = parseProperties(text);
  const file = `${where}/${PROPERTIES_PATH}`;
  const tableName = props.get(T.TABLE_NAME.key);
  if (!tableName)
    throw new HudiError(
      'not-a-table',
      `${file} has no ${T.TABLE_NAME.key}; it is not a Hudi table (or the file is damaged).`,
    );
  const checksum = props.get(T.CHECKSUM.key);
  const databaseName = readConfig(props, T.DATABASE_NAME, file);
  if (checksum !== undefined && Number(checksum) !== tableChecksum(databaseName, tableName)) {
    throw new HudiError(
      'corrupt-timeline',
      `${file} has ${T.CHECKSUM.key}=${checksum} but "${databaseName ?? ''}.${tableName}" gives ${tableChecksum(databaseName, tableName)}; restore hoodie.properties from .hoodie/hoodie.properties.backup.`,
    );
  }
  const recordKeyFields = readConfig(props, T.RECORD_KEY_FIELDS, file);
  const partitionFields = readConfig(props, T.PARTITION_FIELDS, file);
  return {
    tableName,
    databaseName,
    tableType: readConfig(props, T.TABLE_TYPE, file),
    tableVersion: readConfig(props, T.TABLE_VERSION, file),
    timelineLayoutVersion: readConfig(props, T.TIMELINE_LAYOUT_VERSION, file),
    recordKeyFields,
    precombineField: readConfig(props, T.PRECOMBINE_FIELD, file) || undefined,
    partitionFields,
    keyGenerator: keyGeneratorKind(readConfig(props, T.KEY_GENERATOR_CLASS, file), partitionFields, recordKeyFields),
    hiveStylePartitioning: readConfig(props, T.HIVE_STYLE_PARTITIONING, file),
    urlEncodePartitioning: readConfig(props, T.URL_ENCODE_PARTITIONING, file),
    timelineTimezone: readConfig(props, T.TIMELINE_TIMEZONE, file),
    createSchema: readConfig(props, T.CREATE_SCHEMA, file),
    properties: props,
  };
}

/** Settings for a new table. */
export interface NewTableSettings {
  tableName: string;
  databaseName?: string;
  recordKeyFields: string[];
  precombineField?: string;
  partitionFields: string[];
  hiveStylePartitioning: boolean;
  urlEncodePartitioning: boolean;
  createSchema?: string;
}

/** hoodie.properties text for a new COPY_ON_WRITE table at version 6, with its checksum last. */
export function newTableProperties(settings: NewTableSettings, now = new Date()): string {
  const keyGenerator = keyGeneratorKind(undefined, settings.partitionFields, settings.recordKeyFields);
  const props = new Map<string, string>();
  if (settings.precombineField) props.set(T.PRECOMBINE_FIELD.key, settings.precombineField);
  props.set(T.DROP_PARTITION_COLUMNS.key, 'false');
  if (settings.partitionFields.length > 0)
    props.set(T.PARTITION_FIELDS.key, T.PARTITION_FIELDS.format(settings.partitionFields));
  props.set(T.TABLE_TYPE.key, 'COPY_ON_WRITE');
  props.set(T.ARCHIVELOG_FOLDER.key, 'archived');
  props.set(T.TIMELINE_LAYOUT_VERSION.key, '1');
  props.set(T.TABLE_VERSION.key, '6');
  props.set(T.RECORD_KEY_FIELDS.key, T.RECORD_KEY_FIELDS.format(settings.recordKeyFields));
  props.set(T.BASE_FILE_FORMAT.key, 'PARQUET');
  props.set(T.POPULATE_META_FIELDS.key, 'true');
  props.set(T.METADATA_PARTITIONS.key, '');
  props.set(T.TIMELINE_TIMEZONE.key, 'UTC');
  props.set(T.PAYLOAD_CLASS.key, DEFAULT_PAYLOAD_CLASS);
  if (settings.databaseName) props.set(T.DATABASE_NAME.key, settings.databaseName);
  props.set(T.URL_ENCODE_PARTITIONING.key, String(settings.urlEncodePartitioning));
  props.set(T.TABLE_NAME.key, settings.tableName);
  props.set(T.KEY_GENERATOR_CLASS.key, KEY_GENERATORS[keyGenerator]);
  props.set(T.HIVE_STYLE_PARTITIONING.key, String(settings.hiveStylePartitioning));
  if (settings.createSchema) props.set(T.CREATE_SCHEMA.key, settings.createSchema);
  props.set(T.CHECKSUM.key, String(tableChecksum(settings.databaseName, settings.tableName)));
  return serializeProperties(props, `Properties saved on ${now.toISOString()}`, now);
}
