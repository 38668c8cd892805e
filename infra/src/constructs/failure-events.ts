import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';

/** EventBridge rules that send failures of the environment's Glue jobs and crawlers and of its DMS replication to the alarm topic. */
export class FailureEvents extends Construct {
  readonly glueRule: events.Rule;
  readonly dmsRule: events.Rule;

  constructor(scope: Construct, id: string, props: { readonly config: EnvironmentConfig; readonly topic: sns.ITopic }) {
    super(scope, id);
    const names = resourceNames(props.config);
    const prefix = { prefix: `${names.prefix}-` };
    this.glueRule = new events.Rule(this, 'GlueFailures', {
      ruleName: `${names.prefix}-glue-failures`,
      description: 'Glue job runs that failed, timed out or errored, and crawlers that failed',
      eventPattern: {
        source: ['aws.glue'],
        detailType: ['Glue Job State Change', 'Glue Crawler State Change'],
        detail: {
          $or: [
            { jobName: [prefix], state: ['FAILED', 'TIMEOUT', 'ERROR'] },
            { crawlerName: [prefix], state: ['Failed'] },
          ],
        },
      },
    });
    this.glueRule.addTarget(new targets.SnsTopic(props.topic));

    this.dmsRule = new events.Rule(this, 'DmsFailures', {
      ruleName: `${names.prefix}-dms-failures`,
      description: 'DMS replication tasks and serverless replications that failed or stopped on an error',
      eventPattern: {
        source: ['aws.dms'],
        detailType: ['DMS Replication Task State Change', 'DMS Replication State Change'],
        resources: events.Match.wildcard(`*:${names.replicationTask}`),
        detail: { eventType: ['REPLICATION_TASK_FAILED', 'REPLICATION_FAILED', 'REPLICATION_TASK_STOPPED'] },
      },
    });
    this.dmsRule.addTarget(new targets.SnsTopic(props.topic));
  }
}
