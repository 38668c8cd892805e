import { Stack } from 'aws-cdk-lib';
import * as datasync from 'aws-cdk-lib/aws-datasync';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { CsvSourceConfig, EnvironmentConfig } from '../config/environment-config';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';
import { acknowledgeWildcardResources } from '../nag/acknowledge';
import { removalPolicyOf } from './removal';

export interface CsvTransferProps {
  readonly config: EnvironmentConfig;
  readonly key: kms.IKey;
  readonly rawBucket: s3.IBucket;
}

/**
 * AWS DataSync for the CSV exports: the S3 location `raw/csv/` of the raw bucket always; the on-premises source
 * location (NFS, SMB or object storage through an activated agent) and the transfer task once configured.
 * The export folder keeps the lake layout: `<table>/ingest_date=YYYY-MM-DD/<file>.csv`.
 */
export class CsvTransfer extends Construct {
  readonly destination: datasync.CfnLocationS3;
  readonly source?: datasync.CfnLocationNFS | datasync.CfnLocationSMB | datasync.CfnLocationObjectStorage;
  readonly task?: datasync.CfnTask;

  constructor(scope: Construct, id: string, props: CsvTransferProps) {
    super(scope, id);
    const { config, key, rawBucket } = props;
    const stack = Stack.of(this);
    const datasyncPrincipal = new iam.ServicePrincipal('datasync.amazonaws.com').withConditions({
      StringEquals: { 'aws:SourceAccount': stack.account },
      ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:datasync:${stack.region}:${stack.account}:*` },
    });

    const role = new iam.Role(this, 'S3LocationRole', {
      assumedBy: datasyncPrincipal,
      description: 'DataSync writes CSV exports under raw/csv/ of the raw bucket',
    });
    const csvObjects = rawBucket.arnForObjects(`${LAKE_PREFIXES.rawCsv}*`);
    const destinationPolicy = new iam.Policy(this, 'S3LocationPolicy', {
      statements: [
        new iam.PolicyStatement({
          actions: ['s3:GetBucketLocation', 's3:ListBucket', 's3:ListBucketMultipartUploads'],
          resources: [rawBucket.bucketArn],
        }),
        new iam.PolicyStatement({
          actions: [
            's3:AbortMultipartUpload',
            's3:DeleteObject',
            's3:GetObject',
            's3:GetObjectTagging',
            's3:ListMultipartUploadParts',
            's3:PutObject',
            's3:PutObjectTagging',
          ],
          resources: [csvObjects],
        }),
        new iam.PolicyStatement({ actions: ['kms:Decrypt', 'kms:GenerateDataKey'], resources: [key.keyArn] }),
      ],
    });
    acknowledgeWildcardResources(
      destinationPolicy,
      'DataSync writes the export files it finds at the source (their names are not known in advance); the grant is limited to raw/csv/ of the raw bucket.',
      [csvObjects],
    );
    destinationPolicy.attachToRole(role);

    this.destination = new datasync.CfnLocationS3(this, 'RawCsvLocation', {
      s3BucketArn: rawBucket.bucketArn,
      subdirectory: `/${LAKE_PREFIXES.rawCsv}`,
      s3StorageClass: 'STANDARD',
      s3Config: { bucketAccessRoleArn: role.roleArn },
    });
    // DataSync checks the role's access when the location is created.
    this.destination.node.addDependency(destinationPolicy);

    const source = config.csvTransfer.source;
    if (source === undefined) return;

    const logGroup = new logs.LogGroup(this, 'TaskLogs', {
      logGroupName: `/aws/datasync/${resourceNames(config).prefix}-csv`,
      retention: config.retention.logRetentionDays as logs.RetentionDays,
      encryptionKey: key,
      removalPolicy: removalPolicyOf(config),
    });
    new logs.ResourcePolicy(this, 'TaskLogsPolicy', {
      policyStatements: [
        new iam.PolicyStatement({
          principals: [new iam.ServicePrincipal('datasync.amazonaws.com')],
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
          conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
        }),
      ],
    });

    this.source = this.sourceLocation(source, datasyncPrincipal);
    this.task = new datasync.CfnTask(this, 'Task', {
      name: `${resourceNames(config).prefix}-csv-transfer`,
      sourceLocationArn: this.source.attrLocationArn,
      destinationLocationArn: this.destination.attrLocationArn,
      cloudWatchLogGroupArn: logGroup.logGroupArn,
      options: {
        verifyMode: 'ONLY_FILES_TRANSFERRED',
        transferMode: 'CHANGED',
        overwriteMode: 'ALWAYS',
        preserveDeletedFiles: 'PRESERVE',
        posixPermissions: 'NONE',
        uid: 'NONE',
        gid: 'NONE',
        logLevel: 'TRANSFER',
        taskQueueing: 'ENABLED',
      },
      ...(config.csvTransfer.schedule !== undefined
        ? { schedule: { scheduleExpression: config.csvTransfer.schedule } }
        : {}),
    });
  }

  private sourceLocation(
    source: CsvSourceConfig,
    datasyncPrincipal: iam.IPrincipal,
  ): datasync.CfnLocationNFS | datasync.CfnLocationSMB | datasync.CfnLocationObjectStorage {
    const secretRole = (secretArn: string): iam.Role => {
      const role = new iam.Role(this, 'SourceSecretRole', {
        assumedBy: datasyncPrincipal,
        description: 'DataSync reads the CSV source credentials',
      });
      role.addToPolicy(new iam.PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArn] }));
      return role;
    };
    switch (source.kind) {
      case 'nfs':
        return new datasync.CfnLocationNFS(this, 'NfsSource', {
          serverHostname: source.serverHostname,
          subdirectory: source.subdirectory,
          onPremConfig: { agentArns: [...source.agentArns] },
          mountOptions: { version: 'AUTOMATIC' },
        });
      case 'smb':
        return new datasync.CfnLocationSMB(this, 'SmbSource', {
          serverHostname: source.serverHostname,
          subdirectory: source.subdirectory,
          user: source.user,
          ...(source.domain !== undefined ? { domain: source.domain } : {}),
          agentArns: [...source.agentArns],
          customSecretConfig: {
            secretArn: source.passwordSecretArn,
            secretAccessRoleArn: secretRole(source.passwordSecretArn).roleArn,
          },
        });
      case 'object-storage':
        return new datasync.CfnLocationObjectStorage(this, 'ObjectStorageSource', {
          serverHostname: source.serverHostname,
          serverPort: source.serverPort,
          serverProtocol: 'HTTPS',
          bucketName: source.bucketName,
          subdirectory: source.subdirectory,
          accessKey: source.accessKey,
          agentArns: [...source.agentArns],
          customSecretConfig: {
            secretArn: source.secretKeySecretArn,
            secretAccessRoleArn: secretRole(source.secretKeySecretArn).roleArn,
          },
        });
    }
  }
}
