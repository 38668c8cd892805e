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
    'hoodie.datasource.hive_sync.enable': 'true',
    'hoodie.datasource.hive_sync.mode': 'hms',
    'hoodie.datasource.hive_sync.use_jdbc': 'false',
    'hoodie.datasource.hive_sync.database': e.glueDatabase,
    'hoodie.datasource.hive_sync.table': job.hudi.tableName,
    'hoodie.datasource.hive_sync.partition_fields': job.hudi.partitionFields.join(','),
    'hoodie.datasource.hive_sync.partition_extractor_class': partitioned
      ? 'org.apache.hudi.hive.MultiPartKeysValueExtractor'
      : 'org.apache.hudi.hive.NonPartitionedExtractor',
    'hoodie.datasource.hive_sync.support_timestamp': 'true',
    // Hudi's sync writes no `classification`; Glue-side readers (the catalog, crawlers, the console) key on it.
    // Hudi reads this option as `key=value` lines.
    'hoodie.datasource.hive_sync.table_properties': HUDI_TABLE_PROPERTIES,
    'hoodie.datasource.meta.sync.enable': 'true',
  };
}
