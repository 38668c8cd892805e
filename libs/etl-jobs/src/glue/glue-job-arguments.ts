import { ZONES, curatedTablePrefix, quarantinePrefix } from '@autocorp/lake-storage/layout';
import type { JobDefinition } from '../model/job-definition';
import { type GlueEnvironment, normalizeGlueEnvironment } from './glue-environment';

/** Spark settings Hudi needs on Glue 5.0 (passed as one chained `--conf`). */
export const GLUE_SPARK_CONF = [
  'spark.serializer=org.apache.spark.serializer.KryoSerializer',
  'spark.sql.extensions=org.apache.spark.sql.hudi.HoodieSparkSessionExtension',
  'spark.kryo.registrator=org.apache.spark.HoodieSparkKryoRegistrar',
  'spark.sql.catalog.spark_catalog=org.apache.spark.sql.hudi.catalog.HoodieCatalog',
  'spark.sql.hive.convertMetastoreParquet=false',
  'spark.sql.session.timeZone=UTC',
] as const;

/** The Glue version the scripts are written for (Spark 3.5, Python 3.11, Hudi 0.15). */
export const GLUE_VERSION = '5.0';

/** S3 key of a job's script under the scripts folder. */
export function glueScriptUri(job: Pick<JobDefinition, 'name'>, env: GlueEnvironment): string {
  return `${normalizeGlueEnvironment(env).scriptsUri}/autocorp_etl_${job.name}.py`;
}

/** The Glue job name of a job. */
export function glueJobName(job: Pick<JobDefinition, 'name'>): string {
  return `autocorp-etl-${job.name.replace(/_/g, '-')}`;
}

/**
 * The job's default arguments (Glue `DefaultArguments`): Hudi as data lake format, job bookmarks,
 * metrics, the Spark conf for Hudi, and the job's S3 locations. The zone locations
 * (`--raw_path`, `--processed_path`, `--curated_path`) default to the zone prefixes of the one lake URI;
 * a deployment with one bucket per zone overrides them (and `--target_path`, `--quarantine_path`).
 */
export function glueJobArguments(job: JobDefinition, env: GlueEnvironment): Record<string, string> {
  const e = normalizeGlueEnvironment(env);
  const [first, ...rest] = GLUE_SPARK_CONF;
  return {
    '--job-language': 'python',
    '--datalake-formats': 'hudi',
    '--job-bookmark-option': 'job-bookmark-enable',
    '--enable-metrics': 'true',
    '--enable-glue-datacatalog': 'true',
    '--enable-observability-metrics': 'true',
    '--TempDir': `${e.tempUri}/${job.name}/`,
    '--conf': [first, ...rest.map((c) => `--conf ${c}`)].join(' '),
    '--lake_path': `${e.lakeUri}/`,
    '--raw_path': `${e.lakeUri}/${ZONES.raw}`,
    '--processed_path': `${e.lakeUri}/${ZONES.processed}`,
    '--curated_path': `${e.lakeUri}/${ZONES.curated}`,
    '--source_path': `${e.lakeUri}/${job.layer === 'operational' ? ZONES.raw : ZONES.curated}`,
    '--target_path': `${e.lakeUri}/${curatedTablePrefix(job.hudi.tableName)}`,
    '--quarantine_path': `${e.lakeUri}/${quarantinePrefix(job.name)}`,
    '--glue_database': e.glueDatabase,
    '--cdc_slot': e.cdcSlot,
    '--cdc_position_mode': e.cdcPositionMode ?? 'dms',
    // `true` rebuilds a job with an incremental plan whole (as `autocorp etl run --full`).
    '--full_rebuild': 'false',
  };
}
