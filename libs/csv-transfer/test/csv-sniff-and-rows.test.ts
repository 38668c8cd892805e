import { describe, expect, it } from 'vitest';
import { RowCounter, SNIFF_BYTES, type TransferError, checkHeader, parseCsvLine, sniffCsvHeader } from '../src/index';

const kindOf = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return (error as TransferError).kind;
  }
  return undefined;
};

describe('sniffCsvHeader', () => {
  it('reads the header, with a BOM, CRLF and quoted names', () => {
    expect(sniffCsvHeader('a.csv', Buffer.from('\uFEFFid,"name, full",x\r\n1,2,3\r\n'), true)).toEqual([
      'id',
      'name, full',
      'x',
    ]);
    expect(sniffCsvHeader('a.csv', Buffer.from('only,header'), true)).toEqual(['only', 'header']);
  });

  it('accepts a multi-byte character cut by the end of the sniffed bytes', () => {
    const text = Buffer.from(`a,b\n${'é'.repeat(SNIFF_BYTES)}`).subarray(0, SNIFF_BYTES + 1);
    expect(text.length % 2).toBe(1); // the cut falls inside a two-byte "é"
    expect(sniffCsvHeader('a.csv', text, false)).toEqual(['a', 'b']);
  });

  it('rejects binary, a header that is not UTF-8, empty and header-less inputs', () => {
    expect(kindOf(() => sniffCsvHeader('x.csv', Buffer.from([0x61, 0x00, 0x62]), true))).toBe('not-csv');
    expect(kindOf(() => sniffCsvHeader('x.csv', Buffer.from([0xff, 0xfe, 0x61, 0x00]), true))).toBe('not-csv');
    expect(kindOf(() => sniffCsvHeader('x.csv', Buffer.from([0x61, 0xc3, 0x28, 0x0a, 0x31]), true))).toBe('not-csv');
    // past the header, bytes that are not UTF-8 are the copy's concern (named, not rejected)
    expect(sniffCsvHeader('x.csv', Buffer.from([0x61, 0x0a, 0xc3, 0x28]), true)).toEqual(['a']);
    expect(kindOf(() => sniffCsvHeader('x.csv', Buffer.alloc(0), true))).toBe('wrong-header');
    expect(kindOf(() => sniffCsvHeader('x.csv', Buffer.from('\n1,2\n'), true))).toBe('wrong-header');
    expect(kindOf(() => sniffCsvHeader('x.csv', Buffer.alloc(SNIFF_BYTES, 0x61), false))).toBe('wrong-header');
  });

  it('parses RFC 4180 quoting', () => {
    expect(parseCsvLine('a,"b ""q""",,"c,d"')).toEqual(['a', 'b "q"', '', 'c,d']);
  });
});

describe('checkHeader', () => {
  it('requires exactly the expected columns, in order, for known tables', () => {
    const expected = { t: ['a', 'b'] };
    expect(() => checkHeader('t.csv', 't', ['a', 'b'], expected)).not.toThrow();
    expect(() => checkHeader('t.csv', 't', ['b', 'a'], expected)).toThrow(/another order/);
    expect(() => checkHeader('t.csv', 't', ['a'], expected)).toThrow(/missing b/);
  });

  it('requires a plausible header for other tables', () => {
    expect(() => checkHeader('u.csv', 'u', ['a', 'b'], undefined)).not.toThrow();
    expect(kindOf(() => checkHeader('u.csv', 'u', ['a', ''], undefined))).toBe('wrong-header');
    expect(kindOf(() => checkHeader('u.csv', 'u', ['a', 'a'], undefined))).toBe('wrong-header');
    expect(kindOf(() => checkHeader('u.csv', 'u', ['a\u0007'], { other: ['x'] }))).toBe('wrong-header');
  });
});

describe('RowCounter', () => {
  const count = (...chunks: string[]) => {
    const counter = new RowCounter();
    for (const chunk of chunks) counter.push(Buffer.from(chunk));
    return counter.dataRows;
  };

  it('counts records after the header, with or without a final newline', () => {
    expect(count('h\n1\n2\n')).toBe(2);
    expect(count('h\n1\n2')).toBe(2);
    expect(count('h\r\n1\r\n')).toBe(1);
    expect(count('h')).toBe(0);
    expect(count('')).toBe(0);
  });

  it('does not count newlines inside quotes, across chunk boundaries', () => {
    expect(count('h,x\n1,"a\n', 'b"\n2,"c""\n', 'd"\n')).toBe(2);
    expect(count('h\n', '"', '\n"\n', '3\n')).toBe(2);
  });
});
