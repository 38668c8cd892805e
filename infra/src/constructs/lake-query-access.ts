import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';
import { type LakeBucketRefs, lakeBucketRefs } from './lake-bucket-refs';

/** What a function that queries the lake with Athena needs: its statements, each on its own so a policy orders them. */
export interface LakeQueryAccess {
  readonly buckets: LakeBucketRefs;
  /** Write the function's own log group. */
  readonly logs: iam.PolicyStatement;
  /** Read the catalog database and its tables (the Glue read actions every caller needs, plus `extraActions`). */
  readonly catalogRead: (extraActions?: readonly string[]) => iam.PolicyStatement;
  readonly athenaWorkgroup: iam.PolicyStatement;
  readonly curatedList: iam.PolicyStatement;
  readonly curatedRead: iam.PolicyStatement;
  readonly resultsBucket: iam.PolicyStatement;
  readonly resultsObjects: iam.PolicyStatement;
  readonly lakeKey: iam.PolicyStatement;
  /** The resources above that end in a wildcard (objects and tables created at run time), for cdk-nag. */
  readonly wildcardResources: readonly string[];
}

/**
 * The least-privilege statements of a Lambda function that queries the curated zone in the environment's Athena
 * workgroup over one catalog database, writes results under the results prefix, and uses the lake key.
 */
export function lakeQueryAccess(
  scope: Construct,
  props: { config: EnvironmentConfig; databaseName: string; key: kms.IKey; logGroup: logs.ILogGroup },
): LakeQueryAccess {
  const { config, databaseName, key, logGroup } = props;
  const stack = Stack.of(scope);
  const names = resourceNames(config);
  const buckets = lakeBucketRefs(scope, config);
  const { curated, athenaResults } = buckets;
  const arn = (service: string, resource: string) =>
    `arn:${stack.partition}:${service}:${stack.region}:${stack.account}:${resource}`;
  const curatedObjects = curated.arnForObjects(`${LAKE_PREFIXES.curated}*`);
  const resultObjects = athenaResults.arnForObjects(`${LAKE_PREFIXES.athenaResults}*`);
  const glueTables = arn('glue', `table/${databaseName}/*`);
  return {
    buckets,
    logs: new iam.PolicyStatement({
      sid: 'Logs',
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      resources: [logGroup.logGroupArn],
    }),
    catalogRead: (extraActions = []) =>
      new iam.PolicyStatement({
        sid: 'CatalogRead',
        actions: [
          'glue:GetDatabase',
          'glue:GetTable',
          'glue:GetTables',
          'glue:GetPartition',
          'glue:GetPartitions',
          ...extraActions,
        ],
        resources: [arn('glue', 'catalog'), arn('glue', `database/${databaseName}`), glueTables],
      }),
    athenaWorkgroup: new iam.PolicyStatement({
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
    curatedList: new iam.PolicyStatement({
      sid: 'CuratedList',
      actions: ['s3:ListBucket', 's3:GetBucketLocation'],
      resources: [curated.bucketArn],
      conditions: { StringLike: { 's3:prefix': [`${LAKE_PREFIXES.curated}*`] } },
    }),
    curatedRead: new iam.PolicyStatement({
      sid: 'CuratedRead',
      actions: ['s3:GetObject'],
      resources: [curatedObjects],
    }),
    resultsBucket: new iam.PolicyStatement({
      sid: 'ResultsBucket',
      actions: ['s3:ListBucket', 's3:GetBucketLocation'],
      resources: [athenaResults.bucketArn],
    }),
    resultsObjects: new iam.PolicyStatement({
      sid: 'ResultsObjects',
      actions: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload'],
      resources: [resultObjects],
    }),
    lakeKey: new iam.PolicyStatement({
      sid: 'LakeKey',
      actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
      resources: [key.keyArn],
    }),
    wildcardResources: [logGroup.logGroupArn, curatedObjects, resultObjects, glueTables],
  };
}
