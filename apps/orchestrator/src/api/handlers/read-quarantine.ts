import { quoteList, quoteLiteral, queryRows } from '@autocorp/duckdb';
import { processedPrefix, quarantinePrefix } from '@autocorp/lake-storage';
import type { QuarantinedRow, Routes } from '@autocorp/platform-client';
import type { z } from 'zod';
import { formatCsv } from '../../commands/query/format-result';
import { ApiError } from '../api-error';
import type { ApiContext } from '../api-context';
import type { CsvAnswer } from '../route-handler';

type QuarantineQuery = z.output<Routes['quarantine']['query']>;
type QuarantinePage = { rows: QuarantinedRow[]; total: number; offset: number; limit: number };

/** The columns libs/etl writes to a quarantine file, as the API names them. */
const SELECT = `SELECT job, run_id AS "runId", batch_id AS "batchId", rule, failed_rules AS "failedRules", reason,
  column_name AS "column", source_file AS file, CAST(source_line AS BIGINT) AS line, raw_row AS "rawRow",
  strftime(quarantined_at, '%Y-%m-%dT%H:%M:%S.%gZ') AS "quarantinedAt"`;

const CSV_COLUMNS: readonly (keyof QuarantinedRow)[] = [
  'job',
  'runId',
  'batchId',
  'rule',
  'failedRules',
  'reason',
  'column',
  'file',
  'line',
  'rawRow',
  'quarantinedAt',
];

async function quarantineFiles(context: ApiContext, job: string | undefined): Promise<string[]> {
  const { store } = context.runtime;
  const prefix = job === undefined ? `${processedPrefix('quarantine')}` : quarantinePrefix(job);
  const files: string[] = [];
  for await (const info of store.list(prefix)) {
    if (!info.key.endsWith('.parquet')) continue;
    const local = store.localPath(info.key);
    if (local === undefined)
      throw new ApiError(
        'unavailable',
        `Quarantined rows are read from a local lake; ${store.uri} is remote (on aws read ${prefix} with Athena).`,
      );
    files.push(local);
  }
  return files;
}

/**
 * Quarantined rows from the ETL's quarantine files (processed/quarantine/<job>/), filtered by job,
 * rule, run and file, in the order they were quarantined. JSON answers one page; CSV every match.
 */
export async function readQuarantine(context: ApiContext, query: QuarantineQuery): Promise<QuarantinePage | CsvAnswer> {
  const files = await quarantineFiles(context, query.job);
  const empty = { rows: [], total: 0, offset: query.offset, limit: query.limit };
  if (files.length === 0)
    return query.format === 'csv'
      ? { kind: 'csv', filename: 'quarantine.csv', text: formatCsv(CSV_COLUMNS, []) }
      : empty;
  const conditions: string[] = [];
  if (query.rule !== undefined) conditions.push(`rule = ${quoteLiteral(query.rule)}`);
  if (query.runId !== undefined) conditions.push(`run_id = ${quoteLiteral(query.runId)}`);
  if (query.file !== undefined) conditions.push(`contains(source_file, ${quoteLiteral(query.file)})`);
  const where = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  const from = `FROM read_parquet(${quoteList(files)}, union_by_name = true)${where}`;
  const order = 'ORDER BY quarantined_at, job, source_file, source_line';
  const db = await context.duckdb();
  return db.withConnection(async (connection) => {
    if (query.format === 'csv') {
      const rows = await queryRows(connection, `${SELECT} ${from} ${order}`);
      return { kind: 'csv', filename: 'quarantine.csv', text: formatCsv(CSV_COLUMNS, rows) } as CsvAnswer;
    }
    const [count] = await queryRows(connection, `SELECT count(*) AS n ${from}`);
    const rows = await queryRows(connection, `${SELECT} ${from} ${order} LIMIT ${query.limit} OFFSET ${query.offset}`);
    return {
      rows: rows.map((row) => ({
        ...row,
        line: row['line'] === null ? null : Number(row['line']),
      })) as QuarantinedRow[],
      total: Number(count?.['n'] ?? 0),
      offset: query.offset,
      limit: query.limit,
    };
  });
}
