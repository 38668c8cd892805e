export { EtlError, type EtlErrorKind } from './etl-error';
export { DEFAULT_CDC_SLOT, type RunJobsOptions, runJobs } from './run/run-jobs';
export { type RunJobContext, runJob, rowRuleNames } from './run/run-job';
export {
  type ListRunsOptions,
  type RuleOutcome,
  type RunCounts,
  type RunReport,
  type RunStatus,
  type RunTimings,
  listRuns,
} from './state/run-records';
export { type CsvFileMark, type DatabaseBookmark, type JobBookmark, readBookmark } from './state/bookmarks';
export { bookmarkKey, quarantineKey, runRecordKey } from './state/state-keys';
export { curatedTableKey, openCuratedTable } from './curated/curated-table';
export { EtlDuckDb, type EtlDuckDbOptions } from './duckdb/etl-duckdb';
