import { HudiError } from '../hudi-error';

/**
 * THE Hudi configuration keys this repository reads or writes, each once: its key, Hudi's default (0.15,
 * table version 6), whether it must be present, and how its text is parsed. hoodie.properties, the engine's
 * write options, the Glue job options (etl-jobs) and the Glue table properties (catalog) all name keys from
 * here, so no other file spells a `hoodie.*` key. Imports only HudiError, so configuration-only packages can use
 * it (`@autocorp/hudi/config`) without loading the engine.
 *
 * @example
 * readConfig(props, HudiTableConfig.TABLE_VERSION, where); // 6, a number
 * ({ [HudiWriteConfig.INDEX_TYPE.key]: 'GLOBAL_SIMPLE' }); // an option map for Spark
 */

/**
 * One Hudi configuration: `parse` turns its text into a value (throwing an Error saying what is wrong),
 * `format` turns a value back into text. `D` is the type of its default (undefined when Hudi has none).
 */
export interface HudiConfig<T, D extends T | undefined = T | undefined, R extends boolean = boolean> {
  readonly key: string;
  /** Hudi's default when the key is absent. */
  readonly default: D;
  /** Whether a table or write is invalid without it. */
  readonly required: R;
  readonly parse: (text: string) => T;
  readonly format: (value: Readonly<T>) => string;
}

type Settings<D, R> = { default?: D; required?: R };

function config<T, D extends T | undefined = undefined, R extends boolean = false>(
  key: string,
  parse: (text: string) => T,
  format: (value: Readonly<T>) => string,
  settings: Settings<D, R>,
): HudiConfig<T, D, R> {
  return { key, default: settings.default as D, required: (settings.required ?? false) as R, parse, format };
}

const text = <D extends string | undefined = undefined, R extends boolean = false>(
  key: string,
  settings: Settings<D, R> = {},
) =>
  config<string, D, R>(
    key,
    (value) => value,
    (value) => value,
    settings,
  );

function parseInteger(value: string): number {
  const parsed = Number(value.trim());
  if (value.trim() === '' || !Number.isInteger(parsed)) throw new Error(`"${value}" is not an integer`);
  return parsed;
}

const integer = <D extends number | undefined = undefined>(key: string, settings: Settings<D, false> = {}) =>
  config<number, D>(key, parseInteger, String, settings);

function parseBoolean(value: string): boolean {
  const lower = value.trim().toLowerCase();
  if (lower !== 'true' && lower !== 'false') throw new Error(`"${value}" is neither true nor false`);
  return lower === 'true';
}

const bool = <D extends boolean | undefined = undefined>(key: string, settings: Settings<D, false> = {}) =>
  config<boolean, D>(key, parseBoolean, String, settings);

/** Comma-separated field names; Hudi 0.x also accepts `field:type` entries in hoodie.properties (the type is dropped). */
function parseFieldList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim().split(':')[0] ?? '')
    .filter((part) => part !== '');
}

const fieldList = <D extends string[] | undefined = undefined, R extends boolean = false>(
  key: string,
  settings: Settings<D, R> = {},
) => config<string[], D, R>(key, parseFieldList, (value) => value.join(','), settings);

/** Hudi's key generator classes (`hoodie.table.keygenerator.class`, `hoodie.datasource.write.keygenerator.class`). */
export const KEY_GENERATORS = {
  simple: 'org.apache.hudi.keygen.SimpleKeyGenerator',
  complex: 'org.apache.hudi.keygen.ComplexKeyGenerator',
  nonpartitioned: 'org.apache.hudi.keygen.NonpartitionedKeyGenerator',
} as const;

/** Hudi's payload class that keeps the larger precombine value against stored rows too (new tables record it; Glue writes with it). */
export const DEFAULT_PAYLOAD_CLASS = 'org.apache.hudi.common.model.DefaultHoodieRecordPayload';

