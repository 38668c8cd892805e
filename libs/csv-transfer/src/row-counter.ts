const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Where a quoted field that is still open began. */
export interface OpenQuote {
  /** Physical line (1 = the header line) of the opening quote. */
  readonly line: number;
  /** Byte offset of the opening quote in the file. */
  readonly byteOffset: number;
}

/**
 * Counts CSV records and physical lines in a byte stream, honouring quoted fields that contain
 * newlines, and remembers where the quoted field that is open at the end of the input began.
 * Uses native searches only (no byte-by-byte loop), so it keeps up with disk reads.
 * A `""` inside a quoted field is an escaped quote: it does not move the field's start.
 */
export class RowCounter {
  private records = 0;
  private newlines = 0;
  private quoted = false;
  private lastByte = NEWLINE;
  private bytesSeen = 0;
  /** Line and byte offset of the quote that opened the current (or last) quoted field. */
  private openLine = 0;
  private openOffset = -1;
  private firstSpanning: OpenQuote | undefined;
  /** Offset just after the last closing quote: a quote there re-opens the same field (`""`). */
  private afterClose = -1;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const base = this.bytesSeen;
    // Hop from quote to newline to quote, whichever comes first, one native search each: newlines
    // outside quotes end records, every newline ends a line.
    let quote = bytes.indexOf(QUOTE, 0);
    let newline = bytes.indexOf(NEWLINE, 0);
    for (;;) {
      if (newline !== -1 && (quote === -1 || newline < quote)) {
        this.newlines++;
        if (!this.quoted) this.records++;
        else if (this.firstSpanning === undefined)
          this.firstSpanning = { line: this.openLine, byteOffset: this.openOffset };
        newline = bytes.indexOf(NEWLINE, newline + 1);
        continue;
      }
      if (quote === -1) break;
      if (this.quoted) {
        this.quoted = false;
        this.afterClose = base + quote + 1;
      } else {
        this.quoted = true;
        if (base + quote !== this.afterClose) {
          this.openLine = this.newlines + 1;
          this.openOffset = base + quote;
        }
      }
      quote = bytes.indexOf(QUOTE, quote + 1);
    }
    this.lastByte = bytes[bytes.length - 1] ?? this.lastByte;
    this.bytesSeen += bytes.length;
  }

  /** Records seen, counting a last line without a trailing newline. */
  get totalRecords(): number {
    return this.records + (this.bytesSeen > 0 && (this.quoted || this.lastByte !== NEWLINE) ? 1 : 0);
  }

  /** Data rows: records after the header. */
  get dataRows(): number {
    return Math.max(0, this.totalRecords - 1);
  }

  /** Physical lines, counting a last line without a trailing newline. */
  get lines(): number {
    return this.newlines + (this.bytesSeen > 0 && this.lastByte !== NEWLINE ? 1 : 0);
  }

  /**
   * The first quoted field that runs over a line break. Legitimate in CSV, but when the input ends
   * inside a quote it is the likely start of the damage: a stray quote makes the fields after it
   * pair up across lines, so the quote left open at the end is often far from the cause.
   */
  get firstMultilineQuote(): OpenQuote | undefined {
    return this.firstSpanning;
  }

  /** Where the quoted field began when the input so far ends inside it; undefined otherwise. */
  get unterminatedQuote(): OpenQuote | undefined {
    return this.quoted ? { line: this.openLine, byteOffset: this.openOffset } : undefined;
  }
}
