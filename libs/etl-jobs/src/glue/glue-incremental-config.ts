import { jobByName } from '../jobs/index';
import {
  CONSUMED_INSTANTS_METADATA_KEY,
  DELETED_KEYS_METADATA_KEY,
  INCREMENTAL_SAFE_OPERATIONS,
} from '../model/incremental-plan';
import type { JobDefinition } from '../model/job-definition';
import {
  AFFECTED_UNITS_VIEW,
  beforeColumnName,
  changedKeysViewName,
  fullSourceViewName,
  renderAffectedUnitsSelect,
  renderProjectedTableSelect,
  renderRestrictedSourceSelect,
  renderStaleRowsSelect,
  watchedColumns,
} from '../sql/incremental-sql';

/** Views the Glue script names in an incremental run: the job's table before the write, the recomputed rows. */
const CURRENT_VIEW = '_etl_current_table';
const UPSERTS_VIEW = '_etl_upserts';

/**
 * The incremental plan of a job as the Glue script runs it (JOB["incremental"]), from the same definition and
 * SQL the local runner uses: per source the views to define and the columns to compare, the key-finding,
 * restriction, stale-row and projection SQL, and where the consumed instants are recorded.
 */
export function glueIncrementalConfig(job: JobDefinition) {
  if (!job.incremental) return null;
  return {
    safe_operations: [...INCREMENTAL_SAFE_OPERATIONS],
    deleted_keys_metadata_key: DELETED_KEYS_METADATA_KEY,
    /** The bookmark: the consumed source instants, recorded in the metadata of the run's last commit. */
    consumed_instants_metadata_key: CONSUMED_INSTANTS_METADATA_KEY,
    sources: job.sources.flatMap((s) => {
      if (s.kind !== 'curated') return [];
      const upstream = jobByName(s.job);
      const watched = watchedColumns(job, s.view);
      return [
        {
          view: s.view,
          job: s.job,
          table_folder: upstream.hudi.tableName,
          record_key_fields: [...upstream.hudi.recordKeyFields],
          watched_columns: watched,
          before_columns: Object.fromEntries(watched.map((c) => [c, beforeColumnName(c)])),
          full_view: fullSourceViewName(s.view),
          changed_view: changedKeysViewName(s.view),
          restricted_sql: renderRestrictedSourceSelect(job, s.view),
        },
      ];
    }),
    affected_units_view: AFFECTED_UNITS_VIEW,
    affected_units_sql: renderAffectedUnitsSelect(job),
    current_view: CURRENT_VIEW,
    upserts_view: UPSERTS_VIEW,
    stale_rows_sql: renderStaleRowsSelect(job, CURRENT_VIEW, UPSERTS_VIEW),
    projected_table_sql: renderProjectedTableSelect(job, CURRENT_VIEW, UPSERTS_VIEW),
  };
}
