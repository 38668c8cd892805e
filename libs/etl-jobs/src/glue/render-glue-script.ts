import { hudiWriteOptions } from '../hudi/hudi-write-options';
import { jobByName } from '../jobs/index';
import type { JobDefinition } from '../model/job-definition';
import { META_COLUMNS } from '../model/sources';
import { describeRowFailure, renderRowPredicate } from '../rules/render-row-predicate';
import { dqdlCanExpress, renderDqdl } from '../rules/render-dqdl';
import { isDatasetRule, isRowRule, minPassRatio, rowRuleColumns } from '../rules/rule-types';
import {
  CHANGE_ORDER_COLUMNS,
  changesViewName,
  csvTextViewName,
  dmsFilesViewName,
  renderCsvTypedSelect,
  renderDmsChangesSelect,
  renderLatestChangeSelect,
} from '../sql/source-views';
import { HudiReadConfig, HudiWriteConfig } from '@autocorp/hudi/config';
import { glueCatalogSyncOptions } from './catalog-sync-options';
import { glueCdcPositionKey, glueRawCsvFolder, glueRawDatabaseFolder } from './glue-lake-paths';
import { GLUE_DRIVER_FILE, GLUE_RULES_FILE, glueDriverSource } from './glue-python-source';
import type { GlueEnvironment } from './glue-environment';
import { GLUE_VERSION } from './glue-job-arguments';
import { glueIncrementalConfig } from './glue-incremental-config';
import { DELETED_KEYS_METADATA_KEY } from '../model/incremental-plan';

/**
 * The column Glue fills with each row's S3 file (`attachFilename` of a bookmarked read): `input_file_name()` is
 * empty on the rows of a DynamicFrame, and without the file name LOAD files cannot be told from change files.
 */
export const SOURCE_FILE_COLUMN = '_source_file';

/** Storage classes Glue cannot read without a restore; bookmarked reads list past them instead of failing. */
export const UNREADABLE_STORAGE_CLASSES = ['GLACIER', 'DEEP_ARCHIVE'] as const;

/** View name under which a referenced curated table is visible to rule predicates. */
export function referenceViewName(job: string): string {
  return `ref_${job}`;
}

