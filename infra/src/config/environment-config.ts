/** Names of the deployment environments the CDK app knows. */
export const ENVIRONMENT_NAMES = ['dev', 'staging', 'prod'] as const;
export type EnvironmentName = (typeof ENVIRONMENT_NAMES)[number];

/** A network the DMS replication and the rotation function run in. */
export type NetworkConfig =
  | {
      /**
       * The stack creates a VPC with public subnets holding NAT gateways, private subnets routed through them, an S3
       * gateway endpoint and a Secrets Manager interface endpoint. The source is reached over the internet.
       */
      readonly mode: 'create';
      readonly cidr: string;
      readonly maxAzs: number;
      /** NAT gateways: the private subnets' route to a source reached over the internet (0 needs `transitGateway`). */
      readonly natGateways: number;
      /**
       * A private route to the source instead of (or besides) NAT: the VPC's private subnets are attached to this
       * existing transit gateway, and traffic to `sourceCidrs` goes through it (the gateway's own route tables and
       * its VPN, Direct Connect or peering attachments reach the source).
       */
      readonly transitGateway?: { readonly id: string; readonly sourceCidrs: readonly string[] };
    }
  | {
      /**
       * An existing VPC, taken by id from configuration (no lookup at synth time), whose private subnets already route
       * to the source (peering, VPN, Direct Connect or a transit gateway) and to S3 and Secrets Manager.
       */
      readonly mode: 'existing';
      readonly vpcId: string;
      readonly availabilityZones: readonly string[];
      /** Private subnets, one per availability zone above, in the same order. */
      readonly subnetIds: readonly string[];
    };

/** How DMS runs: a provisioned replication instance, or DMS Serverless (CfnReplicationConfig). */
export type DmsConfig =
  | {
      readonly mode: 'instance';
      readonly instanceClass: string;
      readonly allocatedStorageGb: number;
      readonly multiAz: boolean;
    }
  | {
      readonly mode: 'serverless';
      /** DMS capacity units (DCU): 1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384. */
      readonly minCapacityUnits: number;
      readonly maxCapacityUnits: number;
      readonly multiAz: boolean;
    };

/** Values of the DMS API's PostgreSQLSettings.PluginName (not PostgreSQL's own plugin names such as `test_decoding`). */
export const DMS_DECODING_PLUGINS = ['no-preference', 'test-decoding', 'pglogical'] as const;
export type DmsDecodingPlugin = (typeof DMS_DECODING_PLUGINS)[number];

/** The operational PostgreSQL database DMS reads (its credentials live in Secrets Manager). */
export interface SourceDatabaseConfig {
  readonly host: string;
  readonly port: number;
  readonly databaseName: string;
  readonly username: string;
  /** Schema holding the seven source tables. */
  readonly schema: string;
  /**
   * The logical decoding plugin DMS creates its replication slot with: `no-preference` (pglogical when the source
   * has the extension, else test_decoding), `test-decoding` or `pglogical`.
   */
  readonly decodingPlugin: DmsDecodingPlugin;
}

export type SecretRotationConfig =
  | { readonly enabled: false }
  | {
      readonly enabled: true;
      /** Days between rotations (1 to 1000). */
      readonly afterDays: number;
    };

/** Where DataSync reads the CSV exports from. Agents must be deployed and activated beforehand. */
export type CsvSourceConfig =
  | {
      readonly kind: 'nfs';
      readonly serverHostname: string;
      readonly subdirectory: string;
      readonly agentArns: readonly string[];
    }
  | {
      readonly kind: 'smb';
      readonly serverHostname: string;
      readonly subdirectory: string;
      readonly user: string;
      readonly domain?: string;
      /** ARN of an existing Secrets Manager secret holding the SMB password as its plain string value. */
      readonly passwordSecretArn: string;
      readonly agentArns: readonly string[];
    }
  | {
      readonly kind: 'object-storage';
      readonly serverHostname: string;
      readonly serverPort: number;
      readonly bucketName: string;
      readonly subdirectory: string;
      readonly accessKey: string;
      /** ARN of an existing Secrets Manager secret holding the secret key as its plain string value. */
      readonly secretKeySecretArn: string;
      readonly agentArns: readonly string[];
    };

