import { EtlJobsError } from '../etl-jobs-error';
import type { IncrementalPlan } from '../model/incremental-plan';
import type { JobDefinition } from '../model/job-definition';
import { identifier } from './portable-sql';

/**
 * The SQL of an incremental analytics run, the same on DuckDB and Spark. The engine defines, per
 * curated source `view`: `fullSourceViewName(view)` (the whole snapshot) and
 * `changedKeysViewName(view)` (the source table's record key columns of the rows written or deleted
 * since the job's last run, with `watchedColumns` of the source: each column's value now and, as
 * `_before_<column>`, as of the last run, and `_present_now` / `_present_before`); then `AFFECTED_UNITS_VIEW` from `renderAffectedUnitsSelect`, then `view`
 * itself from `renderRestrictedSourceSelect`, and runs the job's transform unchanged.
 */
export const AFFECTED_UNITS_VIEW = '_affected_units';

export function fullSourceViewName(view: string): string {
  return `${identifier(view)}_all`;
}

export function changedKeysViewName(view: string): string {
  return `_changed_${identifier(view)}`;
}

/** Columns of source `view` that some driver compares with their values as of the job's last run. */
export function watchedColumns(job: JobDefinition, view: string): string[] {
  const plan = incrementalPlanOf(job);
  return [...new Set(plan.drivers.filter((d) => d.source === view).flatMap((d) => d.columns ?? []))];
}

export function beforeColumnName(column: string): string {
  return `_before_${identifier(column)}`;
}

/** The job's incremental plan; throws when it has none. */
export function incrementalPlanOf(job: JobDefinition): IncrementalPlan {
  if (!job.incremental) {
    throw new EtlJobsError(
      'invalid-definition',
      `ETL job ${job.name} has no incremental plan; give it one in libs/etl-jobs or run it as a full rebuild.`,
    );
  }
  return job.incremental;
}

/** `SELECT DISTINCT unit`: the units the changed keys of every source affect. */
export function renderAffectedUnitsSelect(job: JobDefinition): string {
  const plan = incrementalPlanOf(job);
  const parts = plan.drivers.map((d) => {
    const changed = changedKeysViewName(d.source);
    const same = (d.columns ?? []).map((c) => `c.${identifier(c)} IS NOT DISTINCT FROM c.${beforeColumnName(c)}`);
    const where =
      same.length === 0 ? '' : ` WHERE NOT (c._present_now AND c._present_before AND ${same.join(' AND ')})`;
    if (!d.via) return `SELECT c.${identifier(d.key)} AS unit FROM ${changed} c${where}`;
    return `SELECT v.${identifier(d.via.unit)} AS unit FROM ${fullSourceViewName(d.via.view)} v WHERE v.${identifier(d.via.on)} IN (SELECT c.${identifier(d.key)} FROM ${changed} c${where})`;
  });
  return `SELECT DISTINCT unit FROM (${parts.join('\nUNION ALL\n')}) u WHERE unit IS NOT NULL`;
}

/** A source view as the transform sees it in an incremental run: only the affected units' rows, or whole. */
export function renderRestrictedSourceSelect(job: JobDefinition, view: string): string {
  const column = incrementalPlanOf(job).restrict[view];
  const all = fullSourceViewName(view);
  if (column === undefined) return `SELECT * FROM ${all}`;
  return `SELECT * FROM ${all} WHERE ${identifier(column)} IN (SELECT unit FROM ${AFFECTED_UNITS_VIEW})`;
}

/**
 * Rows of the job's table (`current`) in the affected units that the recomputed rows (`upserts`) do
 * not replace: same record key and partition values. They are deleted (a deleted order, a deleted line,
 * or a row whose partition value moved).
 */
export function renderStaleRowsSelect(job: JobDefinition, current: string, upserts: string): string {
  const unit = identifier(incrementalPlanOf(job).unit);
  const fields = [...job.hudi.recordKeyFields, ...job.hudi.partitionFields].map(identifier);
  // NULL-safe: a partition value may be NULL (a line whose order is not curated, in Hudi's default partition).
  const match = fields.map((f) => `u.${f} IS NOT DISTINCT FROM t.${f}`).join(' AND ');
  return `SELECT t.* FROM ${current} t WHERE t.${unit} IN (SELECT unit FROM ${AFFECTED_UNITS_VIEW}) AND NOT EXISTS (SELECT 1 FROM ${upserts} u WHERE ${match})`;
}

/** The job's table as it is after the write: the rows of unaffected units and the recomputed rows (for row counts). */
export function renderProjectedTableSelect(job: JobDefinition, current: string, upserts: string): string {
  const unit = identifier(incrementalPlanOf(job).unit);
  const columns = job.columns.map((c) => identifier(c.name)).join(', ');
  return `SELECT ${columns} FROM ${current} WHERE ${unit} NOT IN (SELECT unit FROM ${AFFECTED_UNITS_VIEW}) UNION ALL SELECT ${columns} FROM ${upserts}`;
}
