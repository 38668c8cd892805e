import fs from 'node:fs';
import path from 'node:path';
import { withDuckDb } from '@autocorp/duckdb';
import { HudiTable } from '@autocorp/hudi';
import type pg from 'pg';

/** Facts read straight from the parts (PostgreSQL, the Hudi files, the run records), never through the API. */

export async function sourceCount(pool: pg.Pool, table: string): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*)::text AS n FROM public."${table}"`);
  return Number(rows[0]?.n);
}

/** The tables of the source database's public schema. */
export async function sourceTables(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  return rows.map((r) => r.name).filter((name) => !name.startsWith('__'));
}

/** The curated Hudi tables in the lake (folders with a timeline). */
export function curatedTables(lakeRoot: string): string[] {
  const folder = path.join(lakeRoot, 'curated');
  return fs
    .readdirSync(folder)
    .filter((name) => fs.existsSync(path.join(folder, name, '.hoodie')))
    .sort();
}

/** Rows of a curated table's snapshot, read with DuckDB over the files its timeline selects. */
export async function curatedRows(lakeRoot: string, table: string, select = 'count(*) AS n', groupBy = '') {
  const hudi = await HudiTable.open(path.join(lakeRoot, 'curated', table));
  const snapshot = await hudi.sql({ type: 'snapshot' });
  return withDuckDb({ threads: 1 }, async (c) =>
    (await c.runAndReadAll(`SELECT ${select} FROM (${snapshot}) AS t ${groupBy}`)).getRowObjectsJson(),
  );
}

export async function curatedCount(lakeRoot: string, table: string): Promise<number> {
  return Number((await curatedRows(lakeRoot, table))[0]?.n);
}

export async function completedInstants(lakeRoot: string, table: string): Promise<string[]> {
  const hudi = await HudiTable.open(path.join(lakeRoot, 'curated', table));
  return hudi.timeline.completedWrites().map((i) => i.timestamp);
}

export interface RunRecord {
  readonly runId: string;
  readonly job: string;
  readonly status: string;
  readonly counts: {
    readonly inserted: number;
    readonly updated: number;
    readonly deleted: number;
    readonly quarantined: number;
  };
}

/** The ETL run records as libs/etl wrote them (the lake's state/etl/runs/*.json). */
export function runRecords(lakeRoot: string): RunRecord[] {
  const folder = path.join(lakeRoot, 'state', 'etl', 'runs');
  return fs
    .readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(folder, f), 'utf8')) as RunRecord);
}
