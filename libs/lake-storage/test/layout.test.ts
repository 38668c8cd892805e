import { describe, expect, it } from 'vitest';
import * as layoutEntry from '../src/layout/index';
import * as storage from '../src/index';
import {
  CDC_COLUMNS,
  CSV_TRANSFER_LEDGER_KEY,
  CSV_TRANSFER_STAGING_PREFIX,
  DEFAULT_CDC_SLOT,
  ETL_EXCLUSIONS_PREFIX,
  ETL_RUNS_PREFIX,
  StorageError,
  cdcFileKey,
  cdcStateKeys,
  comparePositions,
  csvTransferFindingsKey,
  csvTransferRunKey,
  csvTransferSourceManifestKey,
  csvTransferStagingKey,
  etlBookmarkKey,
  etlExclusionKey,
  etlRunRecordKey,
  formatFileTime,
  formatLsn,
  isLoadFileKey,
  loadFileKey,
  lsnHex16,
  parseCdcFileKey,
  parseFileTime,
  parseRawCsvKey,
  parseRawDatabaseKey,
  quarantineKey,
  quarantinePrefix,
  rawCsvKey,
  rawCsvTableOf,
  rawCsvVersionKey,
  rawDatabaseKey,
  rawDatabasePrefix,
  tryParseLsn,
} from '../src/index';

// The documented layout (docs, AWS DMS table mappings, Glue job arguments) is spelled out here on
// purpose: these literals are the specification the builders are checked against.
describe('raw database zone', () => {
  it('names full-load files and tells them from other files', () => {
    expect(loadFileKey('customers', 3)).toBe('raw/database/pg_customers/LOAD00000003.parquet');
    expect(isLoadFileKey(loadFileKey('customers', 12_345_678))).toBe(true);
    expect(isLoadFileKey(rawDatabaseKey('customers', 'LOAD1.parquet'))).toBe(false);
    expect(() => loadFileKey('a/b', 1)).toThrow(StorageError);
  });

  it('names CDC files so they sort in commit order and parse back to their LSN range', () => {
    const time = new Date('2025-01-02T03:04:05.678Z');
    const a = cdcFileKey('customers', time, { lsn: 0x16b3748n, seq: 1 }, { lsn: 0x16b9000n, seq: 3 });
    expect(a).toBe(
      'raw/database/pg_customers/20250102-030405678-00000000016B3748-00000001-00000000016B9000-00000003.parquet',
    );
    expect(parseCdcFileKey(a)).toEqual({
      time: '20250102-030405678',
      first: { lsn: 0x16b3748n, seq: 1 },
      last: { lsn: 0x16b9000n, seq: 3 },
    });
    expect(parseFileTime(formatFileTime(time))).toEqual(time);
    const b = cdcFileKey('customers', time, { lsn: 0x16b9000n, seq: 4 }, { lsn: 0x16c0000n, seq: 1 });
    expect([b, a].sort()).toEqual([a, b]);
    expect(a.startsWith(rawDatabasePrefix('customers'))).toBe(true);
    expect(parseCdcFileKey(loadFileKey('customers', 1))).toBeUndefined();
    expect(() => cdcFileKey('customers', time, { lsn: 1n, seq: 2 ** 32 }, { lsn: 1n, seq: 0 })).toThrow(/4 billion/);
    expect(() => parseFileTime('20251302-030405678')).toThrow(StorageError);
  });

  it('orders change positions by commit LSN, then sequence', () => {
    const positions = [
      { lsn: 2n, seq: 0 },
      { lsn: 1n, seq: 5 },
      { lsn: 1n, seq: 2 },
    ];
    expect([...positions].sort(comparePositions)).toEqual([positions[2], positions[1], positions[0]]);
  });

  it('splits a raw database key into its table folder and file', () => {
    const key = loadFileKey('sales_order', 1);
    expect(parseRawDatabaseKey(key)).toEqual({
      folder: 'pg_sales_order',
      table: 'sales_order',
      file: 'LOAD00000001.parquet',
    });
    expect(parseRawDatabaseKey('raw/database/other/x.parquet')).toEqual({
      folder: 'other',
      table: undefined,
      file: 'x.parquet',
    });
    expect(parseRawDatabaseKey('raw/database/pg_x/2024/01/y.parquet')).toEqual({
      folder: 'pg_x',
      table: 'x',
      file: '2024/01/y.parquet',
    });
    expect(parseRawDatabaseKey('raw/database/pg_x')).toBeUndefined();
    expect(parseRawDatabaseKey(rawCsvKey('customers', '2024-01-31', 'c.csv'))).toBeUndefined();
  });

  it('keeps the DMS meta column names', () => {
    expect(CDC_COLUMNS).toEqual({
      op: 'Op',
      commitTimestamp: '_cdc_commit_ts',
      commitLsn: '_cdc_commit_lsn',
      seq: '_cdc_seq',
    });
  });
});

