const QUOTE = 0x22;
const NEWLINE = 0x0a;

/**
 * Counts CSV records in a byte stream, honouring quoted fields that contain newlines.
 * Uses native searches only (no byte-by-byte loop), so it keeps up with disk reads.
 */
export class RowCounter {
  private records = 0;
  private quoted = false;
  private lastByte = NEWLINE;
  private sawBytes = false;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.sawBytes = true;
    // Hop between quotes and newlines with native searches; inside quotes newlines do not count.
    let at = 0;
    while (at < bytes.length) {
      const quote = bytes.indexOf(QUOTE, at);
      if (this.quoted) {
        if (quote === -1) break;
        this.quoted = false;
        at = quote + 1;
        continue;
      }
      const stop = quote === -1 ? bytes.length : quote;
      for (let nl = bytes.indexOf(NEWLINE, at); nl !== -1 && nl < stop; nl = bytes.indexOf(NEWLINE, nl + 1)) this.records++;
      if (quote === -1) break;
      this.quoted = true;
      at = quote + 1;
    }
    this.lastByte = bytes[bytes.length - 1] ?? this.lastByte;
  }

  /** Records seen, counting a last line without a trailing newline. */
  get totalRecords(): number {
    return this.records + (this.sawBytes && this.lastByte !== NEWLINE ? 1 : 0);
  }

  /** Data rows: records after the header. */
  get dataRows(): number {
    return Math.max(0, this.totalRecords - 1);
  }
}
