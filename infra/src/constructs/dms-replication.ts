import { CDC_COLUMNS, RAW_DATABASE_PREFIX, ZONES } from '@autocorp/lake-storage/layout';
import { Stack } from 'aws-cdk-lib';
import * as dms from 'aws-cdk-lib/aws-dms';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct, type IConstruct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';
import { acknowledgeWildcardResources } from '../nag/acknowledge';
import { dmsTableMappings } from './dms-table-mappings';
import { dmsTaskSettings } from './dms-task-settings';
import type { LakehouseNetwork } from './lakehouse-network';

export interface DmsReplicationProps {
  readonly config: EnvironmentConfig;
  readonly network: LakehouseNetwork;
  readonly secret: secretsmanager.ISecret;
  readonly key: kms.IKey;
  readonly rawBucket: s3.IBucket;
  /** The source tables to replicate (SOURCE_TABLES of @autocorp/schema). */
  readonly tables: readonly string[];
  /** The dms-vpc-role / dms-cloudwatch-logs-role, when this stack creates them: the subnet group waits for them. */
  readonly serviceRoles?: IConstruct;
}

/** Commit timestamps land in this column, as on the local profile (@autocorp/cdc). */
export const COMMIT_TIMESTAMP_COLUMN = CDC_COLUMNS.commitTimestamp;
/** DMS writes below this folder of the raw bucket; with the table mapping: `raw/database/pg_<table>/`. */
export const DMS_BUCKET_FOLDER = ZONES.raw.slice(0, -1);

/**
 * PostgreSQL to the raw zone with AWS DMS: full load then change data capture, as Parquet with the `Op` column
 * on every row, on a provisioned replication instance or on DMS Serverless.
 */
export class DmsReplication extends Construct {
  readonly securityGroup: ec2.SecurityGroup;
  readonly sourceEndpoint: dms.CfnEndpoint;
  readonly targetEndpoint: dms.CfnEndpoint;
  readonly subnetGroup: dms.CfnReplicationSubnetGroup;
  /** Set in instance mode. */
  readonly instance?: dms.CfnReplicationInstance;
  readonly task?: dms.CfnReplicationTask;
  /** Set in serverless mode. */
  readonly serverless?: dms.CfnReplicationConfig;

