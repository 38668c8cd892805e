import { HudiError } from '../hudi-error';
import type { TimelineTimezone } from '../timeline/instant-time';
import { parseProperties, serializeProperties } from './properties-file';
import { tableChecksum } from './table-checksum';

export const PROPERTIES_PATH = '.hoodie/hoodie.properties';

export const KEY_GENERATORS = {
  simple: 'org.apache.hudi.keygen.SimpleKeyGenerator',
  complex: 'org.apache.hudi.keygen.ComplexKeyGenerator',
  nonpartitioned: 'org.apache.hudi.keygen.NonpartitionedKeyGenerator',
} as const;

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

function keyGeneratorKind(className: string | undefined, partitionFields: string[], recordKeyFields: string[]): KeyGeneratorKind {
  const simpleName = className?.split('.').pop() ?? '';
  if (simpleName.startsWith('Nonpartitioned')) return 'nonpartitioned';
  if (simpleName.startsWith('Simple')) return 'simple';
  if (simpleName.startsWith('Complex')) return 'complex';
  if (partitionFields.length === 0) return 'nonpartitioned';
  return partitionFields.length === 1 && recordKeyFields.length === 1 ? 'simple' : 'complex';
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim().split(':')[0] ?? '')
    .filter((part) => part !== '');
}

/** Parses and validates hoodie.properties; `where` names the table in messages. */
export function parseTableConfig(text: string, where: string): TableConfig {
  const props = parseProperties(text);
  const tableName = props.get('hoodie.table.name');
  if (!tableName) throw new HudiError('not-a-table', `${where}/${PROPERTIES_PATH} has no hoodie.table.name; it is not a Hudi table (or the file is damaged).`);
  const checksum = props.get('hoodie.table.checksum');
  const databaseName = props.get('hoodie.database.name');
  if (checksum !== undefined && Number(checksum) !== tableChecksum(databaseName, tableName)) {
    throw new HudiError(
      'corrupt-timeline',
      `${where}/${PROPERTIES_PATH} has hoodie.table.checksum=${checksum} but "${databaseName ?? ''}.${tableName}" gives ${tableChecksum(databaseName, tableName)}; restore hoodie.properties from .hoodie/hoodie.properties.backup.`,
    );
  }
  const recordKeyFields = list(props.get('hoodie.table.recordkey.fields'));
  const partitionFields = list(props.get('hoodie.table.partition.fields'));
  return {
    tableName,
    databaseName,
    tableType: props.get('hoodie.table.type') ?? 'COPY_ON_WRITE',
    tableVersion: Number(props.get('hoodie.table.version') ?? '0'),
    timelineLayoutVersion: Number(props.get('hoodie.timeline.layout.version') ?? '0'),
    recordKeyFields,
    precombineField: props.get('hoodie.table.precombine.field') || undefined,
    partitionFields,
    keyGenerator: keyGeneratorKind(props.get('hoodie.table.keygenerator.class'), partitionFields, recordKeyFields),
    hiveStylePartitioning: props.get('hoodie.datasource.write.hive_style_partitioning') === 'true',
    urlEncodePartitioning: props.get('hoodie.datasource.write.partitionpath.urlencode') === 'true',
    timelineTimezone: props.get('hoodie.table.timeline.timezone') === 'UTC' ? 'UTC' : 'LOCAL',
    createSchema: props.get('hoodie.table.create.schema'),
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
  if (settings.precombineField) props.set('hoodie.table.precombine.field', settings.precombineField);
  props.set('hoodie.datasource.write.drop.partition.columns', 'false');
  if (settings.partitionFields.length > 0) props.set('hoodie.table.partition.fields', settings.partitionFields.join(','));
  props.set('hoodie.table.type', 'COPY_ON_WRITE');
  props.set('hoodie.archivelog.folder', 'archived');
  props.set('hoodie.timeline.layout.version', '1');
  props.set('hoodie.table.version', '6');
  props.set('hoodie.table.recordkey.fields', settings.recordKeyFields.join(','));
  props.set('hoodie.table.base.file.format', 'PARQUET');
  props.set('hoodie.populate.meta.fields', 'true');
  props.set('hoodie.table.metadata.partitions', '');
  props.set('hoodie.table.timeline.timezone', 'UTC');
  props.set('hoodie.compaction.payload.class', 'org.apache.hudi.common.model.DefaultHoodieRecordPayload');
  if (settings.databaseName) props.set('hoodie.database.name', settings.databaseName);
  props.set('hoodie.datasource.write.partitionpath.urlencode', String(settings.urlEncodePartitioning));
  props.set('hoodie.table.name', settings.tableName);
  props.set('hoodie.table.keygenerator.class', KEY_GENERATORS[keyGenerator]);
  props.set('hoodie.datasource.write.hive_style_partitioning', String(settings.hiveStylePartitioning));
  if (settings.createSchema) props.set('hoodie.table.create.schema', settings.createSchema);
  props.set('hoodie.table.checksum', String(tableChecksum(settings.databaseName, settings.tableName)));
  return serializeProperties(props, `Properties saved on ${now.toISOString()}`, now);
}
