import { describe, expect, it } from 'vitest';
import { CdcError, decodePgOutput } from '../src/index';
import { CsvRecordSplitter } from '../src/full-load/csv-record-splitter';
import { lakeType } from '../src/lake/column-types';
import { formatLsn, parseLsn } from '../src/lsn';

function message(tag: string, ...parts: Buffer[]): Buffer {
  return Buffer.concat([Buffer.from(tag), ...parts]);
}
const u8 = (n: number) => Buffer.from([n]);
const i16 = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
const u64 = (n: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(n);
  return b;
};
const str = (s: string) => Buffer.from(`${s}\0`);
const text = (s: string) => Buffer.concat([Buffer.from('t'), u32(Buffer.byteLength(s)), Buffer.from(s)]);

describe('pgoutput decoder', () => {
  it('decodes an update with old row, unchanged TOAST and NULL, inside a stream block', () => {
    const tuple = (...values: Buffer[]) => Buffer.concat([i16(values.length), ...values]);
    const decoded = decodePgOutput(
      message(
        'U',
        u32(777),
        u32(16384),
        Buffer.from('O'),
        tuple(text('1'), text('old'), Buffer.from('n')),
        Buffer.from('N'),
        tuple(text('1'), Buffer.from('u'), Buffer.from('n')),
      ),
      true,
    );
    expect(decoded).toEqual({
      tag: 'update',
      xid: 777,
      relationId: 16384,
      oldKind: 'O',
      oldTuple: [{ kind: 'text', text: '1' }, { kind: 'text', text: 'old' }, { kind: 'null' }],
      newTuple: [{ kind: 'text', text: '1' }, { kind: 'unchanged-toast' }, { kind: 'null' }],
    });
  });

  it('decodes relation, begin, commit, message and stream control messages', () => {
    const relation = decodePgOutput(
      message(
        'R',
        u32(16384),
        str('public'),
        str('docs'),
        Buffer.from('f'),
        i16(2),
        u8(1),
        str('id'),
        u32(23),
        u32(0xffffffff),
        u8(0),
        str('amount'),
        u32(1700),
        u32(786438),
      ),
      false,
    );
    expect(relation).toMatchObject({
      tag: 'relation',
      name: 'docs',
      replicaIdentity: 'f',
      columns: [
        { name: 'id', isKey: true, typeOid: 23, typeMod: -1 },
        { name: 'amount', isKey: false, typeOid: 1700, typeMod: 786438 },
      ],
    });
    expect(decodePgOutput(message('B', u64(0x1000n), u64(5n), u32(9)), false)).toEqual({
      tag: 'begin',
      finalLsn: 0x1000n,
      commitTime: 5n,
      xid: 9,
    });
    expect(decodePgOutput(message('C', u8(0), u64(0x1000n), u64(0x1030n), u64(5n)), false)).toMatchObject({
      tag: 'commit',
      commitLsn: 0x1000n,
      endLsn: 0x1030n,
    });
    expect(
      decodePgOutput(message('M', u8(0), u64(0x2000n), str('hb'), u32(2), Buffer.from('hi')), false),
    ).toMatchObject({ tag: 'message', transactional: false, lsn: 0x2000n, prefix: 'hb' });
    expect(decodePgOutput(message('S', u32(5), u8(1)), false)).toEqual({
      tag: 'stream-start',
      xid: 5,
      firstSegment: true,
    });
    expect(decodePgOutput(message('E'), true)).toEqual({ tag: 'stream-stop' });
    expect(decodePgOutput(message('A', u32(5), u32(6)), false)).toEqual({ tag: 'stream-abort', xid: 5, subXid: 6 });
    expect(decodePgOutput(message('c', u32(5), u8(0), u64(0x3000n), u64(0x3040n), u64(7n)), false)).toMatchObject({
      tag: 'stream-commit',
      xid: 5,
      commitLsn: 0x3000n,
      endLsn: 0x3040n,
    });
    expect(decodePgOutput(message('T', u32(2), u8(1), u32(10), u32(11)), false)).toEqual({
      tag: 'truncate',
      xid: undefined,
      options: 1,
      relationIds: [10, 11],
    });
    expect(decodePgOutput(message('O', u64(0x10n), str('node1')), false)).toEqual({
      tag: 'origin',
      commitLsn: 0x10n,
      name: 'node1',
    });
  });

  it('rejects unknown and truncated messages with a protocol CdcError', () => {
    expect(() => decodePgOutput(message('Z'), false)).toThrow(CdcError);
    expect(() => decodePgOutput(message('B', u64(1n)), false)).toThrow(/ended early/);
  });
});

// CDC file names are the lake layout's: libs/lake-storage/test/layout.test.ts.
describe('LSNs and types', () => {
  it('reads and writes LSNs as PostgreSQL does, and refuses other text with a protocol CdcError', () => {
    expect(formatLsn(parseLsn('16/B374D848'))).toBe('16/B374D848');
    expect(() => parseLsn('16-B374D848')).toThrow(CdcError);
  });

  it('maps PostgreSQL types to lake types', () => {
    expect(lakeType({ typeOid: 1700, typeMod: ((12 << 16) | 2) + 4 })).toBe('DECIMAL(12,2)');
    expect(lakeType({ typeOid: 1700, typeMod: -1 })).toBe('VARCHAR');
    expect(lakeType({ typeOid: 1114, typeMod: 6 })).toBe('TIMESTAMP');
    expect(lakeType({ typeOid: 1184, typeMod: -1 })).toBe('TIMESTAMPTZ');
    expect(lakeType({ typeOid: 20, typeMod: -1 })).toBe('BIGINT');
    expect(lakeType({ typeOid: 1043, typeMod: 54 })).toBe('VARCHAR');
  });

  it('splits PostgreSQL CSV at record ends, not at newlines inside quoted fields, across chunks', () => {
    const splitter = new CsvRecordSplitter();
    const first = Buffer.from('1,"a\nb"\n2,"x""');
    const second = Buffer.from('y"\n3,z\n');
    expect(splitter.scan(first, 0, 10)).toEqual({ end: first.length, records: 1 });
    expect(splitter.scan(second, 0, 1)).toEqual({ end: 3, records: 1 });
    expect(splitter.scan(second, 3, 10)).toEqual({ end: second.length, records: 1 });
  });
});
