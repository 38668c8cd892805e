import type { HudiTableSpec, JobDefinition } from '../model/job-definition';

export const KEY_GENERATOR_CLASSES = {
  simple: 'org.apache.hudi.keygen.SimpleKeyGenerator',
  complex: 'org.apache.hudi.keygen.ComplexKeyGenerator',
  nonpartitioned: 'org.apache.hudi.keygen.NonpartitionedKeyGenerator',
} as const;

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

/** `hoodie.copyonwrite.record.size.estimate` of every curated table. */
export const RECORD_SIZE_ESTIMATE = 256;

/** Hudi's payload class that keeps the larger precombine value against stored rows too. */
export const PAYLOAD_CLASS = 'org.apache.hudi.common.model.DefaultHoodieRecordPayload';

/** The option that makes a GLOBAL_SIMPLE index move a record whose partition value changed. */
export const UPDATE_PARTITION_PATH = 'hoodie.simple.index.update.partition.path';

/**
 * THE Hudi write options of a job: the Glue script passes exactly these to the Spark datasource
 * (plus catalog sync), and the local runner builds its libs/hudi table and write from exactly
 * these (`@autocorp/etl` parses them back), so the two cannot drift.
 */
export function hudiWriteOptions(job: Pick<JobDefinition, 'hudi'>): Readonly<Record<string, string>> {
  const spec = job.hudi;
  return {
    'hoodie.table.name': spec.tableName,
    'hoodie.datasource.write.table.name': spec.tableName,
    'hoodie.datasource.write.table.type': 'COPY_ON_WRITE',
    'hoodie.datasource.write.operation': spec.operation,
    'hoodie.datasource.write.recordkey.field': spec.recordKeyFields.join(','),
    'hoodie.datasource.write.precombine.field': spec.precombineField,
    'hoodie.datasource.write.partitionpath.field': spec.partitionFields.join(','),
    'hoodie.datasource.write.hive_style_partitioning': String(spec.hiveStylePartitioning),
    'hoodie.datasource.write.partitionpath.urlencode': 'false',
    'hoodie.datasource.write.keygenerator.class': keyGeneratorClass(spec),
    'hoodie.datasource.write.payload.class': PAYLOAD_CLASS,
    'hoodie.payload.ordering.field': spec.precombineField,
    'hoodie.combine.before.upsert': 'true',
    'hoodie.combine.before.insert': 'true',
    'hoodie.index.type': spec.indexType,
    // With a global index, an update whose partition value changed moves the record (Hudi 0.15's default, stated).
    ...(spec.indexType === 'GLOBAL_SIMPLE' ? { [UPDATE_PARTITION_PATH]: 'true' } : {}),
    'hoodie.table.version': '6',
    'hoodie.table.timeline.timezone': 'UTC',
    'hoodie.metadata.enable': 'false',
    'hoodie.cleaner.policy': 'KEEP_LATEST_COMMITS',
    'hoodie.cleaner.commits.retained': String(spec.commitsRetained),
    'hoodie.parquet.max.file.size': String(120 * 1024 * 1024),
    'hoodie.parquet.small.file.limit': String(100 * 1024 * 1024),
    // Bytes per record assumed until a commit measures it: the curated rows are ~100-200 bytes in Parquet, so
    // Hudi's default of 1024 would cut a first load into files a fifth of the 120 MB aimed at.
    'hoodie.copyonwrite.record.size.estimate': String(RECORD_SIZE_ESTIMATE),
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
}

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** Reads an option map (as `hudiWriteOptions` returns it) back into typed settings. */
export function parseHudiWriteOptions(options: Readonly<Record<string, string>>): ParsedHudiOptions {
  return {
    tableName: options['hoodie.table.name'] ?? '',
    operation: options['hoodie.datasource.write.operation'] ?? 'upsert',
    recordKeyFields: list(options['hoodie.datasource.write.recordkey.field']),
    precombineField: options['hoodie.datasource.write.precombine.field'] ?? '',
    partitionFields: list(options['hoodie.datasource.write.partitionpath.field']),
    hiveStylePartitioning: options['hoodie.datasource.write.hive_style_partitioning'] === 'true',
    urlEncodePartitioning: options['hoodie.datasource.write.partitionpath.urlencode'] === 'true',
    keyGeneratorClass: options['hoodie.datasource.write.keygenerator.class'] ?? '',
    indexType: options['hoodie.index.type'] ?? 'SIMPLE',
    updatePartitionPath: (options[UPDATE_PARTITION_PATH] ?? 'true') === 'true',
    commitsRetained: Number(options['hoodie.cleaner.commits.retained'] ?? '10'),
    metadataEnabled: options['hoodie.metadata.enable'] === 'true',
    tableVersion: Number(options['hoodie.table.version'] ?? '6'),
    maxFileSizeBytes: Number(options['hoodie.parquet.max.file.size'] ?? String(120 * 1024 * 1024)),
    smallFileLimitBytes: Number(options['hoodie.parquet.small.file.limit'] ?? String(100 * 1024 * 1024)),
    recordSizeEstimate: Number(options['hoodie.copyonwrite.record.size.estimate'] ?? '1024'),
  };
}
