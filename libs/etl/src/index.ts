export { EtlError, type EtlErrorKind } from './etl-error';
export { type RunJobsOptions, runJobs } from './run/run-jobs';
export { type CommittedPosition, readCommittedPosition } from './raw/cdc-position';
export { type RunJobContext, runJob, rowRuleNames } from './run/run-job';
export type { JobPhaseTimes } from './run/job-phases';
export {
  type ListRunsOptions,
  type RuleOutcome,
  type RunCounts,
  type RunReport,
  type RunStatus,
  type RunTimings,
  listRuns,
} from './state/run-records';
export {
  type ExcludeRawFileOptions,
  type RawFileExclusion,
  excludeRawFile,
  listExcludedFiles,
  restoreRawFile,
} from './state/file-exclusions';
export { TIED_VERSIONS_RULE } from './quality/evaluate-version-conflicts';
export { QUARANTINE_FILE_COMMAND } from './run/blocked-message';
export { type CsvFileMark, type DatabaseBookmark, type JobBookmark, readBookmark } from './state/bookmarks';
export { curatedTableKey, openCuratedTable } from './curated/curated-table';
export { EtlDuckDb, type EtlDuckDbOptions } from './duckdb/etl-duckdb';
