import { HudiSyncConfig as S } from '@autocorp/hudi/config';
import type { JobDefinition } from '../model/job-definition';
import { type GlueEnvironment, normalizeGlueEnvironment } from './glue-environment';

/** Table parameters the Hudi sync sets on the Glue table (`hoodie.datasource.hive_sync.table_properties`). */
export const HUDI_TABLE_PROPERTIES = 'classification=hudi';

/**
 * Glue Data Catalog sync of the Hudi table (Hudi's hive sync in `hms` mode, which on Glue talks to
 * the Data Catalog). Only the Glue writer adds these; the table layout comes from `hudiWriteOptions`.
 */
export function glueCatalogSyncOptions(job: JobDefinition, env: GlueEnvironment): Record<string, string> {
  const e = normalizeGlueEnvironment(env);
  const partitioned = job.hudi.partitionFields.length > 0;
  return {
    [S.ENABLE.key]: S.ENABLE.format(true),
    [S.MODE.key]: 'hms',
    [S.USE_JDBC.key]: S.USE_JDBC.format(false),
    [S.DATABASE.key]: e.glueDatabase,
    [S.TABLE.key]: job.hudi.tableName,
    [S.PARTITION_FIELDS.key]: S.PARTITION_FIELDS.format(job.hudi.partitionFields),
    [S.PARTITION_EXTRACTOR_CLASS.key]: partitioned
      ? 'org.apache.hudi.hive.MultiPartKeysValueExtractor'
      : 'org.apache.hudi.hive.NonPartitionedExtractor',
    [S.SUPPORT_TIMESTAMP.key]: S.SUPPORT_TIMESTAMP.format(true),
    // Hudi's sync writes no `classification`; Glue-side readers (the catalog, crawlers, the console) key on it.
    // Hudi reads this option as `key=value` lines.
    [S.TABLE_PROPERTIES.key]: HUDI_TABLE_PROPERTIES,
    [S.META_SYNC_ENABLE.key]: S.META_SYNC_ENABLE.format(true),
  };
}
