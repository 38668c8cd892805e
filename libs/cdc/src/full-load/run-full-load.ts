import { startProgress } from '@autocorp/progress';
import type pg from 'pg';
import { CdcError } from '../cdc-error';
import { quoteLiteral } from '@autocorp/duckdb/sql';
import { connectReplication, connectSql } from '../connection';
import type { SourceColumn } from '../lake/column-types';
import type { ObjectStore } from '../lake/object-store';
import { openCdcStage } from '../lake/cdc-staging';
import { rawDatabasePrefix } from '@autocorp/lake-storage';
import { type Lsn, formatLsn } from '../lsn';
import { type CdcOptions, type ResolvedOptions, resolveOptions } from '../options';
import { assertLogicalWalLevel, ensurePublication, readTableColumns } from '../replication/source-catalog';
import { createSlotWithSnapshot } from '../replication/replication-stream';
import { readSlot, slotInUseError } from '../replication/slot-info';
import { type CdcState, writeCdcState } from '../state/cdc-state';
import { SchemaHistory } from '../state/schema-history';
import { type TableState, nextTableState } from '../state/table-state';
import { loadTable } from './load-table';

export interface FullLoadTableResult {
  readonly table: string;
  readonly rows: number;
  readonly files: readonly string[];
}

export interface FullLoadResult {
  readonly slotName: string;
  /** The slot's consistent point: the load holds every transaction committed before it, the stream every one after. */
  readonly consistentPoint: Lsn;
  readonly rows: number;
  readonly seconds: number;
  readonly tables: readonly FullLoadTableResult[];
}

/**
 * Starts CDC from scratch: checks wal_level, creates the publication and the slot (exporting its
 * snapshot), and copies every table from that snapshot into `raw/database/pg_<table>/LOADnnnnnnnn.parquet`.
 * Any earlier slot of that name, its state and the tables' raw files are replaced.
 * Afterwards every table is `sync_done` and startCdc streams from the consistent point.
 */
export async function runFullLoad(options: CdcOptions): Promise<FullLoadResult> {
  return fullLoad(resolveOptions(options));
}

export async function fullLoad(options: ResolvedOptions): Promise<FullLoadResult> {
  const started = performance.now();
  const sql = await connectSql(options.connection, 'autocorp-cdc-full-load');
  let replication: pg.Client | undefined;
  const stage = await openCdcStage(options);
  try {
    await assertLogicalWalLevel(sql);
    const columns = await readTableColumns(sql, options.schema, options.tables);
    await ensurePublication(sql, options.publicationName, options.schema, options.tables);
    const existing = await readSlot(sql, options.slotName);
    if (existing?.active) throw slotInUseError(existing);
    if (existing) await sql.query('SELECT pg_drop_replication_slot($1)', [options.slotName]);
    await clearRawTables(options.store, options.tables);

    replication = await connectReplication(options.connection, 'autocorp-cdc-snapshot');
    const snapshot = await createSlotWithSnapshot(replication, options.slotName);
    const commitMicros = BigInt(Date.now()) * 1000n;

    const history = await SchemaHistory.load(options.store, options.slotName);
    history.reset();
    for (const table of options.tables) history.record('initial', table, snapshot.consistentPoint, columns.get(table));
    await history.persist();

    const tables: Record<string, TableState> = {};
    const startedAt = new Date().toISOString();
    for (const table of options.tables)
      tables[table] = nextTableState(table, undefined, { event: 'load-started', at: startedAt });
    const baseState: CdcState = {
      slotName: options.slotName,
      publicationName: options.publicationName,
      consistentPoint: snapshot.consistentPoint,
      position: { lsn: snapshot.consistentPoint, seq: 0 },
      ackLsn: snapshot.consistentPoint,
      updatedAt: startedAt,
      tables,
    };
    await writeCdcState(options.store, baseState);

    const estimates = await estimateRows(sql, options.schema, options.tables);
    const results: FullLoadTableResult[] = [];
    const queue = [...options.tables];
    const worker = async (): Promise<void> => {
      const client = await connectSql(options.connection, 'autocorp-cdc-full-load');
      try {
        for (let table = queue.shift(); table !== undefined; table = queue.shift()) {
          await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
          await client.query(`SET TRANSACTION SNAPSHOT ${quoteLiteral(snapshot.snapshotName)}`);
          const progress = startProgress(options.onProgress, {
            stage: 'full-load',
            subject: table,
            unit: 'rows',
            total: estimates.get(table),
          });
          const result = await loadTable({
            client,
            stage,
            store: options.store,
            schema: options.schema,
            table,
            columns: columns.get(table) as SourceColumn[],
            maxRowsPerFile: options.maxRowsPerFile,
            consistentPoint: snapshot.consistentPoint,
            commitMicros,
            metaNames: { commitTimestamp: options.commitTimestampColumn },
            onRows: (n) => progress.advance(n),
          });
          await client.query('COMMIT');
          progress.finish();
          results.push({ table, rows: result.rows, files: result.files });
          tables[table] = nextTableState(table, tables[table], {
            event: 'load-done',
            lsn: formatLsn(snapshot.consistentPoint),
            loadRows: result.rows,
            loadFiles: result.files.length,
          });
        }
      } finally {
        await client.end().catch(() => undefined);
      }
    };
    const workers = Array.from({ length: Math.min(options.fullLoadConcurrency, options.tables.length) }, () =>
      worker(),
    );
    const settled = await Promise.allSettled(workers);
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;

    await writeCdcState(options.store, { ...baseState, tables, updatedAt: new Date().toISOString() });
    const ordered = options.tables.map((t) => results.find((r) => r.table === t) as FullLoadTableResult);
    return {
      slotName: options.slotName,
      consistentPoint: snapshot.consistentPoint,
      rows: ordered.reduce((sum, r) => sum + r.rows, 0),
      seconds: (performance.now() - started) / 1000,
      tables: ordered,
    };
  } catch (error) {
    if (error instanceof CdcError) throw error;
    throw new CdcError(
      'replication-failed',
      `The full load for slot "${options.slotName}" failed: ${(error as Error).message}. Fix the cause and run it again; it starts over.`,
      {
        cause: error,
      },
    );
  } finally {
    await replication?.end().catch(() => undefined);
    await sql.end().catch(() => undefined);
    await stage.close();
  }
}

async function clearRawTables(store: ObjectStore, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const keys: string[] = [];
    for await (const info of store.list(rawDatabasePrefix(table))) keys.push(info.key);
    for (const key of keys) await store.delete(key);
  }
}

/** PostgreSQL's row estimate per table (reltuples), for the progress totals; none for a table never analysed (-1). */
async function estimateRows(
  client: pg.Client,
  schema: string,
  tables: readonly string[],
): Promise<Map<string, number>> {
  const { rows } = await client.query<{ name: string; n: string }>(
    `SELECT c.relname AS name, c.reltuples::bigint AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = ANY ($2::text[])`,
    [schema, tables],
  );
  return new Map(rows.filter((r) => Number(r.n) >= 0).map((r) => [r.name, Number(r.n)]));
}
