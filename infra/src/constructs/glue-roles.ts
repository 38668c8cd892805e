import { Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { LAKE_PREFIXES } from '../config/naming';
import { acknowledgeWildcardResources } from '../nag/acknowledge';

export interface GlueRolesProps {
  readonly key: kms.IKey;
  readonly raw: s3.IBucket;
  readonly processed: s3.IBucket;
  readonly curated: s3.IBucket;
  readonly databaseName: string;
}

const CATALOG_READ = [
  'glue:GetDatabase',
  'glue:GetTable',
  'glue:GetTables',
  'glue:GetPartition',
  'glue:GetPartitions',
  'glue:BatchGetPartition',
];
const CATALOG_WRITE = [
  'glue:CreateTable',
  'glue:UpdateTable',
  'glue:CreatePartition',
  'glue:UpdatePartition',
  'glue:BatchCreatePartition',
  'glue:BatchUpdatePartition',
];

/**
 * The Glue job role and the crawler role, each limited to its prefixes of the lake buckets, the catalog
 * database, the lake key and Glue's own log groups. No AWS managed policy (AWSGlueServiceRole grants far more).
 */
export class GlueRoles extends Construct {
  readonly jobRole: iam.Role;
  readonly crawlerRole: iam.Role;

  constructor(scope: Construct, id: string, props: GlueRolesProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const arn = (service: string, resource: string): string =>
      `arn:${stack.partition}:${service}:${stack.region}:${stack.account}:${resource}`;
    const catalog = [
      arn('glue', 'catalog'),
      arn('glue', `database/${props.databaseName}`),
      arn('glue', `table/${props.databaseName}/*`),
    ];
    const glueLogs = [arn('logs', 'log-group:/aws-glue/*'), arn('logs', 'log-group:/aws-glue/*:log-stream:*')];
    const logActions = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents', 'logs:AssociateKmsKey'];
    const glue = new iam.ServicePrincipal('glue.amazonaws.com');

    const rawDatabase = props.raw.arnForObjects(`${LAKE_PREFIXES.rawDatabase}*`);
    const rawCsv = props.raw.arnForObjects(`${LAKE_PREFIXES.rawCsv}*`);
    const lakeState = props.raw.arnForObjects(`${LAKE_PREFIXES.state}*`);
    const processedZone = props.processed.arnForObjects(`${LAKE_PREFIXES.processed}*`);
    const glueTemp = props.processed.arnForObjects(`${LAKE_PREFIXES.glueTemp}*`);
    const curatedZone = props.curated.arnForObjects(`${LAKE_PREFIXES.curated}*`);
    const dataQualityRulesets = arn('glue', 'dataQualityRuleset/*');

    this.jobRole = new iam.Role(this, 'JobRole', {
      assumedBy: glue,
      description: 'Glue ETL jobs: raw to processed to curated (Hudi)',
    });
    const job = this.jobRole;
    job.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ListLakeBuckets',
        actions: ['s3:ListBucket', 's3:GetBucketLocation'],
        resources: [props.raw.bucketArn, props.processed.bucketArn, props.curated.bucketArn],
      }),
    );
    job.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadRawZone',
        actions: ['s3:GetObject'],
        resources: [rawDatabase, rawCsv, lakeState],
      }),
    );
    job.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteProcessedAndCuratedZones',
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [processedZone, glueTemp, curatedZone],
      }),
    );
    job.addToPolicy(
      new iam.PolicyStatement({
        sid: 'CatalogTables',
        actions: [
          ...CATALOG_READ,
          ...CATALOG_WRITE,
          'glue:DeleteTable',
          'glue:BatchDeletePartition',
          'glue:DeletePartition',
        ],
        resources: catalog,
      }),
    );
    // Glue's Data Catalog Hive client (--enable-glue-datacatalog, Hudi's hms sync) checks that `default` exists when it
    // starts, and creates it when it does not: without these the job fails with AccessDenied before it reads anything.
    job.addToPolicy(
      new iam.PolicyStatement({
        sid: 'HiveDefaultDatabase',
        actions: ['glue:GetDatabase', 'glue:CreateDatabase'],
        resources: [arn('glue', 'catalog'), arn('glue', 'database/default')],
      }),
    );
    job.addToPolicy(
      new iam.PolicyStatement({
        sid: 'DataQualityResults',
        actions: ['glue:PublishDataQuality'],
        resources: [dataQualityRulesets],
      }),
    );
    job.addToPolicy(
      new iam.PolicyStatement({
        sid: 'LakeKey',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.key.keyArn],
      }),
    );
    job.addToPolicy(new iam.PolicyStatement({ sid: 'GlueLogs', actions: logActions, resources: glueLogs }));
    // PutMetricData has no resource type: AWS requires "*". The namespace condition limits it to Glue's job and data quality metrics.
    job.addToPolicy(
      new iam.PolicyStatement({
        sid: 'GlueJobMetrics',
        actions: ['cloudwatch:PutMetricData'],
        resources: ['*'],
        conditions: { StringEquals: { 'cloudwatch:namespace': ['Glue', 'Glue Data Quality'] } },
      }),
    );

    this.crawlerRole = new iam.Role(this, 'CrawlerRole', {
      assumedBy: glue,
      description: 'Glue crawlers: raw database, raw CSV and curated Hudi tables',
    });
    const crawler = this.crawlerRole;
    crawler.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ListLakeBuckets',
        actions: ['s3:ListBucket', 's3:GetBucketLocation'],
        resources: [props.raw.bucketArn, props.curated.bucketArn],
      }),
    );
    crawler.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadCrawledZones',
        actions: ['s3:GetObject'],
        resources: [rawDatabase, rawCsv, curatedZone],
      }),
    );
    crawler.addToPolicy(
      new iam.PolicyStatement({
        sid: 'CatalogTables',
        actions: [...CATALOG_READ, ...CATALOG_WRITE],
        resources: catalog,
      }),
    );
    crawler.addToPolicy(
      new iam.PolicyStatement({
        sid: 'LakeKey',
        actions: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        resources: [props.key.keyArn],
      }),
    );
    crawler.addToPolicy(new iam.PolicyStatement({ sid: 'GlueLogs', actions: logActions, resources: glueLogs }));

    const zones =
      'Objects under a zone prefix are created at run time (one per file, table version or partition), so they cannot be listed; the grant is limited to that prefix of that bucket.';
    const tables =
      'Tables and partitions of the lakehouse database are created at run time (Hudi catalog sync, crawlers); the grant is limited to that one database.';
    const logs =
      'Glue names its log groups and streams per security configuration and run under /aws-glue/; the grant is limited to that prefix.';
    acknowledgeWildcardResources(job, zones, [rawDatabase, rawCsv, lakeState, processedZone, glueTemp, curatedZone]);
    acknowledgeWildcardResources(job, tables, [catalog[2] as string]);
    acknowledgeWildcardResources(
      job,
      'Data quality results are published under rulesets Glue names per job evaluation context; only PublishDataQuality is granted.',
      [dataQualityRulesets],
    );
    acknowledgeWildcardResources(job, logs, glueLogs);
    acknowledgeWildcardResources(
      job,
      'cloudwatch:PutMetricData has no resource type (AWS requires "*"); a condition limits it to the Glue and Glue Data Quality namespaces.',
      ['*'],
    );
    acknowledgeWildcardResources(crawler, zones, [rawDatabase, rawCsv, curatedZone]);
    acknowledgeWildcardResources(crawler, tables, [catalog[2] as string]);
    acknowledgeWildcardResources(crawler, logs, glueLogs);
  }
}
