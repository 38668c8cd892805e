import { ZONES, curatedTablePrefix, quarantinePrefix, rawDatabasePrefix } from '@autocorp/lake-storage/layout';
import {
  type GlueEnvironment,
  JOBS,
  glueJobArguments,
  jobsInDependencyOrder,
  renderGlueScript,
} from '@autocorp/etl-jobs';
import { NAMED_QUERIES, athenaNamedQueryString } from '@autocorp/query';
import { SOURCE_TABLE_NAMES } from '@autocorp/schema';
import type { EnvironmentConfig } from '../config/environment-config';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';
import type { GlueJobInput } from './glue-job-input';
import type { NamedQueryInput } from './named-query-input';

/** The seven source tables DMS replicates, from @autocorp/schema. */
export function sourceTableNames(): readonly string[] {
  return SOURCE_TABLE_NAMES;
}

/**
 * The `cdcSlot` the Glue jobs are told about. Only `--cdc_position_mode position_file` (@autocorp/cdc output) reads
 * it; DMS creates and names its own slot (the endpoint sets no SlotName).
 */
export function replicationSlotName(config: Pick<EnvironmentConfig, 'name'>): string {
  return `autocorp_dms_${config.name}`;
}

/**
 * The raw-zone prefixes by how the jobs read them: `readInFull` (a database table some job reads as `history`,
 * every file on every run) and `readOnce` (CSV exports and the other database tables, read file by file through
 * job bookmarks). Computed from the job definitions of @autocorp/etl-jobs.
 */
export function rawPrefixesByRead(): { readonly readInFull: string[]; readonly readOnce: string[] } {
  const databaseSources = JOBS.flatMap((job) => job.sources).flatMap((source) =>
    source.kind === 'database' ? [source] : [],
  );
  const history = new Set(databaseSources.filter((source) => source.read === 'history').map((source) => source.table));
  return {
    readInFull: SOURCE_TABLE_NAMES.filter((table) => history.has(table)).map(rawDatabasePrefix),
    readOnce: [
      LAKE_PREFIXES.rawCsv,
      ...SOURCE_TABLE_NAMES.filter((table) => !history.has(table)).map(rawDatabasePrefix),
    ],
  };
}

/**
 * Where the deployed jobs read and write. @autocorp/etl-jobs addresses one lake URI with zone prefixes; on AWS the
 * zones are separate buckets, so the lake URI is the raw bucket and the per-job output locations are redirected to
 * the curated and processed buckets below (see README, "Open integration points").
 */
export function glueEnvironmentFor(config: EnvironmentConfig): GlueEnvironment {
  const names = resourceNames(config);
  return {
    lakeUri: `s3://${names.bucket('raw')}`,
    glueDatabase: names.glueDatabase,
    cdcSlot: replicationSlotName(config),
    tempUri: `s3://${names.bucket('processed')}/${LAKE_PREFIXES.glueTemp.replace(/\/$/, '')}`,
    scriptsUri: `s3://${names.bucket('processed')}/glue-scripts`,
  };
}

/** Zone locations of the three-bucket layout, passed to every job next to the etl-jobs arguments. */
export function zoneArguments(
  config: EnvironmentConfig,
  job: { readonly name: string; readonly hudi: { readonly tableName: string } },
): Record<string, string> {
  const names = resourceNames(config);
  const curated = `s3://${names.bucket('curated')}/${LAKE_PREFIXES.curated}`;
  const processed = `s3://${names.bucket('processed')}/${LAKE_PREFIXES.processed}`;
  return {
    '--raw_path': `s3://${names.bucket('raw')}/${ZONES.raw}`,
    '--curated_path': curated,
    '--processed_path': processed,
    '--target_path': `s3://${names.bucket('curated')}/${curatedTablePrefix(job.hudi.tableName)}`,
    '--quarantine_path': `s3://${names.bucket('processed')}/${quarantinePrefix(job.name)}`,
  };
}

/** The ten Glue jobs from the shared job definitions of @autocorp/etl-jobs, rendered for one environment. */
export function glueJobsFromDefinitions(config: EnvironmentConfig): GlueJobInput[] {
  const env = glueEnvironmentFor(config);
  return jobsInDependencyOrder(
    JOBS.map((job) => job.name),
    JOBS,
  ).map((job) => ({
    name: job.name,
    layer: job.layer,
    description: job.description,
    dependsOn: [...job.dependsOn],
    script: renderGlueScript(job, env),
    arguments: { ...glueJobArguments(job, env), ...zoneArguments(config, job) },
  }));
}

/** The named queries of @autocorp/query as Athena SQL over the environment's catalog database (defaults for parameters). */
export function namedQueriesFromDefinitions(config: EnvironmentConfig): NamedQueryInput[] {
  const database = resourceNames(config).glueDatabase;
  return NAMED_QUERIES.map((query) => ({
    name: query.name,
    description: query.description,
    sql: athenaNamedQueryString(query, { database }),
  }));
}
