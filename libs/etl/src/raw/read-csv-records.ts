import { open } from 'node:fs/promises';

const QUOTE = 0x22;
const NEWLINE = 0x0a;
const CHUNK = 1 << 22;

/**
 * The text of the given records of a CSV file, by line number (the header is line 1, a record is one
 * line unless a quoted field holds line breaks: it is numbered as one line, as DuckDB's reader counts
 * them), without the line break (\n or \r\n). One sequential read; the file is never held in memory whole.
 */
export async function readCsvRecords(path: string, lines: ReadonlySet<number>): Promise<Map<number, string>> {
  const found = new Map<number, string>();
  if (lines.size === 0) return found;
  const sorted = [...lines].sort((a, b) => a - b);
  const last = sorted[sorted.length - 1] as number;
  let next = 0;
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK);
    let line = 1;
    let inQuotes = false;
    let pieces: Buffer[] = [];
    let wanted = sorted[next] === line;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let start = 0;
      let scan = 0;
      // The next quote in the chunk, found once per quote (not once per line: most lines have none).
      let quote = chunk.indexOf(QUOTE);
      while (scan < bytesRead) {
        const newline = chunk.indexOf(NEWLINE, scan);
        const end = newline < 0 ? bytesRead : newline;
        // Quotes before the line end decide whether that line break ends the record.
        while (quote >= 0 && quote < end) {
          inQuotes = !inQuotes;
          quote = chunk.indexOf(QUOTE, quote + 1);
        }
        if (newline < 0) {
          if (wanted) pieces.push(Buffer.from(chunk.subarray(start)));
          break;
        }
        scan = end + 1;
        if (inQuotes) continue;
        if (wanted) {
          pieces.push(chunk.subarray(start, end));
          found.set(line, withoutCarriageReturn(Buffer.concat(pieces).toString('utf8')));
          pieces = [];
          next += 1;
        }
        line += 1;
        start = scan;
        if (line > last) return found;
        wanted = sorted[next] === line;
      }
    }
    if (wanted && pieces.length > 0) found.set(line, withoutCarriageReturn(Buffer.concat(pieces).toString('utf8')));
    return found;
  } finally {
    await handle.close();
  }
}

function withoutCarriageReturn(text: string): string {
  return text.endsWith('\r') ? text.slice(0, -1) : text;
}
