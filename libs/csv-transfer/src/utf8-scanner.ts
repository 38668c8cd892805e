import { isUtf8 } from 'node:buffer';

const NEWLINE = 0x0a;

/** A place where the bytes are not valid UTF-8. */
export interface InvalidUtf8 {
  /** Physical line (1 = the header line). */
  readonly line: number;
  /** Byte offset in the file of the first byte that is not valid UTF-8 on that line. */
  readonly byteOffset: number;
}

/** How many invalid lines a scanner keeps by default (all of them are counted). */
export const DEFAULT_INVALID_LINES_KEPT = 1000;

/**
 * Validates UTF-8 over a whole byte stream, chunk by chunk: a character cut by a chunk boundary is
 * completed from the next chunk. Names each line holding invalid bytes (first offset per line);
 * keeps the first `keep` of them and counts all. Valid chunks take a native check; only a chunk
 * with a problem is walked byte by byte.
 */
export class Utf8Scanner {
  private offset = 0;
  private line = 1;
  /** Continuation bytes still expected, their allowed range, and where the sequence began. */
  private need = 0;
  private low = 0x80;
  private high = 0xbf;
  private sequenceStart = 0;
  private readonly found: InvalidUtf8[] = [];
  private lastInvalidLine = 0;
  private invalidLineCount = 0;

  constructor(private readonly keep = DEFAULT_INVALID_LINES_KEPT) {}

  push(chunk: Uint8Array): void {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let i = 0;
    while (i < bytes.length && this.need > 0) i = this.walk(bytes, i, i + 1);
    const end = completeLength(bytes, i);
    if (isUtf8(bytes.subarray(i, end))) {
      for (let nl = bytes.indexOf(NEWLINE, i); nl !== -1 && nl < end; nl = bytes.indexOf(NEWLINE, nl + 1)) this.line++;
      i = end;
    }
    this.walk(bytes, i, bytes.length);
    this.offset += bytes.length;
  }

  /** Ends the input: a character left incomplete at the end is invalid too. */
  finish(): void {
    if (this.need > 0) this.invalid(this.sequenceStart);
    this.need = 0;
  }

  /** The first invalid places, one per line, in file order. */
  get invalidLines(): readonly InvalidUtf8[] {
    return this.found;
  }

  /** How many lines hold invalid bytes (all of them, kept or not). */
  get invalidLineTotal(): number {
    return this.invalidLineCount;
  }

  /** Runs the UTF-8 automaton over `bytes[from, to)`; returns `to`. */
  private walk(bytes: Buffer, from: number, to: number): number {
    for (let i = from; i < to; i++) {
      const b = bytes[i] as number;
      if (this.need > 0) {
        if (b >= this.low && b <= this.high) {
          this.need--;
          this.low = 0x80;
          this.high = 0xbf;
          continue;
        }
        // The sequence broke off: it is invalid, and this byte starts afresh.
        this.invalid(this.sequenceStart);
        this.need = 0;
      }
      if (b < 0x80) {
        if (b === NEWLINE) this.line++;
        continue;
      }
      this.sequenceStart = this.offset + i;
      if (b >= 0xc2 && b <= 0xdf) this.expect(1, 0x80, 0xbf);
      else if (b === 0xe0)
        this.expect(2, 0xa0, 0xbf); // no overlong forms
      else if (b === 0xed)
        this.expect(2, 0x80, 0x9f); // no surrogates
      else if (b >= 0xe1 && b <= 0xef) this.expect(2, 0x80, 0xbf);
      else if (b === 0xf0) this.expect(3, 0x90, 0xbf);
      else if (b >= 0xf1 && b <= 0xf3) this.expect(3, 0x80, 0xbf);
      else if (b === 0xf4)
        this.expect(3, 0x80, 0x8f); // nothing above U+10FFFF
      else this.invalid(this.offset + i);
    }
    return to;
  }

  private expect(need: number, low: number, high: number): void {
    this.need = need;
    this.low = low;
    this.high = high;
  }

  private invalid(byteOffset: number): void {
    if (this.line === this.lastInvalidLine) return;
    this.lastInvalidLine = this.line;
    this.invalidLineCount++;
    if (this.found.length < this.keep) this.found.push({ line: this.line, byteOffset });
  }
}

/** End of `bytes` without a multi-byte sequence begun in its last 3 bytes (completed by the next chunk). */
function completeLength(bytes: Buffer, from: number): number {
  for (let back = 1; back <= Math.min(3, bytes.length - from); back++) {
    const byte = bytes[bytes.length - back] as number;
    if ((byte & 0xc0) !== 0x80) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
      return length > back ? bytes.length - back : bytes.length;
    }
  }
  return bytes.length;
}
