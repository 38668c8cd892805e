import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import type { CsvScan } from '../raw/load-csv-source';
import type { RuleOutcome } from '../state/run-records';

/** The CLI command that takes a raw file out of the ETL input (excludeRawFile). */
export const QUARANTINE_FILE_COMMAND = 'autocorp etl quarantine-file';

/**
 * Why a job did not commit, and the ways out that lose nothing: the failing rules with an example,
 * the CSV files holding the rows that break them (with counts), and how to take such a file out of
 * the input. A later export does not replace a blocked file (every file is read), so without that
 * the job stays blocked.
 */
export async function blockedMessage(
  db: EtlDuckDb,
  job: string,
  failed: readonly RuleOutcome[],
  csvScans: readonly CsvScan[],
  failedRawTable: string,
): Promise<string> {
  const why = failed
    .map(
      (r) =>
        `${r.rule} (${r.message ?? `observed ${r.observed}`}${r.sample?.[0] ? `; e.g. ${JSON.stringify(r.sample[0])}` : ''})`,
    )
    .join('; ');
  const csvKeys = csvScans.flatMap((s) => s.files.map((f) => f.key));
  let files: { key: string; text: string }[] = [];
  if (csvKeys.length > 0) {
    const rows = await db.rows(
      `SELECT _source_file AS file, count(*) AS n FROM ${failedRawTable} WHERE _source_file IN (${csvKeys.map(quoteLiteral).join(', ')}) GROUP BY 1 ORDER BY 1`,
    );
    files =
      rows.length > 0
        ? rows.map((r) => ({
            key: String(r['file']),
            text: `${String(r['file'])} (${String(r['n'])} row(s) breaking a rule)`,
          }))
        : csvKeys.map((key) => ({ key, text: key }));
  }
  const wayOut =
    files.length > 0
      ? ` A later export does not replace these files: every raw file is read, so the job stays blocked until the rule or the data changes. To go on without a file, take it out of the input (it stays in the raw zone, nothing is deleted; "autocorp etl quarantined-files" lists it, --undo puts it back): ${files.map((f) => `${QUARANTINE_FILE_COMMAND} ${f.key} --reason "<why>"`).join('; ')}. Files: ${files.map((f) => f.text).join(', ')}.`
      : '';
  return `ETL job ${job} did not commit: data quality rule(s) with severity fail did not pass: ${why}. The raw files stay unprocessed, so the next run reads them again.${wayOut}`;
}
