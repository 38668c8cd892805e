import type { DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProperties, serializeProperties } from '../src/config/properties-file';
import {
  buildPartitionPath,
  DynamicBloomFilter,
  instantFileName,
  parseBaseFileName,
  parseInstantFileName,
  parsePartitionPath,
  readAvroContainer,
  tableChecksum,
  toInstantTime,
  writeAvroContainer,
} from '../src/index';
import { HOODIE_CLEAN_METADATA, HOODIE_ROLLBACK_PLAN } from '../src/avro/timeline-schemas';
import { openDuckdb } from './support/duckdb';
import { extractFixture, scratch } from './support/fixtures';

let connection: DuckDBConnection;
let closeDb: () => void;
let cleanup: () => Promise<void>;
let nonpartitioned: string;

beforeAll(async () => {
  const db = await openDuckdb();
  connection = db.connection;
  closeDb = db.close;
  const s = await scratch('formats');
  cleanup = s.cleanup;
  nonpartitioned = await extractFixture('v6_nonpartitioned', s.dir);
});

afterAll(async () => {
  closeDb();
  await cleanup();
});

describe('hoodie.properties', () => {
  it('computes the checksums of the Spark-written fixtures', () => {
    expect(tableChecksum('default', 'v6_nonpartitioned')).toBe(1363530505);
    expect(tableChecksum('default', 'v6_empty')).toBe(1980710965);
    expect(tableChecksum('default', 'v6_complexkeygen_hivestyle')).toBe(281415413);
  });

  it('round-trips Java properties escaping', () => {
    const props = new Map([
      ['hoodie.table.create.schema', '{"type":"record","name":"x"}'],
      ['weird key', 'a=b:c#d\\e ü'],
    ]);
    const text = serializeProperties(props, 'test');
    expect(text).toContain('hoodie.table.create.schema={"type"\\:"record","name"\\:"x"}');
    expect(parseProperties(text)).toEqual(props);
    expect(parseProperties('a = 1\\\n  2\n! comment\nb:x')).toEqual(
      new Map([
        ['a', '12'],
        ['b', 'x'],
      ]),
    );
  });
});

describe('timeline names', () => {
  it('parses and builds instant file names of layout version 1', () => {
    expect(parseInstantFileName('20240418173550988.inflight')).toEqual({
      timestamp: '20240418173550988',
      action: 'commit',
      state: 'inflight',
    });
    expect(parseInstantFileName('20240707001303088.replacecommit.requested')).toEqual({
      timestamp: '20240707001303088',
      action: 'replacecommit',
      state: 'requested',
    });
    expect(parseInstantFileName('20240707001303088.clean')).toEqual({
      timestamp: '20240707001303088',
      action: 'clean',
      state: 'completed',
    });
    expect(parseInstantFileName('hoodie.properties')).toBeUndefined();
    expect(instantFileName({ timestamp: '1', action: 'commit', state: 'inflight' })).toBe('1.inflight');
    expect(instantFileName({ timestamp: '1', action: 'rollback', state: 'inflight' })).toBe('1.rollback.inflight');
    expect(toInstantTime('19700101000000')).toBe('19700101000000000');
    expect(toInstantTime('2024-04-18 17:35:51.906')).toBe('20240418173551906');
    expect(toInstantTime(new Date('2024-04-18T22:35:51.906Z'))).toBe('20240418223551906');
    expect(() => toInstantTime('yesterday')).toThrow(/not a point in time/);
  });

  it('parses base file names', () => {
    expect(parseBaseFileName('a079bdb3-731c-4894-b855-abfcd6921007-0_0-182-253_20240418173550988.parquet')).toEqual({
      fileId: 'a079bdb3-731c-4894-b855-abfcd6921007-0',
      writeToken: '0-182-253',
      instant: '20240418173550988',
      name: 'a079bdb3-731c-4894-b855-abfcd6921007-0_0-182-253_20240418173550988.parquet',
    });
    expect(parseBaseFileName('.hoodie_partition_metadata')).toBeUndefined();
  });

  it('builds and parses partition paths', () => {
    const config = { partitionFields: ['y', 'm'], hiveStylePartitioning: true, urlEncodePartitioning: true };
    expect(buildPartitionPath(config, ['2024', 'a/b c'])).toBe('y=2024/m=a%2Fb+c');
    expect(parsePartitionPath(config, 'y=2024/m=a%2Fb+c')).toEqual({ y: '2024', m: 'a/b c' });
    expect(
      buildPartitionPath({ ...config, hiveStylePartitioning: false, urlEncodePartitioning: false }, [null, '']),
    ).toBe('__HIVE_DEFAULT_PARTITION__/__HIVE_DEFAULT_PARTITION__');
  });
});

describe('Avro container files', () => {
  it('round-trips timeline records through named types', () => {
    const plan = {
      instantToRollback: { commitTime: '1', action: 'commit' },
      RollbackRequests: [
        {
          partitionPath: 'a',
          fileId: null,
          latestBaseInstant: null,
          filesToBeDeleted: ['/x/a/f.parquet'],
          logBlocksToBeDeleted: null,
        },
      ],
      version: 1,
    };
    expect(readAvroContainer(writeAvroContainer(HOODIE_ROLLBACK_PLAN, [plan]), 'plan').records).toEqual([plan]);
    const clean = {
      startCleanTime: '2',
      timeTakenInMillis: 5,
      totalFilesDeleted: 1,
      earliestCommitToRetain: '1',
      lastCompletedCommitTimestamp: '1',
      partitionMetadata: {},
      version: 2,
      bootstrapPartitionMetadata: {
        p: {
          partitionPath: 'p',
          policy: 'KEEP_LATEST_COMMITS',
          deletePathPatterns: [],
          successDeleteFiles: ['f'],
          failedDeleteFiles: [],
          isPartitionDeleted: null,
        },
      },
      extraMetadata: null,
    };
    expect(readAvroContainer(writeAvroContainer(HOODIE_CLEAN_METADATA, [clean]), 'clean').records).toEqual([clean]);
  });
});

describe('bloom filter', () => {
  it('serialises exactly as Hudi does for the fixture base file', async () => {
    const file = `${nonpartitioned}/a079bdb3-731c-4894-b855-abfcd6921007-0_0-203-274_20240418173551906.parquet`;
    const footer = await connection.runAndReadAll(
      `SELECT decode(value) FROM parquet_kv_metadata('${file}') WHERE decode(key) = 'org.apache.hudi.bloomfilter'`,
    );
    const expected = String(footer.getRows()[0]?.[0]);
    const filter = new DynamicBloomFilter();
    for (const key of ['2', '3', '1', '4']) filter.add(key);
    expect(filter.serialize()).toBe(expected);
    const read = DynamicBloomFilter.deserialize(expected);
    expect(['1', '2', '3', '4'].every((k) => read.mightContain(k))).toBe(true);
    expect(read.mightContain('5')).toBe(false);
  });
});
