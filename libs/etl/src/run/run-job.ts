import { createHash } from 'node:crypto';
import type { ObjectStore } from '@autocorp/lake-storage';
import type { ProgressListener } from '@autocorp/progress';
import {
  type JobDefinition,
  META_COLUMNS,
  duckdbType,
  isRowRule,
  jobByName,
  referenceViewName,
  renderProjectedTableSelect,
} from '@autocorp/etl-jobs';
import type { WriteResult } from '@autocorp/hudi';
import { defineCuratedView } from '../curated/curated-table';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteIdentifier } from '@autocorp/duckdb/sql';
import { EtlError } from '../etl-error';
import { evaluateDatasetRules } from '../quality/evaluate-dataset-rules';
import { FAILED_RAW_TABLE, FAILED_TABLE, evaluateRowRules, rowRuleReasons } from '../quality/evaluate-row-rules';
import { findVersionConflicts, versionConflictOutcome } from '../quality/evaluate-version-conflicts';
import { buildWinningVersions } from '../quality/winning-versions';
import { writeQuarantine } from '../quality/write-quarantine';
import type { CommittedPosition } from '../raw/cdc-position';
import { appendRejectedCsvLines } from '../raw/csv-rejects';
import { type CsvScan, loadCsvSource, throwIfCsvUnreadable } from '../raw/load-csv-source';
import { loadDatabaseSource } from '../raw/load-database-source';
import { readBookmark, writeBookmark } from '../state/bookmarks';
import { type RuleOutcome, type RunCounts, type RunReport, newRunId, writeRunRecord } from '../state/run-records';
import { blockedMessage } from './blocked-message';
import { planRefresh } from './incremental-refresh';
import { addStaleRowDeletes, defineIncrementalSources } from './incremental-sources';
import { planJobInputs } from './job-inputs';
import { dropWorkTables } from './drop-work-tables';
import { JobPhaseClock } from './job-phases';
import { writeCuratedTable } from './write-curated';
import {
  changesSourceTable,
  countBatchOutcome,
  countRawInputs,
  projectedSourceRows,
  writeCountsView,
} from './reconcile-counts';

export interface RunJobContext {
  readonly db: EtlDuckDb;
  readonly store: ObjectStore;
  readonly job: JobDefinition;
  readonly committed: CommittedPosition | undefined;
  readonly now?: () => Date;
  /** Raw files taken out of the input (store keys; listExcludedFiles). */
  readonly excludedFiles?: ReadonlySet<string>;
  /**
   * The source database's row count of a table, for the `reconciles` rule of jobs that read it as
   * changes; without it the rule reconciles against the raw files only (the outcome says which).
   */
  readonly sourceRowCount?: (table: string) => Promise<number>;
  /** Receives each Hudi write's progress (`hudi-write`). */
  readonly onProgress?: ProgressListener;
  /** Rebuild a job with an incremental plan whole (insert_overwrite_table) instead of refreshing what changed. */
  readonly full?: boolean;
}

const BATCH = '_etl_batch';
const UPSERTS = '_etl_upserts';
const DELETES = '_etl_deletes';
const COUNTS = '_etl_counts';
const WINNERS = '_etl_winning_versions';
const CURRENT = '_etl_current_table';
const PROJECTED = '_etl_projected_table';

const ZERO_COUNTS: RunCounts = { read: 0, written: 0, inserted: 0, updated: 0, deleted: 0, quarantined: 0 };

/**
 * Runs one job: reads what arrived since its bookmark, transforms, checks the rules, quarantines
 * broken rows, and (unless a `fail` rule failed) writes the Hudi table, the quarantine, the bookmark.
 * Always stores a run record. Throws only when the run record cannot be written.
 */
export async function runJob(ctx: RunJobContext): Promise<RunReport> {
  const now = ctx.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();
  const runId = newRunId(ctx.job.name, started);
  const timings = { readMs: 0, transformMs: 0, qualityMs: 0, writeMs: 0, totalMs: 0 };
  const base = { runId, job: ctx.job.name, startedAt: started.toISOString() };
  const phases = new JobPhaseClock(() => ctx.db.statements);
  let report: RunReport;
  try {
    report = await runJobSteps(ctx, runId, started, timings, base, phases);
  } catch (error) {
    const cause = (error as Error).cause;
    report = {
      ...base,
      status: 'failed',
      finishedAt: now().toISOString(),
      counts: ZERO_COUNTS,
      timings: { ...timings, totalMs: performance.now() - t0 },
      rules: [],
      instants: [],
      inputFiles: [],
      error: (error as Error).message,
      errorKind: error instanceof EtlError ? error.kind : 'unexpected',
      ...(cause instanceof Error ? { errorCause: cause.message } : {}),
    };
  } finally {
    phases.enter('cleanup');
    await dropWorkTables(ctx.db);
    phases.end();
  }
  report = {
    ...report,
    finishedAt: now().toISOString(),
    timings: { ...report.timings, totalMs: Math.round(performance.now() - t0) },
    phases: phases.times(),
  };
  await writeRunRecord(ctx.store, report);
  return report;
}