describe('LSN text', () => {
  it('reads and writes LSNs as PostgreSQL does and sorts their hex form', () => {
    const lsn = tryParseLsn('16/B374D848');
    expect(lsn).toBe((0x16n << 32n) | 0xb374d848n);
    expect(formatLsn(lsn as bigint)).toBe('16/B374D848');
    expect(tryParseLsn('16-B374D848')).toBeUndefined();
    expect(tryParseLsn('')).toBeUndefined();
    const small = lsnHex16(0xffn);
    const large = lsnHex16(0x1_0000_0000n);
    expect(small.length).toBe(16);
    expect([large, small].sort()).toEqual([small, large]);
  });
});

describe('raw CSV zone', () => {
  it('parses table, day and file back from the keys it builds, and nothing else', () => {
    const key = rawCsvVersionKey('sales_orders', '2024-01-31', 'sales_orders.csv', {
      sequence: 2,
      sha256: 'ab'.repeat(32),
    });
    expect(parseRawCsvKey(key)).toEqual({
      table: 'sales_orders',
      ingestDate: '2024-01-31',
      file: key.split('/').at(-1),
    });
    expect(rawCsvTableOf(key)).toBe('sales_orders');
    expect(parseRawCsvKey('raw/csv/sales_orders/sales_orders.csv')).toBeUndefined();
    expect(rawCsvTableOf('raw/csv/sales_orders/sales_orders.csv')).toBe('sales_orders');
    expect(parseRawCsvKey('raw/csv/sales_orders/ingest_date=2024-01-31/x.parquet')).toBeUndefined();
    expect(rawCsvTableOf('raw/csv/x.csv')).toBeUndefined();
    expect(parseRawCsvKey(loadFileKey('customers', 1))).toBeUndefined();
  });
});

describe('processed and state zones', () => {
  it('keeps quarantined rows per job and batch', () => {
    expect(quarantinePrefix('sales_order')).toBe('processed/quarantine/sales_order/');
    expect(quarantineKey('sales_order', '7')).toBe('processed/quarantine/sales_order/batch=7.parquet');
    expect(() => quarantineKey('a/b', '7')).toThrow(StorageError);
  });

  it('keeps CDC, transfer and ETL state under state/', () => {
    expect(DEFAULT_CDC_SLOT).toBe('autocorp_cdc');
    expect(cdcStateKeys('s1')).toEqual({
      folder: 'state/cdc/s1',
      position: 'state/cdc/s1/position.json',
      schemaHistory: 'state/cdc/s1/schema-history.jsonl',
      schemas: 'state/cdc/s1/schemas.json',
    });
    expect(() => cdcStateKeys('a/b')).toThrow(/slot name/);
    expect(CSV_TRANSFER_LEDGER_KEY).toBe('state/transfer/csv/ledger.json');
    expect(csvTransferRunKey('r1')).toBe('state/transfer/csv/runs/r1.json');
    expect(csvTransferSourceManifestKey('r1', 'manifest.json')).toBe(
      'state/transfer/csv/source-manifests/r1/manifest.json',
    );
    expect(csvTransferStagingKey('r1', 'a.csv')).toBe(`${CSV_TRANSFER_STAGING_PREFIX}r1/a.csv`);
    expect(CSV_TRANSFER_STAGING_PREFIX).toBe('state/transfer/csv/staging/');
    const raw = rawCsvKey('customers', '2024-01-31', 'c.csv');
    expect(csvTransferFindingsKey(raw)).toBe(`state/transfer/csv/findings/${raw}.json`);
    expect(etlBookmarkKey('sales_order')).toBe('state/etl/bookmarks/sales_order.json');
    expect(etlRunRecordKey('20240131-x')).toBe(`${ETL_RUNS_PREFIX}20240131-x.json`);
    expect(ETL_RUNS_PREFIX).toBe('state/etl/runs/');
    const exclusion = etlExclusionKey(raw);
    expect(exclusion).toMatch(/^state\/etl\/excluded-files\/[0-9a-f]{24}\.json$/);
    expect(exclusion.startsWith(ETL_EXCLUSIONS_PREFIX)).toBe(true);
    expect(etlExclusionKey(rawCsvKey('customers', '2024-01-31', 'd.csv'))).not.toBe(exclusion);
  });
});

describe('the layout entry', () => {
  it('exports the same builders as the package, without the stores', () => {
    for (const [name, value] of Object.entries(layoutEntry))
      expect((storage as Record<string, unknown>)[name], name).toBe(value);
    expect('openObjectStore' in layoutEntry).toBe(false);
  });
});
