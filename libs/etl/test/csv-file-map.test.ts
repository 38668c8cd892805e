import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapCsvFile, physicalLineOf } from '../src/raw/csv-file-map';

/** The file is read in 4 MiB chunks: these fixtures put a quote or a character across a chunk boundary. */
const CHUNK = 1 << 22;
const HEADER = 'a,b,c\n';

/** Header, then padding records, then `tail`, so that byte `at` of `tail` lands on file offset `target`. */
function padTo(target: number, tail: Buffer, at: number): { bytes: Buffer; paddingLines: number } {
  const room = target - at - HEADER.length;
  const full = Math.floor(room / 100) - 1;
  const last = room - full * 100;
  const line = (n: number) => `${'p'.repeat(n - 5)},x,y\n`;
  const bytes = Buffer.concat([Buffer.from(HEADER + line(100).repeat(full) + line(last)), tail]);
  expect(bytes.length - tail.length + at).toBe(target);
  return { bytes, paddingLines: full + 1 };
}

describe('mapCsvFile across chunk boundaries', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'autocorp-csv-map-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const mapBytes = async (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    await writeFile(file, bytes);
    return mapCsvFile(file);
  };

  it.each([
    ['a doubled quote split by the boundary', 'k,"ab""cd\nef",y\nz,1,2\n', 'k,"ab"'.length - 1],
    ['a closing quote at the end of a chunk', 'k,"ab\ncd",y\nz,1,2\n', 'k,"ab\ncd"'.length - 1],
    ['a line break inside quotes at the end of a chunk', 'k,"ab\ncd",y\nz,1,2\n', 'k,"ab'.length],
  ])('counts a quoted field over a line break as one record: %s', async (_, tail, at) => {
    const { bytes, paddingLines } = padTo(CHUNK - 1, Buffer.from(tail), at);
    const map = await mapBytes(`quote-${at}.csv`, bytes);
    const quotedUnit = 1 + paddingLines + 1;
    expect(map.multiLineUnits).toEqual([{ unit: quotedUnit, line: quotedUnit, lines: 2 }]);
    expect(map.units).toBe(quotedUnit + 1);
    expect(map.physicalLines).toBe(bytes.toString('latin1').split('\n').length - 1);
    expect(physicalLineOf(map, quotedUnit + 1)).toBe(quotedUnit + 2);
    expect(map.invalidUtf8).toEqual([]);
  });

  it('reads a character split by the boundary as valid, and finds a cut one at its offset', async () => {
    const euro = Buffer.from('k,\u20ac,y\n');
    const valid = padTo(CHUNK - 1, Buffer.concat([euro, Buffer.from('z,1,2\n')]), 2);
    expect((await mapBytes('euro.csv', valid.bytes)).invalidUtf8).toEqual([]);
    // The euro sign without its last byte: E2 82 then the delimiter.
    const cut = Buffer.concat([euro.subarray(0, 4), euro.subarray(5), Buffer.from('z,1,2\n')]);
    const broken = padTo(CHUNK - 1, cut, 2);
    const map = await mapBytes('cut.csv', broken.bytes);
    const unit = 1 + broken.paddingLines + 1;
    expect(map.invalidUtf8).toEqual([{ unit, line: unit, offset: CHUNK - 1, field: undefined }]);
  });

  it('tells blank lines, a final line break, and the last record without one', async () => {
    const map = await mapBytes('blank.csv', Buffer.from(`${HEADER}1,x,y\n\n\r\n2,x,y\n3,x,2020-03-19 10:`));
    expect(map.blankUnits).toEqual([3, 4]);
    expect(map.units).toBe(6);
    expect(map.finalNewline).toBe(false);
    expect(map.lastRecord).toBe('3,x,2020-03-19 10:');
  });
});
