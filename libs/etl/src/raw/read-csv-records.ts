import { open } from 'node:fs/promises';
import { type CsvFileMap, CsvFileScanner, UNIT_OFFSET_STRIDE } from './csv-file-map';

/**
 * The text of the given units of a CSV file (the reader's line numbers: the header is 1, a blank
 * line counts, a record whose quoted field holds line breaks counts once), without the line break
 * (\n or \r\n). Only the stretches of the file that hold them are read: the file's map keeps where
 * every 64th unit starts, so the file is neither mapped again nor held in memory whole.
 */
export async function readCsvRecords(
  path: string,
  units: ReadonlySet<number>,
  map: CsvFileMap,
): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  const handle = await open(path, 'r');
  try {
    const stretches = new Set([...units].map((u) => Math.floor((u - 1) / UNIT_OFFSET_STRIDE)));
    for (const stretch of stretches) {
      const start = map.unitOffsets[stretch];
      const end = map.unitOffsets[stretch + 1];
      if (start === undefined || end === undefined || end <= start) continue;
      const bytes = Buffer.alloc(end - start);
      await handle.read(bytes, 0, bytes.length, start);
      const scanner = new CsvFileScanner(
        (unit, from, to) => {
          if (units.has(unit)) found.set(unit, recordText(bytes.subarray(from - start, to - start)));
        },
        { unit: stretch * UNIT_OFFSET_STRIDE + 1, offset: start },
      );
      scanner.chunk(bytes, start);
      scanner.finish(end);
    }
    return found;
  } finally {
    await handle.close();
  }
}

/** A record's bytes as text, without a trailing \r. */
function recordText(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
