import {
  DEFAULT_PAYLOAD_CLASS,
  type HudiConfig,
  HudiTableConfig,
  HudiWriteConfig as W,
  KEY_GENERATORS,
  readConfig,
} from '@autocorp/hudi/config';
import type { HudiTableSpec, JobDefinition } from '../model/job-definition';

/** Hudi's key generator classes (owned by @autocorp/hudi's config registry). */
export const KEY_GENERATOR_CLASSES = KEY_GENERATORS;

/**
 * The key generator Hudi's Spark writer would pick for the table: non-partitioned tables use
 * NonpartitionedKeyGenerator (composite keys as `f1:v1,f2:v2`), one key and one partition field
 * SimpleKeyGenerator, anything else ComplexKeyGenerator.
 */
export function keyGeneratorClass(spec: Pick<HudiTableSpec, 'recordKeyFields' | 'partitionFields'>): string {
  if (spec.partitionFields.length === 0) return KEY_GENERATOR_CLASSES.nonpartitioned;
  if (spec.partitionFields.length === 1 && spec.recordKeyFields.length === 1) return KEY_GENERATOR_CLASSES.simple;
  return KEY_GENERATOR_CLASSES.complex;
}

/**
 * `hoodie.copyonwrite.record.size.estimate` of every curated table: the curated rows take 40-60 bytes in Parquet
 * (measured at scale 1), so a first load is cut into files of about the size aimed at.
 */
export const RECORD_SIZE_ESTIMATE = 64;

/**
 * `hoodie.parquet.max.file.size` of every curated table. Copy-on-write rewrites each file group an upsert
 * touches, so the file groups are kept small (Hudi's default is 120 MB): a micro-batch of recent changes
 * rewrites a few files of at most this size instead of a whole partition.
 */
export const MAX_FILE_SIZE_BYTES = 8 * 1024 * 1024;

/** `hoodie.parquet.small.file.limit`: files below it take new records first, up to MAX_FILE_SIZE_BYTES. */
export const SMALL_FILE_LIMIT_BYTES = 6 * 1024 * 1024;

/** Hudi's payload class that keeps the larger precombine value against stored rows too. */
export const PAYLOAD_CLASS = DEFAULT_PAYLOAD_CLASS;

/**
 * THE Hudi write options of a job: the Glue script passes exactly these to the Spark datasource
 * (plus catalog sync), and the local runner builds its libs/hudi table and write from exactly
 * these (`@autocorp/etl` parses them back), so the two cannot drift.
 */
export function hudiWriteOptions(job: Pick<JobDefinition, 'hudi'>): Readonly<Record<string, string>> {
  const spec = job.hudi;
  return {
    [HudiTableConfig.TABLE_NAME.key]: spec.tableName,
    [W.TABLE_NAME.key]: spec.tableName,
    [W.TABLE_TYPE.key]: 'COPY_ON_WRITE',
    [W.OPERATION.key]: spec.operation,
    [W.RECORD_KEY_FIELDS.key]: W.RECORD_KEY_FIELDS.format(spec.recordKeyFields),
    [W.PRECOMBINE_FIELD.key]: spec.precombineField,
    [W.PARTITION_FIELDS.key]: W.PARTITION_FIELDS.format(spec.partitionFields),
    [W.HIVE_STYLE_PARTITIONING.key]: W.HIVE_STYLE_PARTITIONING.format(spec.hiveStylePartitioning),
    [W.URL_ENCODE_PARTITIONING.key]: W.URL_ENCODE_PARTITIONING.format(false),
    [W.KEY_GENERATOR_CLASS.key]: keyGeneratorClass(spec),
    [W.PAYLOAD_CLASS.key]: PAYLOAD_CLASS,
    [W.PAYLOAD_ORDERING_FIELD.key]: spec.precombineField,
    [W.COMBINE_BEFORE_UPSERT.key]: W.COMBINE_BEFORE_UPSERT.format(true),
    [W.COMBINE_BEFORE_INSERT.key]: W.COMBINE_BEFORE_INSERT.format(true),
    [W.INDEX_TYPE.key]: spec.indexType,
    // With a global index, an update whose partition value changed moves the record (Hudi 0.15's default, stated).
    ...(spec.indexType === 'GLOBAL_SIMPLE'
      ? { [W.UPDATE_PARTITION_PATH.key]: W.UPDATE_PARTITION_PATH.format(true) }
      : {}),
    [W.TABLE_VERSION.key]: W.TABLE_VERSION.format(6),
    [W.TIMELINE_TIMEZONE.key]: 'UTC',
    [W.METADATA_ENABLE.key]: W.METADATA_ENABLE.format(false),
    [W.CLEANER_POLICY.key]: 'KEEP_LATEST_COMMITS',
    [W.CLEANER_COMMITS_RETAINED.key]: W.CLEANER_COMMITS_RETAINED.format(spec.commitsRetained),
    [W.PARQUET_MAX_FILE_SIZE.key]: W.PARQUET_MAX_FILE_SIZE.format(MAX_FILE_SIZE_BYTES),
    [W.PARQUET_SMALL_FILE_LIMIT.key]: W.PARQUET_SMALL_FILE_LIMIT.format(SMALL_FILE_LIMIT_BYTES),
    // Bytes per record assumed until a commit measures it (Hudi's default of 1024 would cut a first load into
    // files a sixteenth of the size aimed at).
    [W.RECORD_SIZE_ESTIMATE.key]: W.RECORD_SIZE_ESTIMATE.format(RECORD_SIZE_ESTIMATE),
    ...(spec.sortColumns && spec.sortColumns.length > 0
      ? { [W.SORT_COLUMNS.key]: W.SORT_COLUMNS.format(spec.sortColumns) }
      : {}),
  };
}

