import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';
import { pinLogicalId } from './logical-ids';
import { removalPolicyOf } from './removal';

/**
 * The customer-managed key of the lake (zone buckets, Athena results, the source secret, Glue logs and
 * bookmarks, the vector store). A CMK rather than S3-managed keys: its use is logged in CloudTrail, its key
 * policy is a second gate next to IAM, and it can be disabled to cut off all lake data at once. S3 Bucket
 * Keys keep the KMS request cost near zero.
 */
export class LakeKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string, config: EnvironmentConfig) {
    super(scope, id);
    const { region, account } = Stack.of(this);
    this.key = new kms.Key(this, 'Key', {
      alias: resourceNames(config).keyAlias,
      description: `AutoCorp lakehouse ${config.name}: lake buckets, source secret, Glue logs and bookmarks, vector store`,
      enableKeyRotation: true,
      pendingWindow: Duration.days(config.removal === 'retain' ? 30 : 7),
      removalPolicy: removalPolicyOf(config),
    });
    pinLogicalId(this.key, 'LakeKey');
    // CloudWatch Logs encrypts the Glue, DMS-adjacent and DataSync log groups of this account and region with the key.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchLogsUseOfTheKey',
        principals: [new iam.ServicePrincipal(`logs.${region}.amazonaws.com`)],
        actions: [
          'kms:Encrypt',
          'kms:Decrypt',
          'kms:ReEncryptFrom',
          'kms:ReEncryptTo',
          'kms:GenerateDataKey',
          'kms:GenerateDataKeyWithoutPlaintext',
          'kms:DescribeKey',
        ],
        resources: ['*'],
        conditions: {
          ArnLike: {
            'kms:EncryptionContext:aws:logs:arn': `arn:${Stack.of(this).partition}:logs:${region}:${account}:log-group:*`,
          },
        },
      }),
    );
    // S3 Vectors' background indexing reads vectors encrypted with the key.
    this.key.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'S3VectorsIndexingUseOfTheKey',
        principals: [new iam.ServicePrincipal('indexing.s3vectors.amazonaws.com')],
        actions: ['kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': account } },
      }),
    );
  }
}
