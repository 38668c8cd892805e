import { type JobDefinition, describeDatasetFailure, isDatasetRule, referenceViewName, renderDatasetCheckDuckdb } from '@autocorp/etl-jobs';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import type { RuleOutcome } from '../state/run-records';

/**
 * Evaluates the dataset-level rules on `batchView` (the upserts about to be written, one row per
 * record key) with `countsView` holding read/passed/quarantined counts.
 */
export async function evaluateDatasetRules(
  db: EtlDuckDb,
  job: JobDefinition,
  batchView: string,
  countsView: string,
  runStartedAt: Date,
): Promise<RuleOutcome[]> {
  const outcomes: RuleOutcome[] = [];
  for (const rule of job.rules.filter(isDatasetRule)) {
    const sql = renderDatasetCheckDuckdb(rule, { batchView, countsView, referenceView: referenceViewName, runStartedAt });
    const [row] = await db.rows(sql);
    const observed = Number(row?.['observed'] ?? 0);
    const passed = row?.['passed'] === true;
    outcomes.push({
      rule: rule.name,
      kind: rule.kind,
      level: 'dataset',
      severity: rule.severity,
      passed,
      observed,
      ...(passed ? {} : { message: describeDatasetFailure(rule, observed) }),
    });
  }
  return outcomes;
}
