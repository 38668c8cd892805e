const QUOTE = 0x22;
const NEWLINE = 0x0a;

/** Newlines in `bytes[from, to)`, by native search. */
function countNewlines(bytes: Buffer, from: number, to: number): number {
  let n = 0;
  for (let nl = bytes.indexOf(NEWLINE, from); nl !== -1 && nl < to; nl = bytes.indexOf(NEWLINE, nl + 1)) n++;
  return n;
}

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
  private openedAt: OpenQuote | undefined;
  private firstSpanning: OpenQuote | undefined;
  /** Offset just after the last closing quote: a quote there re-opens the same field (`""`). */
  private afterClose = -1;

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const base = this.bytesSeen;
    // Hop between quotes; newlines outside quotes end records, all newlines end lines.
    let at = 0;
    while (at < bytes.length) {
      const quote = bytes.indexOf(QUOTE, at);
      const stop = quote === -1 ? bytes.length : quote;
      const newlines = countNewlines(bytes, at, stop);
      this.newlines += newlines;
      if (!this.quoted) this.records += newlines;
      else if (newlines > 0 && this.firstSpanning === undefined) this.firstSpanning = this.openedAt;
      if (quote === -1) break;
      if (this.quoted) {
        this.quoted = false;
        this.afterClose = base + quote + 1;
      } else {
        this.quoted = true;
        if (base + quote !== this.afterClose) this.openedAt = { line: this.newlines + 1, byteOffset: base + quote };
      }
      at = quote + 1;
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
    return this.quoted ? this.openedAt : undefined;
  }
}