/** The job configuration the script embeds (as JSON): everything comes from the one definition. */
export function glueJobConfig(job: JobDefinition) {
  const ctx = { rowAlias: 't', referenceView: referenceViewName };
  const referencedJobs = [
    ...new Set(
      job.rules.flatMap((r) =>
        r.kind === 'references' || r.kind === 'referenceCoverage' || r.kind === 'rowCountMatch' ? [r.job] : [],
      ),
    ),
  ];
  return {
    name: job.name,
    output_columns: job.columns.map((c) => c.name),
    meta_columns: [...META_COLUMNS],
    transform_sql: job.transformSql,
    database_sources: job.sources.flatMap((s) =>
      s.kind === 'database'
        ? [
            {
              view: s.view,
              table: s.table,
              raw_folder: glueRawDatabaseFolder(s.table),
              read: s.read,
              columns: s.columns.map((c) => c.name),
              changes_view: changesViewName(s),
              dms_files_view: dmsFilesViewName(s),
              dms_changes_sql: renderDmsChangesSelect(s),
              latest_change_sql: {
                position_file: renderLatestChangeSelect(s, 'lsn'),
                dms: renderLatestChangeSelect(s, 'dms'),
              },
            },
          ]
        : [],
    ),
    csv_sources: job.sources.flatMap((s) =>
      s.kind === 'csv'
        ? [
            {
              view: s.view,
              table: s.table,
              raw_folder: glueRawCsvFolder(s.table),
              columns: s.columns.map((c) => c.name),
              text_view: csvTextViewName(s),
              typed_sql: renderCsvTypedSelect(s),
            },
          ]
        : [],
    ),
    curated_sources: job.sources.flatMap((s) => (s.kind === 'curated' ? [{ view: s.view, job: s.job }] : [])),
    reference_jobs: referencedJobs,
    /** Folder under --curated_path of every curated table the job reads. */
    curated_tables: Object.fromEntries(
      [...new Set([...job.sources.flatMap((s) => (s.kind === 'curated' ? [s.job] : [])), ...referencedJobs])].map(
        (name) => [name, jobByName(name).hudi.tableName],
      ),
    ),
    change_order_columns: { position_file: [...CHANGE_ORDER_COLUMNS.lsn], dms: [...CHANGE_ORDER_COLUMNS.dms] },
    source_file_column: SOURCE_FILE_COLUMN,
    /** The CDC position file under --lake_path: before + the --cdc_slot argument + after (the lake layout's key). */
    cdc_position_key: glueCdcPositionKey(),
    /** Keys of the Hudi options the script reads or sets, from the Hudi config registry. */
    hudi_keys: {
      operation: HudiWriteConfig.OPERATION.key,
      record_key_fields: HudiWriteConfig.RECORD_KEY_FIELDS.key,
      precombine_field: HudiWriteConfig.PRECOMBINE_FIELD.key,
    },
    /** Keys of the Hudi read options of an incremental run (incremental query, time travel), from the registry. */
    hudi_read_keys: {
      query_type: HudiReadConfig.QUERY_TYPE.key,
      begin_instant: HudiReadConfig.BEGIN_INSTANT.key,
      end_instant: HudiReadConfig.END_INSTANT.key,
      as_of_instant: HudiReadConfig.AS_OF_INSTANT.key,
    },
    unreadable_storage_classes: [...UNREADABLE_STORAGE_CLASSES],
    /** Write option (commit metadata) recording the keys of every delete, for incremental readers downstream. */
    deleted_keys_metadata_key: DELETED_KEYS_METADATA_KEY,
    /** How an analytics job refreshes only what changed (null: rebuilt or upserted as written). */
    incremental: glueIncrementalConfig(job),
    row_rules: job.rules.filter(isRowRule).map((r, order) => ({
      name: r.name,
      order,
      kind: r.kind,
      /** The column(s) its quarantine records name (a `parses` rule names the row's fields that did not parse). */
      columns: rowRuleColumns(r),
      severity: r.severity,
      min_pass_ratio: minPassRatio(r),
      allowed_failures: r.allowedFailures ?? 0,
      predicate: renderRowPredicate(r, 'spark', ctx),
      reason: describeRowFailure(r),
    })),
    dataset_rules: job.rules
      .filter(isDatasetRule)
      .filter((r) => r.kind !== 'reconciles' && dqdlCanExpress(r))
      .map((r) => ({ name: r.name, severity: r.severity, dqdl: renderDqdl(r) })),
    reconcile_rules: job.rules
      .filter((r) => r.kind === 'reconciles')
      .map((r) => ({ name: r.name, severity: r.severity })),
  };
}

const py = (value: unknown) => JSON.stringify(value);
const pyJson = (value: unknown) => `json.loads(${JSON.stringify(JSON.stringify(value, null, 1))})`;

/**
 * The Glue 5.0 PySpark script of a job: the job definition as JSON (`JOB` from `glueJobConfig`, the Hudi options
 * `hudiWriteOptions(job)`, the catalog sync, the DQDL ruleset of the dataset rules), then the static driver
 * python/glue_job.py with its pure helpers python/glue_job_rules.py inlined. One file, which Glue runs as it is.
 */
export function renderGlueScript(job: JobDefinition, env: GlueEnvironment): string {
  const config = glueJobConfig(job);
  const dqdl = `Rules = [\n${(config.dataset_rules.length > 0 ? config.dataset_rules.map((r) => `    ${r.dqdl}`) : ['    RowCount >= 0']).join(',\n')}\n]`;
  return `# Generated by @autocorp/etl-jobs from the definition of job "${job.name}" (Glue ${GLUE_VERSION}, Spark 3.5, Hudi 0.15).
# Do not edit: change libs/etl-jobs (the job definitions, python/${GLUE_DRIVER_FILE}, python/${GLUE_RULES_FILE}) and deploy again.
"""AutoCorp Lakehouse ETL job ${job.name}: ${job.description.replace(/"/g, "'")}"""
import json

JOB = ${pyJson(config)}
HUDI_WRITE_OPTIONS = ${pyJson(hudiWriteOptions(job))}
CATALOG_SYNC_OPTIONS = ${pyJson(glueCatalogSyncOptions(job, env))}
DQDL_RULESET = ${py(dqdl)}

${glueDriverSource()}`;
}
