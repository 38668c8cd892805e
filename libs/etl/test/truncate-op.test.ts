import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { jobByName } from '@autocorp/etl-jobs';
import { openObjectStore } from '@autocorp/lake-storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtlDuckDb } from '../src/duckdb/etl-duckdb';
import { loadDatabaseSource } from '../src/raw/load-database-source';
import { COLUMNS, cdcFileName, writeDmsFile } from './raw-fixture';

const row = (op: string, lsn: number, seq: number, sku: string | null, price: string) =>
  `('${op}', TIMESTAMPTZ '2025-06-01 00:00:00+00', ${lsn}::BIGINT, ${seq}::BIGINT, ${sku === null ? 'NULL' : `'${sku}'`}, ${sku === null ? 'NULL' : "'d'"}, ${sku === null ? 'NULL' : "'c'"}, ${sku === null ? 'NULL' : "'m'"}, ${price}, ${sku === null ? 'NULL' : '1'}, ${sku === null ? 'NULL' : "TIMESTAMP '2025-01-01'"}, ${sku === null ? 'NULL' : "TIMESTAMP '2025-01-01'"})`;

describe('a TRUNCATE from libs/cdc (Op T)', () => {
  let root: string;
  let duck: DuckDBInstance;
  let db: EtlDuckDb;

  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'etl-truncate-'));
    duck = await DuckDBInstance.create(':memory:');
    db = await EtlDuckDb.open();
  });

  afterAll(async () => {
    await db?.close();
    duck?.closeSync();
    await rm(root, { recursive: true, force: true });
  });

  it('deletes every key alive before it (earlier files included), keeps what comes after it, and drops the T row', async () => {
    const connection = await duck.connect();
    const lake = { root };
    await writeDmsFile(connection, lake, 'auto_parts', 'LOAD00000001.parquet', COLUMNS.auto_parts, [
      row('I', 100, 0, 'P1', '1.00'),
      row('I', 100, 0, 'P2', '2.00'),
    ]);
    // Read by an earlier run: P2 updated, P3 inserted, P1 deleted.
    await writeDmsFile(
      connection,
      lake,
      'auto_parts',
      cdcFileName('20250601-000000000', 200, 1, 250, 1),
      COLUMNS.auto_parts,
      [row('U', 200, 1, 'P2', '2.50'), row('I', 200, 2, 'P3', '3.00'), row('D', 250, 1, 'P1', '1.00')],
    );
    // This run's input: P4 inserted, the table truncated, P5 inserted, in one transaction.
    const input = await writeDmsFile(
      connection,
      lake,
      'auto_parts',
      cdcFileName('20250601-000001000', 300, 1, 300, 3),
      COLUMNS.auto_parts,
      [row('I', 300, 1, 'P4', '4.00'), row('T', 300, 2, null, 'NULL'), row('I', 300, 3, 'P5', '5.00')],
    );
    connection.closeSync();

    const source = jobByName('auto_parts').sources.find((s) => s.kind === 'database');
    if (source?.kind !== 'database') throw new Error('auto_parts has no database source');
    await loadDatabaseSource(db, openObjectStore(`file://${root}`), source, [input]);
    const latest = await db.rows(`SELECT sku, CAST(price AS VARCHAR) AS price, _op FROM ${source.view} ORDER BY sku`);
    expect(latest).toEqual([
      { sku: 'P2', price: '2.50', _op: 'D' },
      { sku: 'P3', price: '3.00', _op: 'D' },
      { sku: 'P4', price: '4.00', _op: 'D' },
      { sku: 'P5', price: '5.00', _op: 'U' },
    ]);
  });
});
