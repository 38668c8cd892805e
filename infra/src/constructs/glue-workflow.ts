import * as glue from 'aws-cdk-lib/aws-glue';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';
import { InfraError } from '../infra-error';
import type { WorkflowPlan } from './glue-workflow-plan';

export interface GlueWorkflowProps {
  readonly config: EnvironmentConfig;
  readonly plan: WorkflowPlan;
  readonly jobs: ReadonlyMap<string, glue.CfnJob>;
  readonly curatedCrawler: glue.CfnCrawler;
}

/**
 * The lakehouse workflow: a start trigger (scheduled or on demand), one conditional trigger per set of
 * dependencies (operational jobs, then analytics jobs), and a last one that runs the curated crawler.
 */
export class GlueWorkflow extends Construct {
  readonly workflow: glue.CfnWorkflow;
  readonly triggers: glue.CfnTrigger[] = [];

  constructor(scope: Construct, id: string, props: GlueWorkflowProps) {
    super(scope, id);
    const { config, plan } = props;
    const names = resourceNames(config);
    const jobRef = (name: string): string => {
      const job = props.jobs.get(name);
      if (job === undefined)
        throw new InfraError(
          'invalid-job-graph',
          `The workflow plan names job "${name}", which has no Glue job; build the plan from the same job list.`,
        );
      return job.ref;
    };

    this.workflow = new glue.CfnWorkflow(this, 'Workflow', {
      name: names.workflow,
      description: 'Raw to curated: operational jobs, analytics jobs, then the curated crawler',
      maxConcurrentRuns: 1,
    });
    const workflowName = this.workflow.ref;
    const schedule = config.etl.workflowSchedule;

    this.triggers.push(
      new glue.CfnTrigger(this, 'Start', {
        name: `${names.workflow}-start`,
        workflowName,
        type: schedule !== undefined ? 'SCHEDULED' : 'ON_DEMAND',
        ...(schedule !== undefined ? { schedule, startOnCreation: true } : {}),
        actions: plan.start.map((name) => ({ jobName: jobRef(name) })),
      }),
    );
    plan.steps.forEach((step, index) => {
      this.triggers.push(
        new glue.CfnTrigger(this, `Step${index + 1}`, {
          name: `${names.workflow}-step-${index + 1}`,
          description: `Runs ${step.jobs.join(', ')} after ${step.after.join(', ')}`.slice(0, 2048),
          workflowName,
          type: 'CONDITIONAL',
          startOnCreation: true,
          predicate: {
            logical: 'AND',
            conditions: step.after.map((name) => ({
              jobName: jobRef(name),
              state: 'SUCCEEDED',
              logicalOperator: 'EQUALS',
            })),
          },
          actions: step.jobs.map((name) => ({ jobName: jobRef(name) })),
        }),
      );
    });
    this.triggers.push(
      new glue.CfnTrigger(this, 'CrawlCurated', {
        name: `${names.workflow}-crawl-curated`,
        workflowName,
        type: 'CONDITIONAL',
        startOnCreation: true,
        predicate: {
          logical: 'AND',
          conditions: plan.curatedCrawlerAfter.map((name) => ({
            jobName: jobRef(name),
            state: 'SUCCEEDED',
            logicalOperator: 'EQUALS',
          })),
        },
        actions: [{ crawlerName: props.curatedCrawler.ref }],
      }),
    );
  }
}
