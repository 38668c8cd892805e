import { Stack } from 'aws-cdk-lib';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import { resourceNames } from '../config/naming';
import { GlueCrawlers } from '../constructs/glue-crawlers';
import { GlueJobs } from '../constructs/glue-jobs';
import { GlueRoles } from '../constructs/glue-roles';
import { GlueSecurityConfiguration } from '../constructs/glue-security-configuration';
import { GlueWorkflow } from '../constructs/glue-workflow';
import { lakeBucketRefs } from '../constructs/lake-bucket-refs';
import { planWorkflow } from '../constructs/glue-workflow-plan';
import { type GlueJobInput, orderJobs } from '../inputs/glue-job-input';
import type { LakehouseStackProps } from './lakehouse-stack-props';

export interface EtlStackProps extends LakehouseStackProps {
  readonly key: kms.IKey;
  readonly databaseName: string;
  /** The Glue jobs, from the shared job definitions (shared-definitions.ts). */
  readonly jobs: readonly GlueJobInput[];
}

/** Catalog and ETL: the Glue security configuration, roles, three crawlers, the generated jobs and their workflow. */
export class EtlStack extends Stack {
  readonly roles: GlueRoles;
  readonly crawlers: GlueCrawlers;
  readonly jobs: GlueJobs;
  readonly workflow: GlueWorkflow;

  constructor(scope: Construct, id: string, props: EtlStackProps) {
    super(scope, id, props);
    const { config, key } = props;
    const { raw, processed, curated } = lakeBucketRefs(this, config);
    const ordered = orderJobs(props.jobs);
    const security = new GlueSecurityConfiguration(this, 'SecurityConfiguration', {
      name: resourceNames(config).glueSecurityConfiguration,
      key,
    });
    this.roles = new GlueRoles(this, 'Roles', { key, raw, processed, curated, databaseName: props.databaseName });
    this.crawlers = new GlueCrawlers(this, 'Crawlers', {
      config,
      role: this.roles.crawlerRole,
      securityConfiguration: security.name,
      databaseName: props.databaseName,
      raw,
      curated,
    });
    this.jobs = new GlueJobs(this, 'Jobs', {
      config,
      role: this.roles.jobRole,
      securityConfiguration: security.name,
      processed,
      jobs: ordered,
    });
    this.workflow = new GlueWorkflow(this, 'Workflow', {
      config,
      plan: planWorkflow(ordered),
      jobs: this.jobs.byName,
      curatedCrawler: this.crawlers.curated,
    });
  }
}
