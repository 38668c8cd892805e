import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ObjectStore, quarantineKey } from '@autocorp/lake-storage';
import type { EtlDuckDb } from '../duckdb/etl-duckdb';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import { type JobDefinition, type RowRule, isRowRule, rowRuleColumns } from '@autocorp/etl-jobs';
import { CSV_ROW_REASONS, createCsvRowReasons } from '../raw/csv-row-reasons';
import { CHECKED_TABLE, FAILED_RAW_TABLE } from './evaluate-row-rules';

/**
 * Writes the quarantined rows of a batch as Parquet to `processed/quarantine/<job>/batch=<id>.parquet`:
 * job, run, rule (first broken), every broken rule, reason, column, source file and line, the raw row.
 * A row broken under a `wellFormed` or `parses` rule gives the reader's own reason and column
 * (csv-row-reasons: field count, the field that did not parse and its text, invalid UTF-8, a record
 * cut short, DuckDB's reject error); other rules give their description and the column(s) they check.
 */
export async function writeQuarantine(
  db: EtlDuckDb,
  store: ObjectStore,
  definition: JobDefinition,
  runId: string,
  batchId: string,
  reasons: ReadonlyMap<string, string>,
  at: Date,
): Promise<string> {
  const job = definition.name;
  const rules = definition.rules.filter(isRowRule);
  const readerRules = rules
    .filter((r) => r.kind === 'wellFormed' || r.kind === 'parses')
    .map((r) => quoteLiteral(r.name));
  const fromReader = readerRules.length === 0 ? 'FALSE' : `c._rule IN (${readerRules.join(', ')})`;
  const ruleReason =
    reasons.size === 0
      ? 'NULL'
      : `CASE c._rule ${[...reasons].map(([rule, text]) => `WHEN ${quoteLiteral(rule)} THEN ${quoteLiteral(text)}`).join(' ')} END`;
  const columns = rules.flatMap((r) =>
    ruleColumn(r) === undefined ? [] : [`WHEN ${quoteLiteral(r.name)} THEN ${quoteLiteral(ruleColumn(r) as string)}`],
  );
  const ruleColumnSql = columns.length === 0 ? 'CAST(NULL AS VARCHAR)' : `CASE c._rule ${columns.join(' ')} END`;
  const reason = `CASE WHEN ${fromReader} THEN COALESCE(w.reason, ${ruleReason}) ELSE ${ruleReason} END`;
  const column = `CASE WHEN ${fromReader} THEN COALESCE(w.column_name, NULLIF(c._unparsed_columns, '')) ELSE ${ruleColumnSql} END`;
  await createCsvRowReasons(db);
  const file = path.join(tmpdir(), `autocorp-etl-quarantine-${randomUUID()}.parquet`);
  try {
    await db.run(
      `COPY (SELECT ${quoteLiteral(job)} AS job, ${quoteLiteral(runId)} AS run_id, ${quoteLiteral(batchId)} AS batch_id, c._rule AS rule, c._failed_rules AS failed_rules, ${reason} AS reason, ${column} AS column_name, c._source_file AS source_file, c._source_line AS source_line, r.raw_row, TIMESTAMP ${quoteLiteral(at.toISOString().replace('T', ' ').replace('Z', ''))} AS quarantined_at
        FROM ${CHECKED_TABLE} c JOIN ${FAILED_RAW_TABLE} r ON r._row_id = c._row_id LEFT JOIN ${CSV_ROW_REASONS} w ON w._row_id = c._row_id WHERE c._rule IS NOT NULL ORDER BY c._source_file, c._source_line, c._row_id) TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`,
    );
    const key = quarantineKey(job, batchId);
    await store.putFile(key, file, { move: true, contentType: 'application/vnd.apache.parquet' });
    return key;
  } finally {
    await rm(file, { force: true });
  }
}

/** The column(s) a row rule checks, comma-separated (none for a row expression); the same in the Glue script's records. */
function ruleColumn(rule: RowRule): string | undefined {
  const columns = rowRuleColumns(rule);
  return columns.length === 0 ? undefined : columns.join(',');
}
