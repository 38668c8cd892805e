import * as glue from 'aws-cdk-lib/aws-glue';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { LAKE_PREFIXES, resourceNames } from '../config/naming';

export interface GlueCrawlersProps {
  readonly config: EnvironmentConfig;
  readonly role: iam.IRole;
  readonly securityConfiguration: string;
  readonly databaseName: string;
  readonly raw: s3.IBucket;
  readonly curated: s3.IBucket;
}

/** One table per folder four levels deep: s3://bucket (1) / raw (2) / database|csv (3) / <table> (4). */
const TABLE_PER_FOLDER = JSON.stringify({
  Version: 1.0,
  Grouping: { TableLevelConfiguration: 4 },
  CrawlerOutput: { Partitions: { AddOrUpdateBehavior: 'InheritFromTable' } },
});

/**
 * The three crawlers: raw database Parquet (`pg_<table>`), raw CSV exports (`csv_<table>`) and the curated Hudi
 * tables (HudiTargets). The raw crawlers run on their own schedule; the workflow runs the curated one after the jobs.
 */
export class GlueCrawlers extends Construct {
  readonly rawDatabase: glue.CfnCrawler;
  readonly rawCsv: glue.CfnCrawler;
  readonly curated: glue.CfnCrawler;

  constructor(scope: Construct, id: string, props: GlueCrawlersProps) {
    super(scope, id);
    const names = resourceNames(props.config);
    const schedule =
      props.config.etl.rawCrawlerSchedule !== undefined
        ? { schedule: { scheduleExpression: props.config.etl.rawCrawlerSchedule } }
        : {};
    const common = {
      role: props.role.roleArn,
      databaseName: props.databaseName,
      crawlerSecurityConfiguration: props.securityConfiguration,
      schemaChangePolicy: { updateBehavior: 'UPDATE_IN_DATABASE', deleteBehavior: 'LOG' },
    };
    const s3Path = (bucket: s3.IBucket, prefix: string): string => `s3://${bucket.bucketName}/${prefix}`;

    this.rawDatabase = new glue.CfnCrawler(this, 'RawDatabase', {
      ...common,
      ...schedule,
      name: names.crawler('raw-database'),
      description: 'DMS Parquet files under raw/database/pg_<table>/',
      targets: { s3Targets: [{ path: s3Path(props.raw, LAKE_PREFIXES.rawDatabase) }] },
      configuration: TABLE_PER_FOLDER,
    });
    this.rawCsv = new glue.CfnCrawler(this, 'RawCsv', {
      ...common,
      ...schedule,
      name: names.crawler('raw-csv'),
      description: 'CSV exports under raw/csv/<table>/ingest_date=YYYY-MM-DD/',
      tablePrefix: 'csv_',
      targets: { s3Targets: [{ path: s3Path(props.raw, LAKE_PREFIXES.rawCsv) }] },
      configuration: TABLE_PER_FOLDER,
    });
    this.curated = new glue.CfnCrawler(this, 'Curated', {
      ...common,
      name: names.crawler('curated'),
      description: 'Curated Hudi tables under curated/<table>/',
      targets: { hudiTargets: [{ paths: [s3Path(props.curated, LAKE_PREFIXES.curated)], maximumTraversalDepth: 3 }] },
    });
  }
}
