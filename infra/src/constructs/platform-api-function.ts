import { PLATFORM_API_LAMBDA_ENV } from '@autocorp/platform-client/platform-api-environment';
import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';
import { acknowledge, acknowledgeWildcardResources } from '../nag/acknowledge';
import { PLATFORM_API_LAMBDA, bundledLambdaCode } from './lambda-code';
import { lakeQueryAccess } from './lake-query-access';
import { functionLogGroup, urlFunction } from './url-function';

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
    const names = resourceNames(config);
    const functionName = `${names.prefix}-platform-api`;

    const logGroup = functionLogGroup(this, 'Logs', config, functionName);
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Platform API Lambda: reads the Glue catalog, queries with Athena, reads CloudWatch metrics',
    });
    const access = lakeQueryAccess(this, { config, databaseName, key, logGroup });
    const policy = new iam.Policy(this, 'Policy', {
      statements: [
        access.logs,
        access.catalogRead(),
        access.athenaWorkgroup,
        access.curatedList,
        access.curatedRead,
        new iam.PolicyStatement({
          sid: 'RawList',
          actions: ['s3:ListBucket'],
          resources: [access.buckets.raw.bucketArn],
          conditions: { StringLike: { 's3:prefix': [`${LAKE_PREFIXES.rawDatabase}*`] } },
        }),
        access.resultsBucket,
        access.resultsObjects,
        access.lakeKey,
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
      access.wildcardResources,
    );
    acknowledge(
      policy,
      'cloudwatch:GetMetricData has no resource-level permissions (AWS documents Resource "*" for it); it only reads metrics.',
      'AwsSolutions-IAM5[Resource::*]',
    );

    ({ handler: this.handler, url: this.url } = urlFunction(this, 'Handler', {
      functionName,
      description: 'AutoCorp platform API (aws profile): catalog, queries, metrics for the ops dashboard',
      code: bundledLambdaCode(PLATFORM_API_LAMBDA),
      role: this.role,
      policy,
      logGroup,
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
    }));
  }
}
