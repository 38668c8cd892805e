const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Finds record boundaries in a PostgreSQL CSV stream (COPY ... (FORMAT csv)): a newline ends a
 * record unless it sits inside a quoted field. Keeps its quote state across chunks.
 */
export class CsvRecordSplitter {
  private inQuotes = false;

  /**
   * Scans `chunk` from `start` until `maxRecords` records have ended or the chunk is exhausted.
   * Returns the offset just past the last complete record counted and how many records ended.
   */
  scan(chunk: Buffer, start: number, maxRecords: number): { end: number; records: number } {
    let records = 0;
    let position = start;
    while (position < chunk.length && records < maxRecords) {
      if (this.inQuotes) {
        const close = chunk.indexOf(QUOTE, position);
        if (close < 0) return { end: chunk.length, records };
        this.inQuotes = false;
        position = close + 1;
        continue;
      }
      const newline = chunk.indexOf(NEWLINE, position);
      const quote = chunk.indexOf(QUOTE, position);
      if (quote >= 0 && (newline < 0 || quote < newline)) {
        this.inQuotes = true;
        position = quote + 1;
        continue;
      }
      if (newline < 0) return { end: chunk.length, records };
      records += 1;
      position = newline + 1;
    }
    return { end: records === maxRecords ? position : chunk.length, records };
  }
}
