import { describe, expect, it } from 'vitest';
import {
  StorageError,
  ZONES,
  compareKeys,
  curatedKey,
  curatedTablePrefix,
  formatIngestDate,
  processedKey,
  RAW_CSV_MAX_SEQUENCE,
  compareKeys as byKey,
  parseRawCsvVersionedName,
  rawCsvKey,
  rawCsvPartitionPrefix,
  rawCsvPrefix,
  rawCsvVersionKey,
  rawDatabaseKey,
  stateKey,
  validateKey,
  validatePrefix,
} from '../src/index';
import { INVALID_KEYS } from './object-store-contract';

describe('keys', () => {
  it('accepts lake keys, including Hudi metadata folders and partition names', () => {
    for (const key of [
      'raw/csv/customers/ingest_date=2024-01-31/customers.csv',
      'curated/sales_order/.hoodie/20240131.commit',
      'a',
      'a b/ü.csv',
    ]) {
      expect(validateKey(key)).toBe(key);
    }
  });

  it('rejects every invalid key with invalid-key and names the key', () => {
    for (const key of INVALID_KEYS) {
      expect(() => validateKey(key), JSON.stringify(key)).toThrow(StorageError);
      try {
        validateKey(key);
      } catch (error) {
        expect((error as StorageError).kind).toBe('invalid-key');
        expect((error as StorageError).message).toContain(JSON.stringify(key).slice(0, 20));
      }
    }
  });

  it('accepts partial and empty prefixes but not escapes', () => {
    expect(validatePrefix('')).toBe('');
    expect(validatePrefix('raw/csv/sal')).toBe('raw/csv/sal');
    expect(validatePrefix('raw/')).toBe('raw/');
    expect(() => validatePrefix('../')).toThrow(StorageError);
    expect(() => validatePrefix('raw//x')).toThrow(StorageError);
  });

  it('orders keys by UTF-8 bytes, as S3 lists them', () => {
    const keys = ['z/ü', 'a/b', 'a-c', 'a.csv', 'B', '\u{1F600}', '\uFFFD'];
    const expected = [...keys].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...keys].sort(compareKeys)).toEqual(expected);
    // UTF-16 order would put U+FFFD after the emoji's surrogates; UTF-8 byte order does not.
    expect(compareKeys('\uFFFD', '\u{1F600}')).toBeLessThan(0);
  });
});

describe('zones', () => {
  it('lays out the raw, processed, curated and state zones', () => {
    expect(ZONES).toEqual({ raw: 'raw/', processed: 'processed/', curated: 'curated/', state: 'state/' });
    expect(rawDatabaseKey('sales_order', 'LOAD00000001.parquet')).toBe(
      'raw/database/pg_sales_order/LOAD00000001.parquet',
    );
    expect(rawCsvKey('sales_orders', '2024-01-31', 'sales_orders.csv')).toBe(
      'raw/csv/sales_orders/ingest_date=2024-01-31/sales_orders.csv',
    );
    expect(rawCsvKey('customers', new Date('2024-02-01T23:30:00-05:00'), 'c.csv')).toBe(
      'raw/csv/customers/ingest_date=2024-02-02/c.csv',
    );
    expect(rawCsvPrefix()).toBe('raw/csv/');
    expect(rawCsvPrefix('customers')).toBe('raw/csv/customers/');
    expect(processedKey('sales_order', 'part-0.parquet')).toBe('processed/sales_order/part-0.parquet');
    expect(curatedTablePrefix('sales_order')).toBe('curated/sales_order/');
    expect(curatedKey('sales_order', '.hoodie/hoodie.properties')).toBe(
      'curated/sales_order/.hoodie/hoodie.properties',
    );
    expect(stateKey('transfer', 'manifest.json')).toBe('state/transfer/manifest.json');
  });

  it('names every version of a CSV export immutably, in landing order, under the same partition prefix', () => {
    const hashes = ['f'.repeat(64), '0'.repeat(64), 'a1b2c3d4e5f6'.padEnd(64, '7')];
    // later versions carry "smaller" hashes here: the order must come from the sequence, not the hash
    const keys = hashes.map((sha256, i) =>
      rawCsvVersionKey('sales_orders', '2024-01-31', 'sales_orders.csv', { sequence: i + 1, sha256 }),
    );
    expect(keys[0]).toBe(`raw/csv/sales_orders/ingest_date=2024-01-31/sales_orders.v0001.${'f'.repeat(12)}.csv`);
    for (const key of keys) expect(key.startsWith(rawCsvPartitionPrefix('sales_orders', '2024-01-31'))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].reverse().sort(byKey)).toEqual(keys);
    const sequence = RAW_CSV_MAX_SEQUENCE;
    const last = rawCsvVersionKey('sales_orders', '2024-01-31', 'sales_orders.csv', {
      sequence,
      sha256: hashes[0] as string,
    });
    expect(byKey(keys[2] as string, last)).toBeLessThan(0);
    expect(parseRawCsvVersionedName(last.split('/').at(-1) as string)).toEqual({
      stem: 'sales_orders',
      sequence,
      sha256Prefix: 'f'.repeat(12),
    });
    expect(parseRawCsvVersionedName('sales_orders.csv')).toBeUndefined();
    expect(() =>
      rawCsvVersionKey('t', '2024-01-31', 't.csv', { sequence: sequence + 1, sha256: hashes[0] as string }),
    ).toThrow(/versions run from 1/);
    expect(() => rawCsvVersionKey('t', '2024-01-31', 't.csv', { sequence: 1, sha256: 'xyz' })).toThrow(StorageError);
  });

  it('rejects names that would change the layout', () => {
    expect(() => rawCsvKey('a/b', '2024-01-31', 'x.csv')).toThrow(/table name/);
    expect(() => rawDatabaseKey('orders', '')).toThrow(/file name/);
    expect(() => formatIngestDate('31/01/2024')).toThrow(/YYYY-MM-DD/);
    expect(() => formatIngestDate(new Date('nope'))).toThrow(StorageError);
    expect(() => curatedKey('t', '../escape')).toThrow(StorageError);
    expect(() => stateKey()).toThrow(StorageError);
  });
});
