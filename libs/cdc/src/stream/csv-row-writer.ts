import { closeSync, openSync, unlinkSync, writeSync } from 'node:fs';

const QUOTE = 0x22;
const COMMA = 0x2c;
const NEWLINE = 0x0a;
const INITIAL_BUFFER = 64 * 1024;
/** Rows stay in memory up to this much, then go to the file. */
const SPILL_AT = 1024 * 1024;
/** Values longer than this are copied natively instead of byte by byte. */
const LONG_VALUE = 48;

/**
 * Rows as CSV bytes (comma, `"` quoting with doubled quotes, `\n` rows) in a file of the stage
 * folder, for DuckDB's read_csv: every non-null value is quoted, NULL is an empty unquoted field.
 * Values are copied from the pgoutput message bytes as they are, never decoded to JS strings.
 * Memory holds at most about 1 MiB (or one row, when a row is larger); the rest is on disk.
 */
export class CsvRowWriter {
  rows = 0;
  /** Bytes of values written (before quoting). */
  valueBytes = 0;
  /** The longest row, in bytes (read_csv's max_line_size must cover it). */
  maxRowBytes = 0;
  private buffer = Buffer.allocUnsafe(INITIAL_BUFFER);
  private pos = 0;
  private fd: number | undefined;
  private rowStart = 0;
  private spilledInRow = 0;
  private firstField = true;
  private finished = false;

  constructor(readonly path: string) {}

  private ensure(bytes: number): void {
    const needed = this.pos + bytes;
    if (needed <= this.buffer.length) return;
    if (needed <= SPILL_AT) {
      let size = this.buffer.length * 2;
      while (size < needed) size *= 2;
      const grown = Buffer.allocUnsafe(size);
      this.buffer.copy(grown, 0, 0, this.pos);
      this.buffer = grown;
      return;
    }
    this.spill();
    if (bytes > this.buffer.length) this.buffer = Buffer.allocUnsafe(bytes);
  }

  private spill(): void {
    if (this.pos === 0) return;
    this.fd ??= openSync(this.path, 'w');
    let written = 0;
    while (written < this.pos) written += writeSync(this.fd, this.buffer, written, this.pos - written);
    this.spilledInRow += this.pos - this.rowStart;
    this.rowStart = 0;
    this.pos = 0;
  }

  private separator(): void {
    if (this.firstField) this.firstField = false;
    else this.buffer[this.pos++] = COMMA;
  }

  /** A field written as it is (digits, op letters): bytes that need no quoting. */
  rawField(bytes: Buffer): void {
    this.ensure(bytes.length + 1);
    this.separator();
    bytes.copy(this.buffer, this.pos);
    this.pos += bytes.length;
  }

  /** A non-negative integer field. */
  intField(value: number): void {
    this.ensure(17);
    this.separator();
    if (value === 0) {
      this.buffer[this.pos++] = 0x30;
      return;
    }
    let digits = 0;
    for (let v = value; v > 0; v = Math.floor(v / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    for (let v = value; v > 0; v = Math.floor(v / 10)) this.buffer[--p] = 0x30 + (v % 10);
  }

  /** A one-letter field (the op). */
  charField(code: number): void {
    this.ensure(2);
    this.separator();
    this.buffer[this.pos++] = code;
  }

  nullField(): void {
    this.ensure(1);
    this.separator();
  }

  /** A text value from `source[start, end)` (UTF-8 as PostgreSQL sent it), quoted. */
  textField(source: Buffer, start: number, end: number): void {
    const length = end - start;
    this.ensure(length * 2 + 3);
    this.separator();
    const out = this.buffer;
    let p = this.pos;
    out[p++] = QUOTE;
    if (length <= LONG_VALUE) {
      for (let i = start; i < end; i++) {
        const b = source[i] as number;
        out[p++] = b;
        if (b === QUOTE) out[p++] = QUOTE;
      }
    } else {
      let from = start;
      for (;;) {
        const found = source.subarray(from, end).indexOf(QUOTE);
        if (found < 0) {
          p += source.copy(out, p, from, end);
          break;
        }
        p += source.copy(out, p, from, from + found + 1);
        out[p++] = QUOTE;
        from += found + 1;
      }
    }
    out[p++] = QUOTE;
    this.pos = p;
    this.valueBytes += length;
  }

  /** A text value given as a JS string (rare paths: binary values as hex). */
  stringField(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.textField(bytes, 0, bytes.length);
  }

  endRow(): void {
    this.ensure(1);
    this.buffer[this.pos++] = NEWLINE;
    const rowBytes = this.spilledInRow + this.pos - this.rowStart;
    if (rowBytes > this.maxRowBytes) this.maxRowBytes = rowBytes;
    this.rowStart = this.pos;
    this.spilledInRow = 0;
    this.firstField = true;
    this.rows += 1;
  }

  /** Writes what is left and closes the file; returns its path (undefined when no row was written). */
  finish(): string | undefined {
    if (this.finished) return this.rows > 0 ? this.path : undefined;
    this.finished = true;
    if (this.rows === 0) {
      this.discard();
      return undefined;
    }
    this.spill();
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.buffer = Buffer.alloc(0);
    return this.path;
  }

  /** Drops the rows and the file. */
  discard(): void {
    this.finished = true;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.buffer = Buffer.alloc(0);
    try {
      unlinkSync(this.path);
    } catch {
      // Never spilled, or already gone.
    }
  }
}
