import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDuckDbError, quoteIdentifier, quoteList, quoteLiteral } from '../src/index';

// Tricky text: quotes of both kinds, backslashes (no escape meaning in DuckDB), line breaks, SQL
// that would run if it escaped the literal, non-BMP and combining unicode, and reserved words.
const TEXTS = [
  '',
  "O'Brien",
  "''",
  "'",
  '"',
  'say "hi"',
  'back\\slash',
  '\\',
  "\\'",
  'tab\tnew\nline\r\n',
  "x'); DROP TABLE victims; --",
  'naïve café',
  'e\u0301',
  '日本語',
  '🦆 duck',
  '\u2028\u2029',
  '$1',
  '?',
];
// DuckDB matches identifiers case-insensitively, quoted or not, so each word appears in one spelling.
const RESERVED = ['select', 'ORDER', 'From', 'group', 'table', 'where', 'null', 'true'];
const ALPHABET = [
  "'",
  '"',
  '\\',
  '\n',
  ' ',
  'a',
  'Z',
  '0',
  ';',
  '-',
  '/',
  '*',
  'é',
  '🦆',
  '\u0301',
  '$',
  '?',
  '%',
  '_',
  '(',
];

/** Park-Miller generator: the seed decides every random text, and it is printed. */
function seeded(seed: number): () => number {
  let state = seed % 2147483647 || 1;
  return () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
}

function randomTexts(seed: number, count: number): string[] {
  const next = seeded(seed);
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(next() * 12) }, () => ALPHABET[Math.floor(next() * ALPHABET.length)]).join(''),
  );
}

describe('quoting rules, read back through DuckDB', () => {
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    connection = await instance.connect();
  });
  afterAll(() => {
    connection.closeSync();
    instance.closeSync();
  });

  const selectText = async (literal: string): Promise<unknown> =>
    (await connection.runAndReadAll(`SELECT ${literal} AS v`)).getRowObjectsJS()[0]?.['v'];

  it('a literal reads back as exactly the text it was made from', async () => {
    for (const text of TEXTS) expect(await selectText(quoteLiteral(text)), JSON.stringify(text)).toBe(text);
  });

  it('a literal reads back exactly for seeded random texts', async () => {
    const seed = Number(process.env['QUOTE_SEED'] ?? Date.now() % 2147483647);
    console.log(`quote round-trip seed: ${seed} (rerun with QUOTE_SEED=${seed})`);
    for (const text of randomTexts(seed, 300))
      expect(await selectText(quoteLiteral(text)), `seed ${seed}: ${JSON.stringify(text)}`).toBe(text);
  });

  it('an identifier names exactly that column, reserved words and quotes included', async () => {
    const names = [...TEXTS.filter((t) => t !== ''), ...RESERVED];
    const columns = names.map((name, i) => `${i} AS ${quoteIdentifier(name)}`).join(', ');
    const reader = await connection.runAndReadAll(`SELECT ${columns}`);
    expect(reader.columnNames()).toEqual(names);
    for (const [i, name] of names.entries()) {
      const value = (
        await connection.runAndReadAll(`SELECT ${quoteIdentifier(name)} FROM (SELECT ${columns})`)
      ).getRowsJS()[0]?.[0];
      expect(value, name).toBe(i);
    }
  });

  it('a list reads back as the same texts in the same order', async () => {
    const value = (await connection.runAndReadAll(`SELECT ${quoteList(TEXTS)} AS v`)).getRowObjectsJson()[0]?.['v'];
    expect(value).toEqual(TEXTS);
  });

  it('numbers, bigints, booleans and null are written as DuckDB reads them', async () => {
    const values = [0, -1.5, 2 ** 53 - 1, 1e-7, 12345678901234567890n, -(2n ** 100n), true, false, null] as const;
    for (const value of values) {
      // JSON form: BIGINT, HUGEINT and DECIMAL come back as text, so nothing is rounded on the way.
      const back = (await connection.runAndReadAll(`SELECT ${quoteLiteral(value)} AS v`)).getRowObjectsJson()[0]?.['v'];
      if (typeof value === 'bigint') expect(BigInt(String(back)), String(value)).toBe(value);
      else if (typeof value === 'number') expect(Number(back), String(value)).toBe(value);
      else expect(back, String(value)).toBe(value);
    }
  });

  it('refuses a NUL character, which ends DuckDB’s quoted text and breaks the statement', async () => {
    const text = 'a\u0000b';
    await expect(connection.run(`SELECT '${text}'`)).rejects.toThrow(/unterminated quoted string/);
    await expect(connection.run(`SELECT 1 AS "${text}"`)).rejects.toThrow(/unterminated quoted identifier/);
    expect(() => quoteLiteral(text)).toThrow(expect.objectContaining({ kind: 'invalid-literal' }));
    expect(() => quoteIdentifier(text)).toThrow(expect.objectContaining({ kind: 'invalid-identifier' }));
    expect(() => quoteList(['ok', text])).toThrow(expect.objectContaining({ kind: 'invalid-literal' }));
  });

  it('refuses an empty identifier and non-finite numbers with a DuckDbError naming the value', async () => {
    await expect(connection.run('SELECT 1 AS ""')).rejects.toThrow();
    for (const bad of [
      () => quoteIdentifier(''),
      () => quoteLiteral(Number.NaN),
      () => quoteLiteral(Number.POSITIVE_INFINITY),
    ]) {
      let caught: unknown;
      try {
        bad();
      } catch (error) {
        caught = error;
      }
      expect(isDuckDbError(caught)).toBe(true);
    }
    expect(() => quoteLiteral(Number.NaN)).toThrow(/NaN/);
  });
});
