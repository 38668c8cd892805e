import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNIT_OFFSET_STRIDE, mapCsvFile } from '../src/raw/csv-file-map';
import { readCsvRecords } from '../src/raw/read-csv-records';

/** Units of a file as written: the header, records (some over two lines), blank lines; \r\n on some, no final line break. */
function fixtureUnits(): string[] {
  const units = ['id,text,n'];
  for (let i = 1; i <= 5 * UNIT_OFFSET_STRIDE; i++) {
    if (i % 37 === 0) units.push('');
    else if (i % 11 === 0) units.push(`${i},"two\nlines ${i}",${i}`);
    else units.push(`${i},plain ${i},${i}`);
  }
  return units;
}

describe('readCsvRecords', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'autocorp-read-records-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads records back from the stretches the map points at, not by mapping the file again', async () => {
    const units = fixtureUnits();
    const breaks = units.map((_, i) => (i % 3 === 0 ? '\r\n' : '\n'));
    const text = units.map((u, i) => (i === units.length - 1 ? u : u + breaks[i])).join('');
    const file = path.join(dir, 'records.csv');
    await writeFile(file, text);
    const map = await mapCsvFile(file);

    // Where each unit starts, from the text as written: the map keeps every stride-th.
    const starts: number[] = [];
    let at = 0;
    units.forEach((u, i) => {
      starts.push(at);
      at += Buffer.byteLength(u) + (i === units.length - 1 ? 0 : (breaks[i] as string).length);
    });
    const kept = starts.filter((_, i) => i % UNIT_OFFSET_STRIDE === 0);
    expect(map.unitOffsets).toEqual([...kept, Buffer.byteLength(text)]);

    // Spoil an early record after mapping (same length: a quote that opens and never closes). A new
    // pass over the file would now take every line after it as one record; the stretches do not.
    const spoiled = 5;
    const handle = await open(file, 'r+');
    await handle.write(Buffer.from('"'), 0, 1, (starts[spoiled - 1] as number) + 2);
    await handle.close();
    // Unit 199 holds a line break in quotes, unit 186 is a blank line, the last has no line break.
    const wanted = [
      2,
      2 * UNIT_OFFSET_STRIDE,
      2 * UNIT_OFFSET_STRIDE + 1,
      186,
      199,
      3 * UNIT_OFFSET_STRIDE + 12,
      units.length,
    ];
    const read = await readCsvRecords(file, new Set(wanted), map);
    expect(Object.fromEntries(read)).toEqual(Object.fromEntries(wanted.map((u) => [u, units[u - 1]])));
  });
});