async function runJobSteps(
  ctx: RunJobContext,
  runId: string,
  started: Date,
  timings: { readMs: number; transformMs: number; qualityMs: number; writeMs: number; totalMs: number },
  base: { runId: string; job: string; startedAt: string },
  phases: JobPhaseClock,
): Promise<RunReport> {
  const { db, store, job } = ctx;
  phases.enter('listing');
  const bookmark = await readBookmark(store, job.name);
  const inputs = await planJobInputs(store, job, bookmark, ctx.committed, ctx.excludedFiles);
  const finish = (fields: Partial<RunReport> & Pick<RunReport, 'status'>): RunReport => ({
    ...base,
    finishedAt: '',
    counts: ZERO_COUNTS,
    timings: { ...timings },
    rules: [],
    instants: [],
    inputFiles: inputs.inputFiles,
    ...(inputs.excludedFiles.length > 0 ? { excludedFiles: inputs.excludedFiles } : {}),
    ...fields,
  });
  // A full rebuild asked for runs even without new input.
  if (!inputs.hasNewInput && !(ctx.full && job.incremental)) return finish({ status: 'no-new-input' });
  phases.enter('plan-refresh');
  const refresh = job.incremental
    ? await planRefresh(store, job, bookmark, inputs.curated, ctx.full ?? false)
    : undefined;
  const incremental = refresh?.mode === 'incremental' ? refresh.sources : undefined;
  let refreshed = { units: 0, changedKeys: {} as Record<string, number> };

  // Read.
  phases.enter('read');
  let t = performance.now();
  const csvScans: CsvScan[] = [];
  for (const source of job.sources) {
    if (source.kind === 'database')
      await loadDatabaseSource(db, store, source, inputs.database.get(source.view)?.files ?? []);
    else if (source.kind === 'csv')
      csvScans.push(await loadCsvSource(db, store, source, inputs.csv.get(source.view)?.files ?? []));
    // A job with an incremental plan reads its sources as of the instants its bookmark will record.
    else if (!incremental)
      await defineCuratedView(
        db,
        store,
        jobByName(source.job),
        source.view,
        job.incremental ? (inputs.curated.get(source.view) ?? undefined) : undefined,
      );
  }
  if (incremental) refreshed = await defineIncrementalSources(db, store, job, incremental);
  const referenced = new Set(job.rules.flatMap((r) => ('job' in r ? [r.job] : [])));
  for (const name of referenced) await defineCuratedView(db, store, jobByName(name), referenceViewName(name));
  const sourceTable =
    ctx.sourceRowCount && job.rules.some((r) => r.kind === 'reconciles') ? changesSourceTable(job) : undefined;
  const needsCurrent =
    incremental !== undefined ||
    sourceTable !== undefined ||
    job.rules.some((r) => r.kind === 'freshness' && r.clock === 'data');
  if (needsCurrent) await defineCuratedView(db, store, job, CURRENT);
  timings.readMs = Math.round(performance.now() - t);

  // Transform.
  phases.enter('transform');
  t = performance.now();
  const outputs = [...job.columns.map((c) => quoteIdentifier(c.name)), ...META_COLUMNS.map(quoteIdentifier)].join(', ');
  // Rows keep their input order (preserve_insertion_order), so the table's rowid numbers them: `_row_id`.
  // The CSV files are read here, in the same parallel pass as the transform.
  try {
    await db.run(`CREATE OR REPLACE TEMP TABLE ${BATCH} AS SELECT ${outputs} FROM (${job.transformSql}) x`);
  } catch (error) {
    // A CSV file the reader cannot read is named as such; otherwise what failed is the transform.
    await throwIfCsvUnreadable(db, csvScans);
    throw new EtlError(
      'transform-failed',
      `The transform of ETL job ${job.name} failed (${(error as Error).message}); fix its transformSql in libs/etl-jobs.`,
      { cause: error },
    );
  }
  // Counted apart from the transform, for the reconciliation (before the rejected lines empty the database sources).
  phases.enter('reconciliation');
  const rawInput = await countRawInputs(db, job, csvScans);
  phases.enter('quarantine');
  await appendRejectedCsvLines(db, job, BATCH, outputs, csvScans);
  timings.transformMs = Math.round(performance.now() - t);

  // Quality.
  phases.enter('rules');
  t = performance.now();
  const keys = job.hudi.recordKeyFields.map(quoteIdentifier).join(', ');
  const typed = job.columns
    .map((c) => `CAST(${quoteIdentifier(c.name)} AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.name)}`)
    .join(', ');
  const passed = (op: 'U' | 'D') =>
    `(SELECT b.rowid AS _row_id, b.* FROM ${BATCH} b ANTI JOIN ${FAILED_TABLE} x ON x._row_id = b.rowid WHERE b._op = '${op}')`;
  // The latest version of each key, its number of versions and whether its tied versions differ: one
  // aggregation over the rows that passed. Tied versions that differ are found then, so that their rows
  // are located with the failing ones.
  const rowResult = await evaluateRowRules(db, job, BATCH, csvScans, {
    moreRowsToLocate: async () => {
      await buildWinningVersions(db, job, passed('U'), WINNERS);
      return findVersionConflicts(db, job, BATCH, FAILED_TABLE, WINNERS);
    },
  });
  phases.enter('batch');
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${UPSERTS} AS SELECT ${typed} FROM ${BATCH} b SEMI JOIN ${WINNERS} w ON w._row_id = b.rowid`,
  );
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${DELETES} AS SELECT ${typed} FROM (SELECT *, row_number() OVER (PARTITION BY ${keys} ORDER BY _row_id DESC) AS _version_rank FROM ${passed('D')}) v WHERE _version_rank = 1`,
  );
  if (incremental) {
    await addStaleRowDeletes(db, store, job, { upserts: UPSERTS, deletes: DELETES });
    await db.run(`CREATE OR REPLACE TEMP VIEW ${PROJECTED} AS ${renderProjectedTableSelect(job, CURRENT, UPSERTS)}`);
  }
  phases.enter('reconciliation');
  const read = await db.count(`SELECT count(*) FROM ${BATCH}`);
  const tables = { batch: BATCH, failed: FAILED_TABLE, winners: WINNERS, upserts: UPSERTS, deletes: DELETES };
  let counts = await countBatchOutcome(db, job, tables, rawInput);
  if (sourceTable !== undefined && ctx.sourceRowCount) {
    counts = {
      ...counts,
      sourceRows: await ctx.sourceRowCount(sourceTable),
      curatedSourceRows: await projectedSourceRows(db, job, CURRENT, tables),
    };
  }
  await writeCountsView(db, COUNTS, counts);
  phases.enter('rules');
  const datasetOutcomes = await evaluateDatasetRules(db, job, {
    batchView: UPSERTS,
    countsView: COUNTS,
    counts,
    runStartedAt: started,
    ...(needsCurrent ? { currentTableView: CURRENT } : {}),
    ...(incremental ? { tableView: PROJECTED } : {}),
  });
  const rules: RuleOutcome[] = [
    ...rowResult.outcomes,
    ...datasetOutcomes,
    await versionConflictOutcome(db, job, BATCH),
  ];
  timings.qualityMs = Math.round(performance.now() - t);
  phases.enter('batch');
  const upserts = await db.count(`SELECT count(*) FROM ${UPSERTS}`);
  const deletes = await db.count(`SELECT count(*) FROM ${DELETES}`);
  const baseCounts: RunCounts = {
    read,
    written: 0,
    inserted: 0,
    updated: 0,
    deleted: 0,
    quarantined: rowResult.quarantined,
  };

  const failed = rules.filter((r) => r.severity === 'fail' && !r.passed);
  if (failed.length > 0) {
    return finish({
      status: 'blocked',
      counts: baseCounts,
      rules,
      timings: { ...timings },
      error: await blockedMessage(db, job.name, failed, csvScans, FAILED_RAW_TABLE),
    });
  }

  // Write.
  phases.enter('hudi-write');
  t = performance.now();
  const results = await writeCuratedTable(
    db,
    store,
    job,
    {
      operation: incremental ? 'upsert' : job.hudi.operation,
      upsertsTable: UPSERTS,
      upserts,
      deletesTable: DELETES,
      deletes,
    },
    ctx.onProgress,
  );
  let quarantineFile: string | undefined;
  phases.enter('quarantine');
  if (rowResult.quarantined > 0) {
    const batchId = createHash('sha256').update(inputs.inputFiles.join('\n')).digest('hex').slice(0, 16);
    quarantineFile = await writeQuarantine(db, store, job, runId, batchId, rowRuleReasons(job), started);
  }
  phases.enter('bookmark');
  await writeBookmark(store, { ...inputs.nextBookmark, runId, updatedAt: new Date().toISOString() });
  timings.writeMs = Math.round(performance.now() - t);

  const sum = (pick: (r: WriteResult) => number) => results.reduce((s, r) => s + pick(r), 0);
  return finish({
    status: 'committed',
    counts: {
      ...baseCounts,
      written: upserts + deletes,
      inserted: sum((r) => r.numInserts),
      updated: sum((r) => r.numUpdates),
      deleted: sum((r) => r.numDeletes),
    },
    rules,
    timings: { ...timings },
    instants: results.map((r) => r.instant),
    ...(refresh ? { refresh: refresh.mode === 'full' ? refresh : { mode: refresh.mode, ...refreshed } } : {}),
    ...(quarantineFile ? { quarantineKey: quarantineFile } : {}),
  });
}

/** Row-rule names of a job (exported for callers that map quarantine rules to defect kinds). */
export function rowRuleNames(job: JobDefinition): string[] {
  return job.rules.filter(isRowRule).map((r) => r.name);
}
