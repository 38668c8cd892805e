export { EtlJobsError, type EtlJobsErrorKind } from './etl-jobs-error';
export {
  type ColumnDefinition,
  type ColumnType,
  column,
  duckdbType,
  pysparkTypeConstructor,
  sparkType,
} from './model/column-type';
export type { HudiIndexType, HudiOperation, HudiTableSpec, JobDefinition } from './model/job-definition';
export {
  ANALYTICS_JOB_NAMES,
  type AnalyticsJobName,
  JOB_NAMES,
  type JobName,
  OPERATIONAL_JOB_NAMES,
  type OperationalJobName,
  isJobName,
} from './model/job-name';
export {
  CSV_TABLES,
  type CsvSource,
  type CsvTableName,
  type CuratedSource,
  type DatabaseSource,
  type JobSource,
  META_COLUMNS,
  type MetaColumn,
  type SourceColumn,
} from './model/sources';
export { assertValidJob, jobDefinitionProblems } from './model/validate-job';
export {
  CONSUMED_INSTANTS_METADATA_KEY,
  DELETED_KEYS_METADATA_KEY,
  INCREMENTAL_SAFE_OPERATIONS,
  type IncrementalDriver,
  type IncrementalPlan,
} from './model/incremental-plan';
export { incrementalPlanProblems } from './jobs/incremental-plan-problems';
export {
  AFFECTED_UNITS_VIEW,
  beforeColumnName,
  changedKeysViewName,
  fullSourceViewName,
  incrementalPlanOf,
  renderAffectedUnitsSelect,
  renderProjectedTableSelect,
  renderRestrictedSourceSelect,
  renderStaleRowsSelect,
  watchedColumns,
} from './sql/incremental-sql';
export * from './rules/rule-types';
export * as ruleBuilders from './rules/rule-builders';
export {
  type DatasetCheckContext,
  describeDatasetFailure,
  renderDatasetCheckDuckdb,
} from './rules/render-dataset-check';
export { dqdlCanExpress, renderDqdl, renderDqdlRuleset } from './rules/render-dqdl';
export { type RowPredicateContext, describeRowFailure, renderRowPredicate } from './rules/render-row-predicate';
export type { SqlDialect } from './rules/sql-dialect';
export { identifier, portabilityProblems, stringLiteral } from './sql/portable-sql';
export {
  CHANGE_ORDER_COLUMNS,
  type ChangeOrdering,
  DMS_COMMIT_TIMESTAMP_COLUMN,
  DMS_FULL_LOAD_FILE_LIKE,
  changesViewName,
  csvTextViewName,
  dmsFilesViewName,
  renderCsvTypedSelect,
  renderDmsChangesSelect,
  renderLatestChangeSelect,
} from './sql/source-views';
export {
  KEY_GENERATOR_CLASSES,
  MAX_FILE_SIZE_BYTES,
  PAYLOAD_CLASS,
  RECORD_SIZE_ESTIMATE,
  SMALL_FILE_LIMIT_BYTES,
  type ParsedHudiOptions,
  hudiWriteOptions,
  keyGeneratorClass,
  parseHudiWriteOptions,
} from './hudi/hudi-write-options';
export {
  CDC_POSITION_MODES,
  type CdcPositionMode,
  type GlueEnvironment,
  normalizeGlueEnvironment,
} from './glue/glue-environment';
export { GLUE_SPARK_CONF, GLUE_VERSION, glueJobArguments, glueJobName, glueScriptUri } from './glue/glue-job-arguments';
export { glueCatalogSyncOptions } from './glue/catalog-sync-options';
export {
  SOURCE_FILE_COLUMN,
  UNREADABLE_STORAGE_CLASSES,
  glueJobConfig,
  referenceViewName,
  renderGlueScript,
} from './glue/render-glue-script';
export { GLUE_DRIVER_FILE, GLUE_RULES_FILE, gluePythonDir } from './glue/glue-python-source';
export { CSV_COLUMNS, PG_COLUMNS } from './jobs/source-columns';
export { SERVICE_CATEGORIES, STATE_CODES } from './jobs/catalog-jobs';
export { ORDER_TYPES } from './jobs/sales-jobs';
export { JOBS, jobByName, jobsInDependencyOrder } from './jobs/index';
