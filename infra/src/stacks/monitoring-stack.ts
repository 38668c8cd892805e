import { Duration, Stack } from 'aws-cdk-lib';
import * as budgets from 'aws-cdk-lib/aws-budgets';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Construct } from 'constructs';
import { resourceNames } from '../config/naming';
import { AlarmTopic } from '../constructs/alarm-topic';
import { FailureEvents } from '../constructs/failure-events';
import {
  athenaBytesScanned,
  athenaFailedQueries,
  dmsCdcLatency,
  glueJobCompletedTasks,
  glueJobElapsedTime,
  ruleMatches,
} from '../constructs/lakehouse-metrics';
import type { LakehouseStackProps } from './lakehouse-stack-props';

export interface MonitoringStackProps extends LakehouseStackProps {
  /** Job definition names (the Glue jobs are `autocorp-<env>-<name>`). */
  readonly jobNames: readonly string[];
}

/** Cost tag every resource carries; activate it as a cost allocation tag for the budget to see the spend. */
export const ENVIRONMENT_TAG = 'autocorp:environment';

/**
 * Dashboard, alarms, failure notifications and the monthly cost budget. It refers to the other stacks only by the
 * names they are given (resourceNames), so the dashboard app deploys it without them.
 */
export class MonitoringStack extends Stack {
  readonly topic: AlarmTopic;
  readonly alarms: cloudwatch.Alarm[] = [];
  readonly dashboard: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id, props);
    const { config } = props;
    const names = resourceNames(config);
    this.topic = new AlarmTopic(this, 'Alarms', { config });
    const failures = new FailureEvents(this, 'FailureEvents', { config, topic: this.topic.topic });
    const notify = new actions.SnsAction(this.topic.topic);
    const alarm = (id: string, alarmProps: cloudwatch.AlarmProps): cloudwatch.Alarm => {
      const created = new cloudwatch.Alarm(this, id, alarmProps);
      created.addAlarmAction(notify);
      this.alarms.push(created);
      return created;
    };

    const glueFailures = ruleMatches(failures.glueRule.ruleName, 'Glue job and crawler failures');
    const dmsFailures = ruleMatches(failures.dmsRule.ruleName, 'DMS replication failures');
    alarm('GlueJobFailed', {
      alarmName: `${names.prefix}-glue-job-failed`,
      alarmDescription:
        'A Glue job of the lakehouse workflow failed, timed out or a crawler failed. See the job run in the Glue console.',
      metric: glueFailures,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm('AthenaScanVolume', {
      alarmName: `${names.prefix}-athena-scan-volume`,
      alarmDescription: `Athena scanned more than ${config.monitoring.athenaScanAlarmBytesPerHour} bytes in one hour in workgroup ${names.workgroup}.`,
      metric: athenaBytesScanned(config),
      threshold: config.monitoring.athenaScanAlarmBytesPerHour,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm('DmsReplicationFailed', {
      alarmName: `${names.prefix}-dms-replication-failed`,
      alarmDescription:
        'The DMS replication from the source PostgreSQL failed or stopped on an error. Check the task logs and restart it.',
      metric: dmsFailures,
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    const targetLatency = dmsCdcLatency(config, 'Target');
    if (targetLatency instanceof cloudwatch.Metric) {
      alarm('DmsCdcLatency', {
        alarmName: `${names.prefix}-dms-cdc-latency`,
        alarmDescription: 'Changes take more than 15 minutes to reach the raw zone (DMS CDCLatencyTarget).',
        metric: targetLatency,
        threshold: 900,
        evaluationPeriods: 3,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
    }

    const jobNames = props.jobNames.map((name) => names.glueJob(name));
    this.dashboard = new cloudwatch.Dashboard(this, 'Dashboard', {
      dashboardName: names.dashboard,
      defaultInterval: Duration.days(1),
      widgets: [
        [
          new cloudwatch.TextWidget({
            markdown: `# AutoCorp lakehouse (${config.name})\nGlue workflow \`${names.workflow}\`, DMS \`${names.replicationTask}\`, Athena workgroup \`${names.workgroup}\`.`,
            width: 24,
            height: 2,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Glue job duration (ms, per run)',
            left: jobNames.map(glueJobElapsedTime),
            width: 12,
            height: 6,
          }),
          new cloudwatch.GraphWidget({
            title: 'Glue job runs (completed tasks)',
            left: jobNames.map(glueJobCompletedTasks),
            width: 12,
            height: 6,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'DMS CDC latency (s)',
            left: [dmsCdcLatency(config, 'Source'), targetLatency],
            width: 12,
            height: 6,
          }),
          new cloudwatch.GraphWidget({
            title: 'Athena data scanned (bytes per hour)',
            left: [athenaBytesScanned(config)],
            width: 12,
            height: 6,
          }),
        ],
        [
          new cloudwatch.GraphWidget({
            title: 'Errors',
            left: [glueFailures, dmsFailures, athenaFailedQueries(config)],
            width: 12,
            height: 6,
          }),
          new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 12, height: 6 }),
        ],
      ],
    });

    const subscribers: budgets.CfnBudget.SubscriberProperty[] = [
      { subscriptionType: 'SNS', address: this.topic.topic.topicArn },
      ...(config.monitoring.alarmEmail !== undefined
        ? [{ subscriptionType: 'EMAIL', address: config.monitoring.alarmEmail }]
        : []),
    ];
    const budget = new budgets.CfnBudget(this, 'MonthlyBudget', {
      budget: {
        budgetName: names.budget,
        budgetType: 'COST',
        timeUnit: 'MONTHLY',
        budgetLimit: { amount: config.monitoring.monthlyBudgetUsd, unit: 'USD' },
        costFilters: { TagKeyValue: [`user:${ENVIRONMENT_TAG}$${config.name}`] },
      },
      notificationsWithSubscribers: [
        {
          notification: {
            notificationType: 'ACTUAL',
            comparisonOperator: 'GREATER_THAN',
            threshold: 80,
            thresholdType: 'PERCENTAGE',
          },
          subscribers,
        },
        {
          notification: {
            notificationType: 'FORECASTED',
            comparisonOperator: 'GREATER_THAN',
            threshold: 100,
            thresholdType: 'PERCENTAGE',
          },
          subscribers,
        },
      ],
    });
    budget.node.addDependency(this.topic.topic);
  }
}
