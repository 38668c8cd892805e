import { RAW_CSV_PREFIX, RAW_DATABASE_PREFIX, ZONES } from '@autocorp/lake-storage/layout';
import type { EnvironmentConfig } from './environment-config';

/** The lake's zones and their key prefixes: the keys of the local profile (@autocorp/lake-storage), plus AWS-only folders. */
export const LAKE_PREFIXES = {
  rawDatabase: RAW_DATABASE_PREFIX,
  rawCsv: RAW_CSV_PREFIX,
  processed: ZONES.processed,
  curated: ZONES.curated,
  state: ZONES.state,
  glueTemp: 'glue-temp/',
  athenaResults: 'results/',
} as const;

/** Every physical name the stacks give, derived from the environment so stacks never look each other up. */
export interface ResourceNames {
  readonly prefix: string;
  readonly bucket: (purpose: 'raw' | 'processed' | 'curated' | 'athena-results' | 'access-logs') => string;
  readonly keyAlias: string;
  readonly secret: string;
  readonly glueDatabase: string;
  readonly glueSecurityConfiguration: string;
  readonly glueJob: (job: string) => string;
  readonly crawler: (crawler: 'raw-database' | 'raw-csv' | 'curated') => string;
  readonly workflow: string;
  readonly workgroup: string;
  readonly replicationInstance: string;
  readonly replicationSubnetGroup: string;
  readonly replicationTask: string;
  readonly replicationConfig: string;
  readonly sourceEndpoint: string;
  readonly targetEndpoint: string;
  readonly vectorBucket: string;
  readonly vectorIndex: string;
  readonly knowledgeBase: string;
  readonly alarmTopic: string;
  readonly budget: string;
  readonly dashboard: string;
}

export function resourceNames(config: Pick<EnvironmentConfig, 'name' | 'account' | 'region'>): ResourceNames {
  const prefix = `autocorp-${config.name}`;
  return {
    prefix,
    // Bucket names are global: account and region make them unique (at most 59 characters).
    bucket: (purpose) => `${prefix}-${purpose}-${config.account}-${config.region}`,
    keyAlias: `alias/${prefix}-lake`,
    secret: `autocorp/${config.name}/source-postgres`,
    glueDatabase: `autocorp_${config.name}`,
    glueSecurityConfiguration: `${prefix}-glue`,
    glueJob: (job) => `${prefix}-etl-${job.replaceAll('_', '-')}`,
    crawler: (crawler) => `${prefix}-${crawler}`,
    workflow: `${prefix}-lakehouse`,
    workgroup: prefix,
    replicationInstance: `${prefix}-replication`,
    replicationSubnetGroup: `${prefix}-replication`,
    replicationTask: `${prefix}-postgres-to-raw`,
    replicationConfig: `${prefix}-postgres-to-raw`,
    sourceEndpoint: `${prefix}-source-postgres`,
    targetEndpoint: `${prefix}-target-raw`,
    vectorBucket: `${prefix}-knowledge-vectors`,
    vectorIndex: 'knowledge-documents',
    knowledgeBase: `${prefix}-knowledge`,
    alarmTopic: `${prefix}-alarms`,
    budget: `${prefix}-monthly`,
    dashboard: `${prefix}-lakehouse`,
  };
}