  constructor(scope: Construct, id: string, props: DmsReplicationProps) {
    super(scope, id);
    const { config, network, key, rawBucket } = props;
    const names = resourceNames(config);
    const { region } = Stack.of(this);

    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: network.vpc,
      description: 'AWS DMS replication: out to the source PostgreSQL port and HTTPS (S3, Secrets Manager) only',
      allowAllOutbound: false,
    });
    // The source database lives outside this VPC (on premises or another network): its address is not known here.
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(config.source.port), 'Source PostgreSQL');
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'S3 and Secrets Manager endpoints');

    // DMS reads the secret through a role trusted by the regional DMS principal (a DMS requirement).
    const secretRole = new iam.Role(this, 'SecretAccessRole', {
      assumedBy: new iam.ServicePrincipal(`dms.${region}.amazonaws.com`),
      description: 'DMS reads the source PostgreSQL credentials',
    });
    // Statements on the role itself: a grant through the key in the data stack would make the stacks depend on each other.
    secretRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
        resources: [props.secret.secretArn],
      }),
    );
    secretRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['kms:Decrypt'],
        resources: [key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${region}.amazonaws.com` } },
      }),
    );

    const targetRole = new iam.Role(this, 'S3TargetRole', {
      assumedBy: new iam.ServicePrincipal('dms.amazonaws.com'),
      description: 'DMS writes Parquet files under raw/database/ of the raw bucket',
    });
    targetRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:ListBucket'],
        resources: [rawBucket.bucketArn],
        conditions: { StringLike: { 's3:prefix': [`${DMS_BUCKET_FOLDER}/*`] } },
      }),
    );
    const landing = rawBucket.arnForObjects(`${RAW_DATABASE_PREFIX}*`);
    targetRole.addToPolicy(
      new iam.PolicyStatement({
        actions: ['s3:PutObject', 's3:DeleteObject', 's3:PutObjectTagging'],
        resources: [landing],
      }),
    );
    acknowledgeWildcardResources(
      targetRole,
      'DMS names its Parquet files (LOAD*, timestamped CDC files) at run time under raw/database/pg_<table>/; the grant is limited to raw/database/ of the raw bucket.',
      [landing],
    );
    targetRole.addToPolicy(
      new iam.PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Decrypt'], resources: [key.keyArn] }),
    );

    this.subnetGroup = new dms.CfnReplicationSubnetGroup(this, 'SubnetGroup', {
      replicationSubnetGroupIdentifier: names.replicationSubnetGroup,
      replicationSubnetGroupDescription: `AutoCorp ${config.name} DMS replication subnets`,
      subnetIds: network.subnetIds,
    });
    if (props.serviceRoles !== undefined) this.subnetGroup.node.addDependency(props.serviceRoles);

    this.sourceEndpoint = new dms.CfnEndpoint(this, 'SourceEndpoint', {
      endpointIdentifier: names.sourceEndpoint,
      endpointType: 'source',
      engineName: 'postgres',
      databaseName: config.source.databaseName,
      sslMode: 'require',
      postgreSqlSettings: {
        secretsManagerSecretId: props.secret.secretArn,
        secretsManagerAccessRoleArn: secretRole.roleArn,
        // The DMS API's value (PostgreSQLSettings.PluginName), not PostgreSQL's plugin name: `no-preference` uses
        // pglogical where the source has it installed, else test_decoding (built in; wal_level=logical suffices).
        pluginName: config.source.decodingPlugin,
        // No SlotName: DMS creates and owns its slot. A named slot must exist beforehand and needs a CdcStartPosition,
        // which DMS Serverless does not take (docs/deploy.md, "Replication slot").
        heartbeatEnable: true,
        heartbeatFrequency: 5,
        captureDdls: false,
        mapBooleanAsBoolean: true,
      },
    });
    this.sourceEndpoint.node.addDependency(secretRole);

    this.targetEndpoint = new dms.CfnEndpoint(this, 'TargetEndpoint', {
      endpointIdentifier: names.targetEndpoint,
      endpointType: 'target',
      engineName: 's3',
      s3Settings: {
        bucketName: rawBucket.bucketName,
        bucketFolder: DMS_BUCKET_FOLDER,
        serviceAccessRoleArn: targetRole.roleArn,
        expectedBucketOwner: Stack.of(this).account,
        dataFormat: 'parquet',
        parquetVersion: 'parquet-2-0',
        compressionType: 'GZIP',
        enableStatistics: true,
        includeOpForFullLoad: true,
        timestampColumnName: COMMIT_TIMESTAMP_COLUMN,
        // Deletes are kept: the ETL jobs turn `Op = 'D'` rows into Hudi deletes.
        cdcInsertsAndUpdates: false,
        cdcInsertsOnly: false,
        cdcMaxBatchInterval: 60,
        cdcMinFileSize: 32_000,
        datePartitionEnabled: false,
        encryptionMode: 'SSE_KMS',
        serverSideEncryptionKmsKeyId: key.keyArn,
      },
    });
    this.targetEndpoint.node.addDependency(targetRole);

    const tableMappings = dmsTableMappings(config.source.schema, props.tables);
    const dmsConfig = config.dms;
    if (dmsConfig.mode === 'instance') {
      this.instance = new dms.CfnReplicationInstance(this, 'Instance', {
        replicationInstanceIdentifier: names.replicationInstance,
        resourceIdentifier: names.replicationInstance,
        replicationInstanceClass: dmsConfig.instanceClass,
        allocatedStorage: dmsConfig.allocatedStorageGb,
        multiAz: dmsConfig.multiAz,
        publiclyAccessible: false,
        autoMinorVersionUpgrade: true,
        kmsKeyId: key.keyArn,
        replicationSubnetGroupIdentifier: this.subnetGroup.ref,
        vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
      });
      this.task = new dms.CfnReplicationTask(this, 'Task', {
        replicationTaskIdentifier: names.replicationTask,
        // A fixed resource identifier makes the task's CloudWatch dimension (ReplicationTaskIdentifier) known in advance.
        resourceIdentifier: names.replicationTask,
        migrationType: 'full-load-and-cdc',
        replicationInstanceArn: this.instance.ref,
        sourceEndpointArn: this.sourceEndpoint.ref,
        targetEndpointArn: this.targetEndpoint.ref,
        tableMappings: JSON.stringify(tableMappings),
        replicationTaskSettings: JSON.stringify(dmsTaskSettings()),
      });
    } else {
      this.serverless = new dms.CfnReplicationConfig(this, 'Serverless', {
        replicationConfigIdentifier: names.replicationConfig,
        resourceIdentifier: names.replicationConfig,
        replicationType: 'full-load-and-cdc',
        sourceEndpointArn: this.sourceEndpoint.ref,
        targetEndpointArn: this.targetEndpoint.ref,
        tableMappings,
        replicationSettings: dmsTaskSettings(),
        computeConfig: {
          minCapacityUnits: dmsConfig.minCapacityUnits,
          maxCapacityUnits: dmsConfig.maxCapacityUnits,
          multiAz: dmsConfig.multiAz,
          kmsKeyId: key.keyArn,
          replicationSubnetGroupId: this.subnetGroup.ref,
          vpcSecurityGroupIds: [this.securityGroup.securityGroupId],
        },
      });
    }
  }
}
