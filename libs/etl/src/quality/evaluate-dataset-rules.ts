import {
  type JobDefinition,
  describeDatasetFailure,
  isDatasetRule,
  referenceViewName,
  renderDatasetCheckDuckdb,
} from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import type { ReconcileCounts } from '../run/reconcile-counts';
import type { RuleOutcome } from '../state/run-records';

export interface DatasetRuleInputs {
  /** The upserts about to be written, one row per record key. */
  readonly batchView: string;
  /** The one-row view of `counts` (writeCountsView). */
  readonly countsView: string;
  readonly counts: ReconcileCounts;
  readonly runStartedAt: Date;
  /** The job's curated table before the write (freshness on the data's clock). */
  readonly currentTableView?: string;
  /** The table as it will be after the write (an incremental refresh), for the row-count rules. */
  readonly tableView?: string;
}

/** Evaluates the dataset-level rules of a job on the batch about to be written. */
export async function evaluateDatasetRules(
  db: EtlDuckDb,
  job: JobDefinition,
  inputs: DatasetRuleInputs,
): Promise<RuleOutcome[]> {
  const outcomes: RuleOutcome[] = [];
  const ctx = {
    batchView: inputs.batchView,
    countsView: inputs.countsView,
    referenceView: referenceViewName,
    runStartedAt: inputs.runStartedAt,
    ...(inputs.currentTableView ? { currentTableView: inputs.currentTableView } : {}),
    ...(inputs.tableView ? { tableView: inputs.tableView } : {}),
  };
  for (const rule of job.rules.filter(isDatasetRule)) {
    const [row] = await db.rows(renderDatasetCheckDuckdb(rule, ctx));
    const observed = Number(row?.['observed'] ?? 0);
    const passed = row?.['passed'] === true;
    const reconcile = rule.kind === 'reconciles' ? reconcileDetails(inputs.counts) : {};
    const message = passed
      ? undefined
      : rule.kind === 'reconciles'
        ? reconcileFailure(inputs.counts)
        : describeDatasetFailure(rule, observed);
    outcomes.push({
      rule: rule.name,
      kind: rule.kind,
      level: 'dataset',
      severity: rule.severity,
      passed,
      observed,
      ...reconcile,
      ...(message ? { message } : {}),
    });
  }
  return outcomes;
}

/** The basis a reconciliation used and the counts it compared. */
function reconcileDetails(counts: ReconcileCounts): Pick<RuleOutcome, 'basis' | 'details'> {
  const withSource = counts.sourceRows !== undefined;
  return {
    basis: withSource ? 'raw files and PostgreSQL row count' : 'raw files (no source database given)',
    details: {
      readRows: counts.readRows,
      writtenRows: counts.writtenRows,
      quarantinedRows: counts.quarantinedRows,
      duplicateRows: counts.duplicateRows,
      ...(withSource ? { sourceRows: counts.sourceRows, curatedSourceRows: counts.curatedSourceRows } : {}),
    },
  };
}

function reconcileFailure(c: ReconcileCounts): string {
  const parts: string[] = [];
  const accounted = c.writtenRows + c.quarantinedRows + c.duplicateRows;
  if (accounted !== c.readRows) {
    parts.push(
      `${c.readRows} row(s) read from the raw files, but ${accounted} accounted for (${c.writtenRows} written, ${c.quarantinedRows} quarantined, ${c.duplicateRows} dropped as older or repeated versions): ${Math.abs(c.readRows - accounted)} ${c.readRows > accounted ? 'lost on the way (check the transform)' : 'more than read'}`,
    );
  }
  if (c.sourceRows !== undefined && c.sourceRows !== c.curatedSourceRows) {
    parts.push(
      `PostgreSQL holds ${c.sourceRows} row(s), the curated table would hold ${String(c.curatedSourceRows)} from it (quarantined source rows, or changes the CDC has not committed yet)`,
    );
  }
  return parts.join('; ');
}
