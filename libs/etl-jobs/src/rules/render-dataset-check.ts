import { EtlJobsError } from '../etl-jobs-error';
import type { JobName } from '../model/job-name';
import { identifier, numberLiteral } from '../sql/portable-sql';
import type { DatasetRule } from './rule-types';

export interface DatasetCheckContext {
  /** The rows about to be written: passed every row-level rule, one row per record key, no deletes. */
  readonly batchView: string;
  /**
   * A one-row view of BIGINT counts, each taken from its own place: `read_rows` (rows of the batch's
   * raw files), `written_rows` (rows handed to Hudi), `quarantined_rows`, `duplicate_rows` (older or
   * repeated versions of a key dropped), and `source_rows` / `curated_source_rows` (the source
   * database's row count and the curated rows from it after the write; NULL when no source is given).
   */
  readonly countsView: string;
  readonly referenceView: (job: JobName) => string;
  /** The run's start; freshness on the `run` clock is measured against it. */
  readonly runStartedAt: Date;
  /** The job's own curated table as it is before the write; freshness on the `data` clock needs it. */
  readonly currentTableView?: string;
  /**
   * The job's table as it will be after the write, counted by rowCount and rowCountMatch; the batch when
   * omitted (a full rebuild writes the whole table). An incremental refresh writes only some rows.
   */
  readonly tableView?: string;
}

function timestampLiteral(date: Date): string {
  return `TIMESTAMP '${date.toISOString().replace('T', ' ').replace('Z', '')}'`;
}

/**
 * A DuckDB query returning one row `(observed DOUBLE, passed BOOLEAN)` for a dataset-level rule.
 * `observed` is what the rule measured: duplicate keys, a row count, a ratio, an age in hours.
 */
export function renderDatasetCheckDuckdb(rule: DatasetRule, ctx: DatasetCheckContext): string {
  const batch = ctx.batchView;
  switch (rule.kind) {
    case 'isUnique': {
      const cols = rule.columns.map(identifier).join(', ');
      const notNull = rule.columns.map((c) => `${identifier(c)} IS NOT NULL`).join(' AND ');
      return `SELECT CAST(count(*) AS DOUBLE) AS observed, count(*) = 0 AS passed FROM (SELECT ${cols} FROM ${batch} WHERE ${notNull} GROUP BY ${cols} HAVING count(*) > 1) d`;
    }
    case 'rowCount': {
      const max = rule.max === undefined ? 'TRUE' : `n <= ${numberLiteral(rule.max)}`;
      return `SELECT CAST(n AS DOUBLE) AS observed, n >= ${numberLiteral(rule.min)} AND ${max} AS passed FROM (SELECT count(*) AS n FROM ${ctx.tableView ?? batch}) c`;
    }
    case 'reconciles':
      // observed: rows unaccounted for on the raw-file basis, plus the difference to the source database when given.
      return `SELECT CAST(abs(read_rows - written_rows - quarantined_rows - duplicate_rows) + COALESCE(abs(source_rows - curated_source_rows), 0) AS DOUBLE) AS observed,
        read_rows = written_rows + quarantined_rows + duplicate_rows AND (source_rows IS NULL OR source_rows = curated_source_rows) AS passed FROM ${ctx.countsView}`;
    case 'rowCountMatch': {
      const ref = ctx.referenceView(rule.job);
      return `SELECT ratio AS observed, ratio >= ${numberLiteral(rule.minRatio)} AND ratio <= ${numberLiteral(rule.maxRatio)} AS passed FROM (SELECT CASE WHEN r = 0 THEN (CASE WHEN b = 0 THEN 1.0 ELSE 0.0 END) ELSE CAST(b AS DOUBLE) / r END AS ratio FROM (SELECT (SELECT count(*) FROM ${ctx.tableView ?? batch}) AS b, (SELECT count(*) FROM ${ref}) AS r) c) q`;
    }
    case 'referenceCoverage': {
      const ref = ctx.referenceView(rule.job);
      const join = rule.columns
        .map((c, i) => `r.${identifier(rule.refColumns[i] ?? c)} = t.${identifier(c)}`)
        .join(' AND ');
      return `SELECT ratio AS observed, ratio >= ${numberLiteral(rule.minRatio)} AS passed FROM (SELECT CASE WHEN count(*) = 0 THEN 1.0 ELSE CAST(count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ${ref} r WHERE ${join})) AS DOUBLE) / count(*) END AS ratio FROM ${batch} t) q`;
    }
    case 'expressionRatio':
      return `SELECT ratio AS observed, ratio >= ${numberLiteral(rule.minRatio)} AS passed FROM (SELECT CASE WHEN count(*) = 0 THEN 1.0 ELSE CAST(count(*) FILTER (WHERE COALESCE((${rule.expression}), FALSE)) AS DOUBLE) / count(*) END AS ratio FROM ${batch}) q`;
    case 'freshness': {
      if (rule.clock === 'data') {
        if (!ctx.currentTableView) {
          throw new EtlJobsError(
            'invalid-definition',
            `The freshness rule ${rule.name} measures on the data's clock; pass currentTableView (the job's curated table) to renderDatasetCheckDuckdb.`,
          );
        }
        const column = identifier(rule.column);
        const clock = `(SELECT max(${column}) FROM (SELECT ${column} FROM ${ctx.currentTableView} UNION ALL SELECT ${column} FROM ${batch}) c)`;
        return `SELECT CAST(age AS DOUBLE) AS observed, age IS NULL OR age <= ${numberLiteral(rule.maxAgeHours)} AS passed FROM (SELECT date_diff('hour', max(${column}), ${clock}) AS age FROM ${batch}) a`;
      }
      const now = timestampLiteral(ctx.runStartedAt);
      return `SELECT CAST(age AS DOUBLE) AS observed, age IS NULL OR age <= ${numberLiteral(rule.maxAgeHours)} AS passed FROM (SELECT date_diff('hour', max(${identifier(rule.column)}), ${now}) AS age FROM ${batch}) a`;
    }
  }
}

/** What a failed dataset rule means, with the observed value, for run reports. */
export function describeDatasetFailure(rule: DatasetRule, observed: number): string {
  switch (rule.kind) {
    case 'isUnique':
      return `${observed} value(s) of ${rule.columns.join(', ')} occur more than once`;
    case 'rowCount':
      return `${observed} rows, expected at least ${rule.min}${rule.max === undefined ? '' : ` and at most ${rule.max}`}`;
    case 'reconciles':
      return `${observed} row(s) unaccounted for: rows read from the raw files differ from rows written + quarantined + versions dropped, or the source database's row count differs from the curated rows`;
    case 'rowCountMatch':
      return `rows / ${rule.job} rows = ${observed}, expected between ${rule.minRatio} and ${rule.maxRatio}`;
    case 'referenceCoverage':
      return `only ${(observed * 100).toFixed(2)}% of ${rule.columns.join(', ')} found in ${rule.job}, expected ${rule.minRatio * 100}%`;
    case 'expressionRatio':
      return `${(observed * 100).toFixed(2)}% of rows satisfy ${rule.expression}, expected at least ${rule.minRatio * 100}%`;
    case 'freshness':
      return rule.clock === 'data'
        ? `newest ${rule.column} of the batch is ${observed} hours older than the newest ${rule.column} of the table, expected at most ${rule.maxAgeHours}`
        : `newest ${rule.column} is ${observed} hours old, expected at most ${rule.maxAgeHours}`;
  }
}