/** Keys of `.hoodie/hoodie.properties` (HoodieTableConfig). */
export const HudiTableConfig = {
  TABLE_NAME: text('hoodie.table.name', { required: true }),
  DATABASE_NAME: text('hoodie.database.name'),
  TABLE_TYPE: text('hoodie.table.type', { default: 'COPY_ON_WRITE' }),
  TABLE_VERSION: integer('hoodie.table.version', { default: 0 }),
  TIMELINE_LAYOUT_VERSION: integer('hoodie.timeline.layout.version', { default: 0 }),
  RECORD_KEY_FIELDS: fieldList('hoodie.table.recordkey.fields', { default: [] }),
  PRECOMBINE_FIELD: text('hoodie.table.precombine.field'),
  PARTITION_FIELDS: fieldList('hoodie.table.partition.fields', { default: [] }),
  KEY_GENERATOR_CLASS: text('hoodie.table.keygenerator.class'),
  HIVE_STYLE_PARTITIONING: bool('hoodie.datasource.write.hive_style_partitioning', { default: false }),
  URL_ENCODE_PARTITIONING: bool('hoodie.datasource.write.partitionpath.urlencode', { default: false }),
  DROP_PARTITION_COLUMNS: bool('hoodie.datasource.write.drop.partition.columns', { default: false }),
  TIMELINE_TIMEZONE: config<'UTC' | 'LOCAL', 'LOCAL'>(
    'hoodie.table.timeline.timezone',
    (value) => (value === 'UTC' ? 'UTC' : 'LOCAL'),
    String,
    { default: 'LOCAL' },
  ),
  CREATE_SCHEMA: text('hoodie.table.create.schema'),
  CHECKSUM: integer('hoodie.table.checksum'),
  ARCHIVELOG_FOLDER: text('hoodie.archivelog.folder', { default: 'archived' }),
  BASE_FILE_FORMAT: text('hoodie.table.base.file.format', { default: 'PARQUET' }),
  POPULATE_META_FIELDS: bool('hoodie.populate.meta.fields', { default: true }),
  METADATA_PARTITIONS: text('hoodie.table.metadata.partitions', { default: '' }),
  PAYLOAD_CLASS: text('hoodie.compaction.payload.class'),
} as const;

/** Options of a write (HoodieWriteConfig and the Spark datasource's `hoodie.datasource.write.*`). */
export const HudiWriteConfig = {
  TABLE_NAME: text('hoodie.datasource.write.table.name'),
  TABLE_TYPE: text('hoodie.datasource.write.table.type', { default: 'COPY_ON_WRITE' }),
  OPERATION: text('hoodie.datasource.write.operation', { default: 'upsert' }),
  RECORD_KEY_FIELDS: fieldList('hoodie.datasource.write.recordkey.field', { required: true }),
  PRECOMBINE_FIELD: text('hoodie.datasource.write.precombine.field', { default: '' }),
  PARTITION_FIELDS: fieldList('hoodie.datasource.write.partitionpath.field', { default: [] }),
  HIVE_STYLE_PARTITIONING: bool('hoodie.datasource.write.hive_style_partitioning', { default: false }),
  URL_ENCODE_PARTITIONING: bool('hoodie.datasource.write.partitionpath.urlencode', { default: false }),
  KEY_GENERATOR_CLASS: text('hoodie.datasource.write.keygenerator.class', { default: '' }),
  PAYLOAD_CLASS: text('hoodie.datasource.write.payload.class'),
  PAYLOAD_ORDERING_FIELD: text('hoodie.payload.ordering.field'),
  COMBINE_BEFORE_UPSERT: bool('hoodie.combine.before.upsert', { default: true }),
  COMBINE_BEFORE_INSERT: bool('hoodie.combine.before.insert', { default: false }),
  INDEX_TYPE: text('hoodie.index.type', { default: 'SIMPLE' }),
  /** GLOBAL_SIMPLE only: move a record whose partition path changed. */
  UPDATE_PARTITION_PATH: bool('hoodie.simple.index.update.partition.path', { default: true }),
  /** The writer's table version (what the Spark writer creates or upgrades to). */
  TABLE_VERSION: integer('hoodie.table.version', { default: 6 }),
  TIMELINE_TIMEZONE: text('hoodie.table.timeline.timezone', { default: 'LOCAL' }),
  /** The metadata table (on by default in Hudi): this engine refuses tables that have one, so curated tables turn it off. */
  METADATA_ENABLE: bool('hoodie.metadata.enable', { default: true }),
  CLEANER_POLICY: text('hoodie.cleaner.policy', { default: 'KEEP_LATEST_COMMITS' }),
  CLEANER_COMMITS_RETAINED: integer('hoodie.cleaner.commits.retained', { default: 10 }),
  PARQUET_MAX_FILE_SIZE: integer('hoodie.parquet.max.file.size', { default: 120 * 1024 * 1024 }),
  PARQUET_SMALL_FILE_LIMIT: integer('hoodie.parquet.small.file.limit', { default: 100 * 1024 * 1024 }),
  RECORD_SIZE_ESTIMATE: integer('hoodie.copyonwrite.record.size.estimate', { default: 1024 }),
  LOCK_WAIT_TIME_MS: integer('hoodie.write.lock.wait_time_ms', { default: 60_000 }),
  /**
   * Columns the records are sorted by before they are cut into files (Hudi's RDDCustomColumnsSortPartitioner,
   * used by Spark's bulk_insert). This engine honours it on every write: see WriteOptions.sortColumns.
   */
  SORT_COLUMNS: fieldList('hoodie.bulkinsert.user.defined.partitioner.sort.columns', { default: [] }),
} as const;

