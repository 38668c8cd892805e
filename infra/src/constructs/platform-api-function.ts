import { PLATFORM_API_LAMBDA_ENV } from '@autocorp/platform-client/platform-api-environment';
import { Duration, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';
import { acknowledge, acknowledgeWildcardResources } from '../nag/acknowledge';
import { lakeBucketRefs } from './lake-bucket-refs';
import { PLATFORM_API_LAMBDA, bundledLambdaCode } from './lambda-code';
import { removalPolicyOf } from './removal';

export interface PlatformApiFunctionProps {
  readonly config: EnvironmentConfig;
  readonly key: kms.IKey;
  readonly databaseName: string;
}

/**
 * The platform API on the aws profile (apps/orchestrator/src/api/aws/) as a Lambda function behind a function URL
 * with IAM auth: CloudFront reaches it with origin access control. Its role may read the Glue catalog database, run
 * queries in the environment's workgroup over the curated zone (Athena reads with the caller's permissions), list
 * the raw zone, read the CloudWatch metrics and write its own logs; nothing else.
 */
export class PlatformApiFunction extends Construct {
  readonly handler: lambda.Function;
  readonly url: lambda.FunctionUrl;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: PlatformApiFunctionProps) {
    super(scope, id);
    const { config, key, databaseName } = props;
    const stack = Stack.of(this);
    const names = resourceNames(config);
    const { raw, curated, athenaResults } = lakeBucketRefs(this, config);
    const arn = (service: string, resource: string) =>
      `arn:${stack.partition}:${service}:${stack.region}:${stack.account}:${resource}`;
    const functionName = `${names.prefix}-platform-api`;

    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/lambda/${functionName}`,
      retention: config.retention.logRetentionDays as logs.RetentionDays,
      removalPolicy: removalPolicyOf(config),
    });
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Platform API Lambda: reads the Glue catalog, queries with Athena, reads CloudWatch metrics',
    });
    const curatedObjects = curated.arnForObjects(`${LAKE_PREFIXES.curated}*`);
    const resultObjects = athenaResults.arnForObjects(`${LAKE_PREFIXES.athenaResults}*`);
    const glueTables = arn('glue', `table/${databaseName}/*`);
    const policy = new iam.Policy(this, 'Policy', {
      statements: [
        new iam.PolicyStatement({
          sid: 'Logs',
          actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          resources: [logGroup.logGroupArn],
        }),
        new iam.PolicyStatement({
          sid: 'CatalogRead',
          actions: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions'],
          resources: [arn('glue', 'catalog'), arn('glue', `database/${databaseName}`), glueTables],
        }),
        new iam.PolicyStatement({
          sid: 'AthenaWorkgroup',
          actions: [
            'athena:StartQueryExecution',
            'athena:GetQueryExecution',
            'athena:GetQueryResults',
            'athena:StopQueryExecution',
            'athena:GetWorkGroup',
          ],
          resources: [arn('athena', `workgroup/${names.workgroup}`)],
        }),
        new iam.PolicyStatement({
          sid: 'CuratedList',
          actions: ['s3:ListBucket', 's3:GetBucketLocation'],
          resources: [curated.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${LAKE_PREFIXES.curated}*`] } },
        }),
        new iam.PolicyStatement({ sid: 'CuratedRead', actions: ['s3:GetObject'], resources: [curatedObjects] }),
        new iam.PolicyStatement({
          sid: 'RawList',
          actions: ['s3:ListBucket'],
          resources: [raw.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${LAKE_PREFIXES.rawDatabase}*`] } },
        }),
        new iam.PolicyStatement({
          sid: 'ResultsBucket',
          actions: ['s3:ListBucket', 's3:GetBucketLocation'],
          resources: [athenaResults.bucketArn],
        }),
        new iam.PolicyStatement({
          sid: 'ResultsObjects',
          actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
          resources: [resultObjects],
        }),
        new iam.PolicyStatement({
          sid: 'LakeKey',
          actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
          resources: [key.keyArn],
        }),
        new iam.PolicyStatement({
          sid: 'MetricsRead',
          actions: ['cloudwatch:GetMetricData'],
          resources: ['*'],
        }),
      ],
    });
    policy.attachToRole(this.role);
    acknowledgeWildcardResources(
      policy,
      'The platform API writes only its own log group, reads the curated zone prefix and the catalog tables of its own database, and writes Athena results under the results/ prefix; those objects and tables are created at run time.',
      [logGroup.logGroupArn, curatedObjects, resultObjects, glueTables],
    );
    acknowledge(
      policy,
      'cloudwatch:GetMetricData has no resource-level permissions (AWS documents Resource "*" for it); it only reads metrics.',
      'AwsSolutions-IAM5[Resource::*]',
    );

    this.handler = new lambda.Function(this, 'Handler', {
      functionName,
      description: 'AutoCorp platform API (aws profile): catalog, queries, metrics for the ops dashboard',
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.X86_64,
      code: bundledLambdaCode(PLATFORM_API_LAMBDA),
      handler: 'index.handler',
      role: this.role,
      logGroup,
      memorySize: 1024,
      timeout: Duration.seconds(60),
      environment: {
        [PLATFORM_API_LAMBDA_ENV.environment]: config.name,
        [PLATFORM_API_LAMBDA_ENV.lakeUri]: `s3://${names.bucket('raw')}/`,
        [PLATFORM_API_LAMBDA_ENV.database]: databaseName,
        [PLATFORM_API_LAMBDA_ENV.workGroup]: names.workgroup,
        [PLATFORM_API_LAMBDA_ENV.resourcePrefix]: names.prefix,
        [PLATFORM_API_LAMBDA_ENV.replicationId]:
          config.dms.mode === 'instance' ? names.replicationTask : names.replicationConfig,
      },
    });
    this.handler.node.addDependency(policy);
    this.url = this.handler.addFunctionUrl({ authType: lambda.FunctionUrlAuthType.AWS_IAM });
  }
}