export interface CsvTransferConfig {
  /** Undefined: only the S3 destination location is created (no source, no task) until a source is configured. */
  readonly source?: CsvSourceConfig;
  /** DataSync schedule expression, e.g. `cron(0 1 * * ? *)`; undefined runs on demand only. */
  readonly schedule?: string;
}

/** Glue worker types that run Spark jobs with Glue 5.0. */
export const GLUE_WORKER_TYPES = ['G.1X', 'G.2X', 'G.4X', 'G.8X'] as const;
export type GlueWorkerType = (typeof GLUE_WORKER_TYPES)[number];

export interface EtlConfig {
  readonly workerType: GlueWorkerType;
  readonly numberOfWorkers: number;
  readonly timeoutMinutes: number;
  readonly maxRetries: number;
  /** Glue cron expression that starts the workflow, e.g. `cron(0 2 * * ? *)`; undefined runs on demand only. */
  readonly workflowSchedule?: string;
  /** Glue cron expression for the two raw-zone crawlers; undefined runs them on demand only. */
  readonly rawCrawlerSchedule?: string;
}

export interface QueryConfig {
  /** Queries scanning more than this are cancelled by the workgroup (minimum 10 MB). */
  readonly bytesScannedCutoffPerQuery: number;
}

export interface RetentionConfig {
  /** Raw objects move to S3 Standard-IA after this many days (at least 30). */
  readonly rawInfrequentAccessDays: number;
  /** ...and to S3 Glacier Flexible Retrieval after this many days. */
  readonly rawGlacierDays: number;
  /** Athena query results are deleted after this many days. */
  readonly athenaResultsDays: number;
  /** Noncurrent versions of processed and curated objects are deleted after this many days. */
  readonly noncurrentVersionDays: number;
  /** Server access logs are deleted after this many days. */
  readonly accessLogDays: number;
  /** CloudWatch Logs retention in days (must be a value CloudWatch accepts, e.g. 7, 30, 365). */
  readonly logRetentionDays: number;
}

export interface MonitoringConfig {
  /** Where alarms and budget notifications go; undefined: only the SNS topic is created. */
  readonly alarmEmail?: string;
  readonly monthlyBudgetUsd: number;
  /** Alarm when Athena scans more than this many bytes in one hour. */
  readonly athenaScanAlarmBytesPerHour: number;
}

export interface AiConfig {
  /** Foundation model for chat answers. */
  readonly chatModelId: string;
  /** Embedding model of the knowledge base. */
  readonly embeddingModelId: string;
  readonly embeddingDimensions: number;
  /** Prefix of the curated bucket the knowledge base ingests. */
  readonly documentsPrefix: string;
}

/** Everything that differs between dev, staging and prod. */
export interface EnvironmentConfig {
  readonly name: EnvironmentName;
  readonly account: string;
  readonly region: string;
  /** prod: retain stateful resources and protect their stack from deletion. */
  readonly removal: 'retain' | 'destroy';
  readonly terminationProtection: boolean;
  /** Create the account-wide `dms-vpc-role` and `dms-cloudwatch-logs-role` (only one environment per account may). */
  readonly createDmsServiceRoles: boolean;
  readonly network: NetworkConfig;
  readonly dms: DmsConfig;
  readonly source: SourceDatabaseConfig;
  readonly secretRotation: SecretRotationConfig;
  readonly csvTransfer: CsvTransferConfig;
  readonly etl: EtlConfig;
  readonly query: QueryConfig;
  readonly retention: RetentionConfig;
  readonly monitoring: MonitoringConfig;
  readonly ai: AiConfig;
}
