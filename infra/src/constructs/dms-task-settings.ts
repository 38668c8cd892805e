/**
 * Replication task settings for full load + CDC into S3: existing files are kept (S3 targets cannot be
 * truncated safely), LOBs are limited, and task logs go to CloudWatch (through `dms-cloudwatch-logs-role`).
 */
export function dmsTaskSettings(): Record<string, unknown> {
  const logComponents = ['SOURCE_UNLOAD', 'SOURCE_CAPTURE', 'TARGET_LOAD', 'TARGET_APPLY', 'TASK_MANAGER'].map(
    (id) => ({
      Id: id,
      Severity: 'LOGGER_SEVERITY_DEFAULT',
    }),
  );
  return {
    TargetMetadata: { SupportLobs: true, LimitedSizeLobMode: true, LobMaxSize: 64 },
    FullLoadSettings: { TargetTablePrepMode: 'DO_NOTHING', MaxFullLoadSubTasks: 7, CommitRate: 50000 },
    Logging: { EnableLogging: true, LogComponents: logComponents },
    ChangeProcessingTuning: { MemoryLimitTotal: 1024, StatementCacheSize: 50 },
    ErrorBehavior: {
      DataErrorPolicy: 'LOG_ERROR',
      TableErrorPolicy: 'SUSPEND_TABLE',
      RecoverableErrorCount: -1,
      ApplyErrorDeletePolicy: 'IGNORE_RECORD',
      ApplyErrorInsertPolicy: 'LOG_ERROR',
      ApplyErrorUpdatePolicy: 'LOG_ERROR',
    },
  };
}
