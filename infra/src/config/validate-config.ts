import { ZONES } from '@autocorp/lake-storage/layout';
import { InfraError } from '../infra-error';
import { DMS_DECODING_PLUGINS, type EnvironmentConfig, GLUE_WORKER_TYPES } from './environment-config';

/** CloudWatch Logs retention values (days) that `AWS::Logs::LogGroup` accepts. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;
/** DMS Serverless capacity steps (DCU). */
export const DMS_CAPACITY_UNITS = [1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384] as const;
const EMBEDDING_DIMENSIONS = [256, 512, 1024];

const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const CIDR = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;
const HOSTNAME = /^[A-Za-z0-9.-]{1,253}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DATASYNC_AGENT_ARN = /^arn:aws[a-z-]*:datasync:[a-z0-9-]+:\d{12}:agent\/agent-[0-9a-z]{17}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/;
const SCHEDULE = /^cron\(.+\)$/;
const DMS_INSTANCE_CLASS = /^dms\.[a-z0-9]+\.[a-z0-9]+$/;

/** Collects every problem of one environment's configuration, each naming the field and the fix. */
export function configProblems(config: EnvironmentConfig): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, field: string, fix: string): void => {
    if (!ok) problems.push(`${field}: ${fix}`);
  };
  const intIn = (value: number, min: number, max: number): boolean =>
    Number.isInteger(value) && value >= min && value <= max;

  check(ACCOUNT.test(config.account), 'account', `"${config.account}" is not a 12-digit AWS account id`);
  check(REGION.test(config.region), 'region', `"${config.region}" is not an AWS region name such as us-east-1`);
  check(
    !(config.removal === 'destroy' && config.terminationProtection),
    'terminationProtection',
    'cannot be on for an environment whose removal is "destroy"',
  );

  const { network } = config;
  if (network.mode === 'create') {
    const cidr = CIDR.exec(network.cidr);
    check(
      cidr !== null && Number(cidr[5]) >= 16 && Number(cidr[5]) <= 24,
      'network.cidr',
      `"${network.cidr}" must be an IPv4 CIDR block from /16 to /24`,
    );
    check(
      intIn(network.maxAzs, 2, 6),
      'network.maxAzs',
      'must be 2 to 6 (DMS needs subnets in two availability zones)',
    );
    check(
      intIn(network.natGateways, 0, network.maxAzs),
      'network.natGateways',
      `must be 0 to maxAzs (${network.maxAzs})`,
    );
    check(
      network.natGateways !== 0 || network.transitGateway !== undefined,
      'network.natGateways',
      'is 0 and no transitGateway is set, so the created VPC has no route out and DMS and the rotation function cannot reach the source database (it lives outside this VPC). ' +
        'Set natGateways to 1 or more (a route over the internet through NAT), set network.transitGateway (id and the source CIDR blocks), or use network.mode "existing" with private subnets routed to the source (peering, VPN, Direct Connect)',
    );
    const tgw = network.transitGateway;
    if (tgw !== undefined) {
      check(
        /^tgw-[0-9a-f]{8,17}$/.test(tgw.id),
        'network.transitGateway.id',
        `"${tgw.id}" is not a transit gateway id such as tgw-0123456789abcdef0`,
      );
      check(
        tgw.sourceCidrs.length > 0 && tgw.sourceCidrs.every((c) => CIDR.test(c)),
        'network.transitGateway.sourceCidrs',
        'must list the IPv4 CIDR blocks of the source database, such as 10.20.0.0/16',
      );
    }
  } else {
    check(
      /^vpc-[0-9a-f]{8,17}$/.test(network.vpcId),
      'network.vpcId',
      `"${network.vpcId}" is not a VPC id such as vpc-0123456789abcdef0`,
    );
    check(
      network.subnetIds.length >= 2,
      'network.subnetIds',
      'needs at least two private subnets in different availability zones',
    );
    check(
      network.subnetIds.every((id) => /^subnet-[0-9a-f]{8,17}$/.test(id)),
      'network.subnetIds',
      'each must be a subnet id such as subnet-0123456789abcdef0',
    );
    check(
      network.availabilityZones.length === network.subnetIds.length,
      'network.availabilityZones',
      'must list one availability zone per subnet id, in the same order',
    );
  }

  const { dms } = config;
  if (dms.mode === 'instance') {
    check(
      DMS_INSTANCE_CLASS.test(dms.instanceClass),
      'dms.instanceClass',
      `"${dms.instanceClass}" is not a DMS instance class such as dms.t3.medium`,
    );
    check(intIn(dms.allocatedStorageGb, 5, 6144), 'dms.allocatedStorageGb', 'must be an integer from 5 to 6144');
  } else {
    const units: readonly number[] = DMS_CAPACITY_UNITS;
    check(units.includes(dms.minCapacityUnits), 'dms.minCapacityUnits', `must be one of ${units.join(', ')}`);
    check(units.includes(dms.maxCapacityUnits), 'dms.maxCapacityUnits', `must be one of ${units.join(', ')}`);
    check(dms.minCapacityUnits <= dms.maxCapacityUnits, 'dms.maxCapacityUnits', 'must be at least minCapacityUnits');
  }

  check(HOSTNAME.test(config.source.host), 'source.host', `"${config.source.host}" is not a host name`);
  check(intIn(config.source.port, 1, 65535), 'source.port', 'must be a TCP port from 1 to 65535');
  check(
    /^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(config.source.databaseName),
    'source.databaseName',
    'must be a PostgreSQL identifier',
  );
  check(
    /^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(config.source.username),
    'source.username',
    'must be a PostgreSQL identifier',
  );
  check(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(config.source.schema), 'source.schema', 'must be a PostgreSQL identifier');
  check(
    (DMS_DECODING_PLUGINS as readonly string[]).includes(config.source.decodingPlugin),
    'source.decodingPlugin',
    `"${config.source.decodingPlugin}" is not a DMS PluginName; use one of ${DMS_DECODING_PLUGINS.join(', ')} (the DMS API spells test_decoding as test-decoding)`,
  );
  if (config.secretRotation.enabled) {
    check(
      intIn(config.secretRotation.afterDays, 1, 1000),
      'secretRotation.afterDays',
      'must be an integer from 1 to 1000',
    );
  }

  const csv = config.csvTransfer.source;
  if (csv !== undefined) {
    check(
      HOSTNAME.test(csv.serverHostname),
      'csvTransfer.source.serverHostname',
      `"${csv.serverHostname}" is not a host name`,
    );
    check(
      csv.agentArns.length >= 1 && csv.agentArns.every((arn) => DATASYNC_AGENT_ARN.test(arn)),
      'csvTransfer.source.agentArns',
      'needs at least one activated DataSync agent ARN (arn:aws:datasync:<region>:<account>:agent/agent-<17 characters>)',
    );
    check(
      csv.subdirectory.startsWith('/'),
      'csvTransfer.source.subdirectory',
      'must be an absolute path starting with "/"',
    );
    if (csv.kind === 'smb')
      check(
        SECRET_ARN.test(csv.passwordSecretArn),
        'csvTransfer.source.passwordSecretArn',
        'must be a Secrets Manager secret ARN',
      );
    if (csv.kind === 'object-storage') {
      check(
        SECRET_ARN.test(csv.secretKeySecretArn),
        'csvTransfer.source.secretKeySecretArn',
        'must be a Secrets Manager secret ARN',
      );
      check(intIn(csv.serverPort, 1, 65535), 'csvTransfer.source.serverPort', 'must be a TCP port from 1 to 65535');
    }
  }
  if (config.csvTransfer.schedule !== undefined)
    check(SCHEDULE.test(config.csvTransfer.schedule), 'csvTransfer.schedule', 'must be a cron(...) expression');

  const { etl } = config;
  check(
    (GLUE_WORKER_TYPES as readonly string[]).includes(etl.workerType),
    'etl.workerType',
    `must be one of ${GLUE_WORKER_TYPES.join(', ')}`,
  );
  check(intIn(etl.numberOfWorkers, 2, 299), 'etl.numberOfWorkers', 'must be an integer from 2 to 299');
  check(intIn(etl.timeoutMinutes, 1, 2880), 'etl.timeoutMinutes', 'must be an integer from 1 to 2880 (48 hours)');
  check(intIn(etl.maxRetries, 0, 10), 'etl.maxRetries', 'must be an integer from 0 to 10');
  if (etl.workflowSchedule !== undefined)
    check(SCHEDULE.test(etl.workflowSchedule), 'etl.workflowSchedule', 'must be a cron(...) expression');
  if (etl.rawCrawlerSchedule !== undefined)
    check(SCHEDULE.test(etl.rawCrawlerSchedule), 'etl.rawCrawlerSchedule', 'must be a cron(...) expression');

  check(
    Number.isInteger(config.query.bytesScannedCutoffPerQuery) && config.query.bytesScannedCutoffPerQuery >= 10_000_000,
    'query.bytesScannedCutoffPerQuery',
    'must be an integer of at least 10000000 (10 MB, the Athena minimum)',
  );

  const r = config.retention;
  check(
    intIn(r.rawInfrequentAccessDays, 30, 3650),
    'retention.rawInfrequentAccessDays',
    'must be at least 30 (S3 Standard-IA minimum)',
  );
  check(
    intIn(r.rawGlacierDays, r.rawInfrequentAccessDays + 30, 36500),
    'retention.rawGlacierDays',
    `must be at least rawInfrequentAccessDays + 30 (${r.rawInfrequentAccessDays + 30})`,
  );
  check(intIn(r.athenaResultsDays, 1, 3650), 'retention.athenaResultsDays', 'must be an integer from 1 to 3650');
  check(
    intIn(r.noncurrentVersionDays, 1, 3650),
    'retention.noncurrentVersionDays',
    'must be an integer from 1 to 3650',
  );
  check(intIn(r.accessLogDays, 1, 3650), 'retention.accessLogDays', 'must be an integer from 1 to 3650');
  check(
    (LOG_RETENTION_DAYS as readonly number[]).includes(r.logRetentionDays),
    'retention.logRetentionDays',
    `must be one of ${LOG_RETENTION_DAYS.join(', ')}`,
  );

  const m = config.monitoring;
  if (m.alarmEmail !== undefined)
    check(EMAIL.test(m.alarmEmail), 'monitoring.alarmEmail', `"${m.alarmEmail}" is not an e-mail address`);
  check(m.monthlyBudgetUsd > 0, 'monitoring.monthlyBudgetUsd', 'must be a positive amount');
  check(m.athenaScanAlarmBytesPerHour > 0, 'monitoring.athenaScanAlarmBytesPerHour', 'must be positive');

  check(
    EMBEDDING_DIMENSIONS.includes(config.ai.embeddingDimensions),
    'ai.embeddingDimensions',
    `must be one of ${EMBEDDING_DIMENSIONS.join(', ')} (Titan Text Embeddings V2)`,
  );
  check(
    /^[a-z0-9][a-z0-9-]*\/$/.test(config.ai.documentsPrefix) && !config.ai.documentsPrefix.startsWith(ZONES.curated),
    'ai.documentsPrefix',
    'must be a lowercase prefix ending with "/" outside curated/ (the Hudi crawler reads curated/)',
  );
  return problems;
}

/** Throws InfraError `invalid-config` listing every problem, or returns the config unchanged. */
export function validateConfig(config: EnvironmentConfig): EnvironmentConfig {
  const problems = configProblems(config);
  if (problems.length > 0) {
    throw new InfraError(
      'invalid-config',
      `The "${config.name}" environment configuration is not deployable:\n  - ${problems.join('\n  - ')}\nFix infra/src/config/environments.ts or the override file named by AUTOCORP_INFRA_CONFIG / -c configFile=...`,
    );
  }
  return config;
}