/** Options of a Spark datasource read: the query type, the incremental range, time travel. */
export const HudiReadConfig = {
  QUERY_TYPE: text('hoodie.datasource.query.type', { default: 'snapshot' }),
  /** Incremental queries return the records written in (begin, end]. */
  BEGIN_INSTANT: text('hoodie.datasource.read.begin.instanttime'),
  END_INSTANT: text('hoodie.datasource.read.end.instanttime'),
  /** Time travel: the table as of this instant. */
  AS_OF_INSTANT: text('as.of.instant'),
} as const;

/** Hudi's catalog sync (hive sync in `hms` mode, which on Glue writes the Data Catalog) and the table properties it sets. */
export const HudiSyncConfig = {
  ENABLE: bool('hoodie.datasource.hive_sync.enable', { default: false }),
  MODE: text('hoodie.datasource.hive_sync.mode'),
  USE_JDBC: bool('hoodie.datasource.hive_sync.use_jdbc', { default: true }),
  DATABASE: text('hoodie.datasource.hive_sync.database', { default: 'default' }),
  TABLE: text('hoodie.datasource.hive_sync.table'),
  PARTITION_FIELDS: fieldList('hoodie.datasource.hive_sync.partition_fields', { default: [] }),
  PARTITION_EXTRACTOR_CLASS: text('hoodie.datasource.hive_sync.partition_extractor_class'),
  SUPPORT_TIMESTAMP: bool('hoodie.datasource.hive_sync.support_timestamp', { default: false }),
  /** Extra Glue table parameters, as `key=value` lines. */
  TABLE_PROPERTIES: text('hoodie.datasource.hive_sync.table_properties'),
  META_SYNC_ENABLE: bool('hoodie.datasource.meta.sync.enable', { default: false }),
  /** Glue/Hive table property: whether the table is the read-optimized view of a Merge-on-Read table. */
  QUERY_AS_RO_TABLE: bool('hoodie.query.as.ro.table', { default: false }),
} as const;

/** A key/value source: hoodie.properties as read, or an option map. */
export type ConfigSource = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function lookup(source: ConfigSource, key: string): string | undefined {
  if (source instanceof Map) return source.get(key);
  return Object.prototype.hasOwnProperty.call(source, key) ? (source as Record<string, string>)[key] : undefined;
}

/**
 * The value of `config` in `source`: parsed when present, else its default. Throws HudiError invalid-config naming the
 * key and `where` when a required key is missing or the text does not parse; undefined when absent without default.
 */
export function readConfig<T>(source: ConfigSource, config: HudiConfig<T, T>, where: string): T;
export function readConfig<T>(source: ConfigSource, config: HudiConfig<T, undefined, true>, where: string): T;
export function readConfig<T>(source: ConfigSource, config: HudiConfig<T, undefined>, where: string): T | undefined;
export function readConfig<T>(source: ConfigSource, config: HudiConfig<T>, where: string): T | undefined {
  const raw = lookup(source, config.key);
  if (raw === undefined) {
    if (config.required)
      throw new HudiError('invalid-config', `${where} has no ${config.key}, which is required; set it.`);
    return config.default;
  }
  try {
    return config.parse(raw);
  } catch (error) {
    throw new HudiError(
      'invalid-config',
      `${where} has ${config.key}=${raw}, which is invalid (${(error as Error).message}); fix the value.`,
      { cause: error },
    );
  }
}
