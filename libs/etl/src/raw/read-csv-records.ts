import { open } from 'node:fs/promises';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CHUNK = 1 << 22;

/**
 * The text of the given records of a CSV file, by line number (the header is line 1, a record is one
 * line unless a quoted field holds line breaks: it is numbered as one line, as DuckDB's reader counts
 * them). One sequential read; the file is never held in memory whole.
 */
export async function readCsvRecords(path: string, lines: ReadonlySet<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (lines.size === 0) return found;
  const last = Math.max(...lines);
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let line = 1;
    let inQuotes = false;
    let pieces: Buffer[] = [];
    let wanted = lines.has(line);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      let start = 0;
      let scan = 0;
      while (scan < bytesRead) {
        const newline = buffer.indexOf(NEWLINE, scan);
        const end = newline < 0 || newline >= bytesRead ? bytesRead : newline;
        // Quotes between here and the line end decide whether that line break ends the record.
        for (let q = buffer.indexOf(QUOTE, scan); q >= 0 && q < end; q = buffer.indexOf(QUOTE, q + 1)) inQuotes = !inQuotes;
        if (end === bytesRead) {
          if (wanted) pieces.push(Buffer.from(buffer.subarray(start, bytesRead)));
          break;
        }
        scan = end + 1;
        if (inQuotes) continue;
        if (wanted) {
          pieces.push(buffer.subarray(start, end));
          found.set(line, Buffer.concat(pieces).toString('utf8'));
          pieces = [];
        }
        line += 1;
        start = scan;
        if (line > last) return found;
        wanted = lines.has(line);
      }
    }
    if (wanted && pieces.length > 0) found.set(line, Buffer.concat(pieces).toString('utf8'));
    return found;
  } finally {
    await handle.close();
  }
}
