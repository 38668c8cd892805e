import { open } from 'node:fs/promises';
import { mapCsvFile } from './csv-file-map';

/**
 * The text of the given units of a CSV file (the reader's line numbers: the header is 1, a blank
 * line counts, a record whose quoted field holds line breaks counts once), without the line break
 * (\n or \r\n). One sequential pass finds where they lie (stopping after the last one wanted), then
 * only their bytes are read; the file is never held in memory whole.
 */
export async function readCsvRecords(path: string, units: ReadonlySet<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (units.size === 0) return found;
  const last = Math.max(...units);
  const spans = new Map<number, { start: number; end: number }>();
  await mapCsvFile(path, (unit, start, end) => {
    if (units.has(unit)) spans.set(unit, { start, end });
    return unit < last;
  });
  const handle = await open(path, 'r');
  try {
    for (const [unit, { start, end }] of spans) {
      const bytes = Buffer.alloc(end - start);
      await handle.read(bytes, 0, bytes.length, start);
      const text = bytes.toString('utf8');
      found.set(unit, text.endsWith('\r') ? text.slice(0, -1) : text);
    }
    return found;
  } finally {
    await handle.close();
  }
}