/** The parts of the options the local writer needs, read back from the option map. */
export interface ParsedHudiOptions {
  readonly tableName: string;
  readonly operation: string;
  readonly recordKeyFields: string[];
  readonly precombineField: string;
  readonly partitionFields: string[];
  readonly hiveStylePartitioning: boolean;
  readonly urlEncodePartitioning: boolean;
  readonly keyGeneratorClass: string;
  readonly indexType: string;
  /** `hoodie.simple.index.update.partition.path` (Hudi's default true). */
  readonly updatePartitionPath: boolean;
  readonly commitsRetained: number;
  readonly metadataEnabled: boolean;
  readonly tableVersion: number;
  readonly maxFileSizeBytes: number;
  readonly smallFileLimitBytes: number;
  readonly recordSizeEstimate: number;
  /** The layout sort (`hoodie.bulkinsert.user.defined.partitioner.sort.columns`); empty for none. */
  readonly sortColumns: string[];
}

/** Reads an option map (as `hudiWriteOptions` returns it) back into typed settings; absent options take Hudi's defaults. */
export function parseHudiWriteOptions(options: Readonly<Record<string, string>>): ParsedHudiOptions {
  const where = `The Hudi write options of table ${options[HudiTableConfig.TABLE_NAME.key] ?? '(unnamed)'}`;
  const read = <T>(config: HudiConfig<T, T>): T => readConfig(options, config, where);
  return {
    tableName: options[HudiTableConfig.TABLE_NAME.key] ?? '',
    operation: read(W.OPERATION),
    recordKeyFields: readConfig(options, W.RECORD_KEY_FIELDS, where),
    precombineField: read(W.PRECOMBINE_FIELD),
    partitionFields: read(W.PARTITION_FIELDS),
    hiveStylePartitioning: read(W.HIVE_STYLE_PARTITIONING),
    urlEncodePartitioning: read(W.URL_ENCODE_PARTITIONING),
    keyGeneratorClass: read(W.KEY_GENERATOR_CLASS),
    indexType: read(W.INDEX_TYPE),
    updatePartitionPath: read(W.UPDATE_PARTITION_PATH),
    commitsRetained: read(W.CLEANER_COMMITS_RETAINED),
    metadataEnabled: read(W.METADATA_ENABLE),
    tableVersion: read(W.TABLE_VERSION),
    maxFileSizeBytes: read(W.PARQUET_MAX_FILE_SIZE),
    smallFileLimitBytes: read(W.PARQUET_SMALL_FILE_LIMIT),
    recordSizeEstimate: read(W.RECORD_SIZE_ESTIMATE),
    sortColumns: read(W.SORT_COLUMNS),
  };
}
