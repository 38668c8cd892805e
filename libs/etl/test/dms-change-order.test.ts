import { DuckDBInstance } from '@duckdb/node-api';
import { changesViewName, jobByName, renderLatestChangeSelect } from '@autocorp/etl-jobs';
import { afterAll, describe, expect, it } from 'vitest';

const duck = await DuckDBInstance.create(':memory:');
const connection = await duck.connect();
afterAll(() => {
  connection.closeSync();
  duck.closeSync();
});

const source = jobByName('customers').sources.find((s) => s.kind === 'database');

describe('the DMS change order the Glue scripts use (--cdc_position_mode dms)', () => {
  it('puts full-load rows first, then orders changes by commit time, stream position and change sequence (as strings)', async () => {
    if (source?.kind !== 'database') throw new Error('customers has no database source');
    const columns = source.columns.map((c) => c.name);
    const row = (op: string, isChange: number, ts: string, lsn: string, seq: string, id: number, city: string) =>
      `('${op}', ${isChange}, TIMESTAMP '${ts}', '${lsn}', '${seq}', 'raw/database/pg_customers/f.parquet', ${id}, 'A', 'B', 'a@b.c', NULL, NULL, '${city}', 'TX', '73301', TIMESTAMP '2024-01-01', TIMESTAMP '2024-01-01')`;
    // Customer 1: the full load ran after the update committed (its rows carry the later transfer time), yet the update wins.
    // Customer 2: two changes in one transaction (same time and position): the later change sequence wins, a delete.
    // Customer 3: the change sequence strings compare as text of equal width ("…10" after "…09").
    await connection.run(
      `CREATE TABLE ${changesViewName(source)} AS SELECT * FROM (VALUES
        ${[
          row('I', 0, '2025-06-01 12:00:00', '', '', 1, 'Load'),
          row('U', 1, '2025-06-01 11:59:00', '0000000A/00000100', '20250601115900000000000000000000001', 1, 'Updated'),
          row('I', 0, '2025-06-01 12:00:00', '', '', 2, 'Load'),
          row('U', 1, '2025-06-01 12:05:00', '0000000A/00000200', '20250601120500000000000000000000001', 2, 'First'),
          row('D', 1, '2025-06-01 12:05:00', '0000000A/00000200', '20250601120500000000000000000000002', 2, 'First'),
          row('U', 1, '2025-06-01 12:06:00', '0000000A/00000300', '20250601120600000000000000000000010', 3, 'Ten'),
          row('U', 1, '2025-06-01 12:06:00', '0000000A/00000300', '20250601120600000000000000000000009', 3, 'Nine'),
        ].join(',\n')}
      ) v(Op, _cdc_is_change, _cdc_commit_ts, _cdc_commit_lsn, _cdc_seq, _source_file, ${columns.join(', ')})`,
    );
    const latest = await connection.runAndReadAll(`SELECT customer_id, city, _op FROM (${renderLatestChangeSelect(source, 'dms')}) ORDER BY customer_id`);
    expect(latest.getRowObjectsJson()).toEqual([
      { customer_id: 1, city: 'Updated', _op: 'U' },
      { customer_id: 2, city: 'First', _op: 'D' },
      { customer_id: 3, city: 'Ten', _op: 'U' },
    ]);
  });
});
