import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCdcUntilIdle } from '../src/index';
import { type CdcFixture, startCdcFixture } from './support/cdc-fixture';

const TRICKY_TEXTS = [
  '',
  'plain',
  'comma, "quoted" and ""double""',
  'line one\nline two\r\nline three\r',
  'tab\there, back\\slash, semi;colon',
  'ünïcødé ✓ 日本語 😀',
  `long ${'"quote" '.repeat(40)} end`,
  '"',
  ',',
  'x'.repeat(3_000_000), // longer than read_csv's default line limit
];

describe('value fidelity of streamed changes', () => {
  let fx: CdcFixture;
  const options = () => ({ connection: fx.connection, store: fx.store, tables: ['vals'], cutIntervalMs: 100 });

  beforeAll(async () => {
    fx = await startCdcFixture({ schema: false });
    await fx.query(`
      CREATE TABLE vals (id int PRIMARY KEY, t text, v varchar(20), b bytea, j jsonb, n numeric(12,3), u numeric, ts timestamptz, d date, ok boolean, arr int[], iv interval, tiny smallint);
      ALTER TABLE vals REPLICA IDENTITY FULL;
    `);
    await runCdcUntilIdle(options());
  });

  afterAll(async () => {
    await fx?.close();
  });

  it('writes every text value byte for byte, NULL apart from the empty string, and typed values as their lake types', async () => {
    for (const [i, text] of TRICKY_TEXTS.entries())
      await fx.query(`INSERT INTO vals (id, t) VALUES ($1, $2)`, [i, text]);
    await fx.query(`INSERT INTO vals (id, t) VALUES (100, NULL)`);
    await fx.query(
      `INSERT INTO vals VALUES (200, 'typed', 'v"c,', '\\x00ff22', '{"a": [1, "x\\"y"]}', -12.345, 123456789012345678901234567890.123456789, '2024-02-29 23:59:59.123456+02', '2024-02-29', true, '{1,NULL,3}', '1 day 02:03:04', -7)`,
    );
    // An update of another column: the long values come back unchanged (TOAST filled from the old row).
    await fx.query(`UPDATE vals SET tiny = 1 WHERE id IN (6, 9)`);
    await runCdcUntilIdle(options());

    const rows = await fx.rawRows('vals', { cdcOnly: true });
    const inserted = new Map(rows.filter((r) => r.Op === 'I').map((r) => [Number(r.id), r]));
    for (const [i, text] of TRICKY_TEXTS.entries()) expect(inserted.get(i)?.t === text, `text ${i}`).toBe(true);
    expect(inserted.get(100)?.t).toBeNull();
    const updates = rows.filter((r) => r.Op === 'U');
    expect(updates.map((r) => [Number(r.id), r.tiny])).toEqual([
      [6, 1],
      [9, 1],
    ]);
    expect(updates[0]?.t === TRICKY_TEXTS[6]).toBe(true);
    expect(updates[1]?.t === TRICKY_TEXTS[9]).toBe(true);

    const [typed] = await fx.duck(
      `SELECT v, hex(b) AS b, j::VARCHAR AS j, n::VARCHAR AS n, u, ts::VARCHAR AS ts, d::VARCHAR AS d, ok, arr, iv, tiny FROM read_parquet('${fx.lakeDir}/raw/database/pg_vals/2*.parquet') WHERE id = 200`,
    );
    expect(typed).toEqual({
      v: 'v"c,',
      b: '00FF22',
      j: '{"a": [1, "x\\"y"]}',
      n: '-12.345',
      u: '123456789012345678901234567890.123456789',
      ts: '2024-02-29 21:59:59.123456+00',
      d: '2024-02-29',
      ok: true,
      arr: '{1,NULL,3}',
      iv: '1 day 02:03:04',
      tiny: -7,
    });
  });
});
