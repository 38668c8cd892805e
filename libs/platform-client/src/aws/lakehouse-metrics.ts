/**
 * The CloudWatch metrics of the lakehouse that both the Monitoring stack (its dashboard and alarms) and the platform
 * API on AWS (its metrics history) read: one owner of their namespaces, names and dimensions.
 */
export const LAKEHOUSE_METRICS = {
  /** DMS CDC latency in seconds at the source or the target (per replication task, or config when serverless). */
  dmsCdcLatency: { namespace: 'AWS/DMS', metricName: (side: 'Source' | 'Target') => `CDCLatency${side}` },
  /** A Glue job's elapsed time in milliseconds (observability metrics on), `JobRunId=ALL`, `Type=count`. */
  glueElapsedTime: { namespace: 'Glue', metricName: 'glue.driver.aggregate.elapsedTime' },
  /** Glue tasks completed by a job's runs. */
  glueCompletedTasks: { namespace: 'Glue', metricName: 'glue.driver.aggregate.numCompletedTasks' },
} as const;
