import fs from 'node:fs';
import path from 'node:path';
import { withDuckDb } from '@autocorp/duckdb';
import { HudiTable, type ReadQuery } from '@autocorp/hudi';
import type pg from 'pg';

/** Facts read straight from the parts (PostgreSQL, Hudi files, run record files), not through the API. */

export async function pgCount(pool: pg.Pool, table: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM public."${table}"`);
  return Number(rows[0]?.n);
}

export function curatedFolder(lakeRoot: string, table: string): string {
  return path.join(lakeRoot, 'curated', table);
}

/** Rows of a curated Hudi table read with DuckDB over the files its timeline selects. */
export async function hudiRows(lakeRoot: string, table: string, query: ReadQuery = { type: 'snapshot' }) {
  const hudi = await HudiTable.open(curatedFolder(lakeRoot, table));
  const sql = await hudi.sql(query);
  return withDuckDb({ threads: 1 }, async (c) => (await c.runAndReadAll(sql)).getRowObjectsJson());
}

export async function completedInstants(lakeRoot: string, table: string): Promise<string[]> {
  const hudi = await HudiTable.open(curatedFolder(lakeRoot, table));
  return hudi.timeline.completedWrites().map((i) => i.timestamp);
}

/** The ETL run records as libs/etl wrote them (state/etl/runs/*.json). */
export function runRecordFiles(lakeRoot: string): { runId: string; job: string; counts: { quarantined: number } }[] {
  const folder = path.join(lakeRoot, 'state', 'etl', 'runs');
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')));
}

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') field += text[++i];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\n') {
      endField();
      records.push(record);
      record = [];
    } else field += ch;
  }
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
