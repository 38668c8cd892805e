import { LAKEHOUSE_METRICS } from '@autocorp/platform-client/lakehouse-metrics';
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type { EnvironmentConfig } from '../config/environment-config';
import { resourceNames } from '../config/naming';

const FIVE_MINUTES = Duration.minutes(5);
const HOUR = Duration.hours(1);

/** Glue job metrics (observability metrics on), by Glue job name. */
export function glueJobElapsedTime(jobName: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: LAKEHOUSE_METRICS.glueElapsedTime.namespace,
    metricName: LAKEHOUSE_METRICS.glueElapsedTime.metricName,
    dimensionsMap: { JobName: jobName, JobRunId: 'ALL', Type: 'count' },
    statistic: 'Maximum',
    period: HOUR,
    label: jobName,
  });
}

export function glueJobCompletedTasks(jobName: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: LAKEHOUSE_METRICS.glueCompletedTasks.namespace,
    metricName: LAKEHOUSE_METRICS.glueCompletedTasks.metricName,
    dimensionsMap: { JobName: jobName, JobRunId: 'ALL', Type: 'count' },
    statistic: 'Sum',
    period: HOUR,
    label: jobName,
  });
}

/** How often an EventBridge rule matched: failures of Glue jobs and crawlers, of DMS tasks. */
export function ruleMatches(ruleName: string, label: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/Events',
    metricName: 'TriggeredRules',
    dimensionsMap: { RuleName: ruleName },
    statistic: 'Sum',
    period: FIVE_MINUTES,
    label,
  });
}

/** Bytes Athena scanned in the environment's workgroup, per hour. */
export function athenaBytesScanned(config: EnvironmentConfig): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/Athena',
    metricName: 'ProcessedBytes',
    dimensionsMap: { WorkGroup: resourceNames(config).workgroup },
    statistic: 'Sum',
    period: HOUR,
    label: 'Bytes scanned',
  });
}

export function athenaFailedQueries(config: EnvironmentConfig): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/Athena',
    metricName: 'TotalExecutionTime',
    dimensionsMap: { WorkGroup: resourceNames(config).workgroup, QueryState: 'FAILED', QueryType: 'DML' },
    statistic: 'SampleCount',
    period: HOUR,
    label: 'Athena failed queries',
  });
}

/**
 * DMS CDC latency (seconds) at the source or the target. A provisioned task has known dimensions (fixed resource
 * identifiers); DMS Serverless metrics are found by a search on the replication config's identifier.
 */
export function dmsCdcLatency(config: EnvironmentConfig, side: 'Source' | 'Target'): cloudwatch.IMetric {
  const names = resourceNames(config);
  if (config.dms.mode === 'instance') {
    return new cloudwatch.Metric({
      namespace: LAKEHOUSE_METRICS.dmsCdcLatency.namespace,
      metricName: LAKEHOUSE_METRICS.dmsCdcLatency.metricName(side),
      dimensionsMap: {
        ReplicationInstanceIdentifier: names.replicationInstance,
        ReplicationTaskIdentifier: names.replicationTask,
      },
      statistic: 'Maximum',
      period: FIVE_MINUTES,
      label: `CDC latency ${side.toLowerCase()}`,
    });
  }
  return new cloudwatch.MathExpression({
    expression: `SEARCH('{${LAKEHOUSE_METRICS.dmsCdcLatency.namespace}} MetricName="${LAKEHOUSE_METRICS.dmsCdcLatency.metricName(side)}" "${names.replicationConfig}"', 'Maximum', 300)`,
    label: `CDC latency ${side.toLowerCase()}`,
    period: FIVE_MINUTES,
  });
}
