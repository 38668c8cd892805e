import { describe, expect, it } from 'vitest';
import { HudiTableConfig, HudiWriteConfig, readConfig } from '../src/config/hudi-configs';
import { newTableProperties } from '../src/config/table-config';

/** hoodie.properties text of a new partitioned table with every optional setting given. */
const newTablePropertiesText = () =>
  newTableProperties({
    tableName: 't',
    databaseName: 'db',
    recordKeyFields: ['id'],
    precombineField: 'seq',
    partitionFields: ['region'],
    hiveStylePartitioning: true,
    urlEncodePartitioning: false,
    createSchema: '{"type":"record","name":"t_record","fields":[]}',
  });

describe('the Hudi config registry', () => {
  it("reads present keys with their parser, absent ones as Hudi's default", () => {
    const props = new Map([
      [HudiTableConfig.TABLE_VERSION.key, '6'],
      [HudiTableConfig.PARTITION_FIELDS.key, 'order_year:int,order_month'],
      [HudiTableConfig.HIVE_STYLE_PARTITIONING.key, 'true'],
    ]);
    expect(readConfig(props, HudiTableConfig.TABLE_VERSION, 'here')).toBe(6);
    expect(readConfig(props, HudiTableConfig.PARTITION_FIELDS, 'here')).toEqual(['order_year', 'order_month']);
    expect(readConfig(props, HudiTableConfig.HIVE_STYLE_PARTITIONING, 'here')).toBe(true);
    expect(readConfig(props, HudiTableConfig.TABLE_TYPE, 'here')).toBe(HudiTableConfig.TABLE_TYPE.default);
    expect(readConfig(props, HudiTableConfig.PRECOMBINE_FIELD, 'here')).toBeUndefined();
    expect(readConfig({}, HudiWriteConfig.PARQUET_MAX_FILE_SIZE, 'job')).toBe(
      HudiWriteConfig.PARQUET_MAX_FILE_SIZE.default,
    );
  });

  it('refuses a missing required key and text its parser rejects, naming the key and where', () => {
    const missing = (() => readConfig({}, HudiWriteConfig.RECORD_KEY_FIELDS, 'job sales_order')) as () => unknown;
    expect(missing).toThrow(
      expect.objectContaining({
        kind: 'invalid-config',
        message: expect.stringContaining(`job sales_order has no ${HudiWriteConfig.RECORD_KEY_FIELDS.key}`),
      }),
    );
    const bad = () =>
      readConfig(
        { [HudiWriteConfig.CLEANER_COMMITS_RETAINED.key]: 'ten' },
        HudiWriteConfig.CLEANER_COMMITS_RETAINED,
        'job x',
      );
    expect(bad).toThrow(
      expect.objectContaining({
        kind: 'invalid-config',
        message: expect.stringContaining(`${HudiWriteConfig.CLEANER_COMMITS_RETAINED.key}=ten`),
      }),
    );
    expect(() =>
      readConfig({ [HudiWriteConfig.METADATA_ENABLE.key]: 'yes' }, HudiWriteConfig.METADATA_ENABLE, 'job x'),
    ).toThrow(/neither true nor false/);
  });

  it('formats values back to the text its parser reads', () => {
    for (const fields of [['a'], ['a', 'b', 'c']])
      expect(HudiWriteConfig.RECORD_KEY_FIELDS.parse(HudiWriteConfig.RECORD_KEY_FIELDS.format(fields))).toEqual(fields);
    for (const flag of [true, false])
      expect(HudiWriteConfig.UPDATE_PARTITION_PATH.parse(HudiWriteConfig.UPDATE_PARTITION_PATH.format(flag))).toBe(
        flag,
      );
    expect(HudiWriteConfig.PARQUET_SMALL_FILE_LIMIT.parse(HudiWriteConfig.PARQUET_SMALL_FILE_LIMIT.format(123))).toBe(
      123,
    );
  });

  it('spells every key hoodie.properties of a new table holds', () => {
    const keys = new Set(Object.values(HudiTableConfig).map((c) => c.key));
    const written = newTablePropertiesText()
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.slice(0, line.indexOf('=')));
    expect(written.length).toBeGreaterThan(10);
    expect(written.filter((key) => !keys.has(key))).toEqual([]);
  });
});
