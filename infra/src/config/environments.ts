import type { AiConfig, EnvironmentConfig, EnvironmentName, RetentionConfig } from './environment-config';

/**
 * The three environments as code. Account ids are placeholders (111111111111, 222222222222, 333333333333):
 * set the real ones with AUTOCORP_<ENV>_ACCOUNT / `-c account=...`, or a config file (see resolve-environment.ts).
 */
const AI: AiConfig = {
  chatModelId: 'amazon.nova-pro-v1:0',
  embeddingModelId: 'amazon.titan-embed-text-v2:0',
  embeddingDimensions: 1024,
  documentsPrefix: 'knowledge-documents/',
};

const SOURCE = {
  port: 5432,
  databaseName: 'autocorp',
  username: 'autocorp_replication',
  schema: 'public',
  decodingPlugin: 'no-preference',
} as const;

function retention(
  athenaResultsDays: number,
  noncurrentVersionDays: number,
  accessLogDays: number,
  logRetentionDays: number,
): RetentionConfig {
  return {
    rawInfrequentAccessDays: 30,
    rawGlacierDays: 90,
    athenaResultsDays,
    noncurrentVersionDays,
    accessLogDays,
    logRetentionDays,
  };
}

const GIB = 1024 ** 3;

export const ENVIRONMENTS: Readonly<Record<EnvironmentName, EnvironmentConfig>> = {
  dev: {
    name: 'dev',
    account: '111111111111',
    region: 'us-east-1',
    removal: 'destroy',
    terminationProtection: false,
    createDmsServiceRoles: true,
    network: { mode: 'create', cidr: '10.40.0.0/16', maxAzs: 2, natGateways: 1 },
    dms: { mode: 'instance', instanceClass: 'dms.t3.micro', allocatedStorageGb: 20, multiAz: false },
    source: { ...SOURCE, host: 'postgres.dev.autocorp.internal' },
    secretRotation: { enabled: false },
    csvTransfer: {},
    etl: { workerType: 'G.1X', numberOfWorkers: 2, timeoutMinutes: 60, maxRetries: 0 },
    query: { bytesScannedCutoffPerQuery: 1 * GIB },
    retention: retention(7, 7, 30, 14),
    monitoring: { monthlyBudgetUsd: 300, athenaScanAlarmBytesPerHour: 5 * GIB },
    ai: AI,
  },
  staging: {
    name: 'staging',
    account: '222222222222',
    region: 'us-east-1',
    removal: 'retain',
    terminationProtection: false,
    createDmsServiceRoles: true,
    network: { mode: 'create', cidr: '10.41.0.0/16', maxAzs: 2, natGateways: 1 },
    dms: { mode: 'instance', instanceClass: 'dms.t3.medium', allocatedStorageGb: 50, multiAz: false },
    source: { ...SOURCE, host: 'postgres.staging.autocorp.internal' },
    secretRotation: { enabled: true, afterDays: 30 },
    csvTransfer: { schedule: 'cron(0 1 * * ? *)' },
    etl: {
      workerType: 'G.1X',
      numberOfWorkers: 4,
      timeoutMinutes: 120,
      maxRetries: 1,
      workflowSchedule: 'cron(0 3 * * ? *)',
      rawCrawlerSchedule: 'cron(30 2 * * ? *)',
    },
    query: { bytesScannedCutoffPerQuery: 10 * GIB },
    retention: retention(14, 30, 90, 30),
    monitoring: { monthlyBudgetUsd: 800, athenaScanAlarmBytesPerHour: 50 * GIB },
    ai: AI,
  },
  prod: {
    name: 'prod',
    account: '333333333333',
    region: 'us-east-1',
    removal: 'retain',
    terminationProtection: true,
    createDmsServiceRoles: true,
    network: { mode: 'create', cidr: '10.42.0.0/16', maxAzs: 2, natGateways: 1 },
    dms: { mode: 'serverless', minCapacityUnits: 2, maxCapacityUnits: 16, multiAz: true },
    source: { ...SOURCE, host: 'postgres.prod.autocorp.internal' },
    secretRotation: { enabled: true, afterDays: 30 },
    csvTransfer: { schedule: 'cron(0 1 * * ? *)' },
    etl: {
      workerType: 'G.2X',
      numberOfWorkers: 10,
      timeoutMinutes: 180,
      maxRetries: 1,
      workflowSchedule: 'cron(0 3 * * ? *)',
      rawCrawlerSchedule: 'cron(30 2 * * ? *)',
    },
    query: { bytesScannedCutoffPerQuery: 100 * GIB },
    retention: retention(30, 90, 365, 365),
    monitoring: { monthlyBudgetUsd: 3000, athenaScanAlarmBytesPerHour: 500 * GIB },
    ai: AI,
  },
};
