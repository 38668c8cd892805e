import { CALENDAR_DAYS, SECONDS_PER_DAY, calendarDay } from '../time/calendar';

const COMMA = 44;
const NEWLINE = 10;
const DIGIT_0 = 48;
/** "00".."99" as byte pairs. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => DIGIT_0 + (i % 2 === 0 ? Math.floor(i / 20) : (i >> 1) % 10));

let dateBytes: Uint8Array | undefined;
let timeBytes: Uint8Array | undefined;

/** "YYYY-MM-DD" of every calendar day, 10 bytes each. */
function dates(): Uint8Array {
  if (!dateBytes) {
    const days = CALENDAR_DAYS;
    dateBytes = new Uint8Array(days * 10);
    for (let d = 0; d < days; d++) {
      const text = calendarDay(d).text;
      for (let i = 0; i < 10; i++) dateBytes[d * 10 + i] = text.charCodeAt(i);
    }
  }
  return dateBytes;
}

/** "HH:MM:SS" of every second of a day, 8 bytes each. */
function times(): Uint8Array {
  if (!timeBytes) {
    timeBytes = new Uint8Array(SECONDS_PER_DAY * 8);
    for (let s = 0; s < SECONDS_PER_DAY; s++) {
      const h = Math.floor(s / 3600);
      const m = Math.floor((s % 3600) / 60);
      const text = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
      for (let i = 0; i < 8; i++) timeBytes[s * 8 + i] = text.charCodeAt(i);
    }
  }
  return timeBytes;
}

/**
 * Renders rows straight into bytes: ASCII text, integers, cents and timestamps, without making
 * strings. This is the hot path of the CSV writers (millions of rows), where building and
 * flattening strings would cost more than everything else together.
 */
export class ByteWriter {
  buffer: Buffer;
  length = 0;

  constructor(capacity = 1024) {
    this.buffer = Buffer.allocUnsafe(capacity);
  }

  /** Makes room for at least `bytes` more bytes. */
  reserve(bytes: number): void {
    if (this.length + bytes > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + bytes));
      this.buffer.copy(bigger, 0, 0, this.length);
      this.buffer = bigger;
    }
  }

  /** ASCII text (the vocabularies are checked to be ASCII). */
  text(value: string): this {
    const n = value.length;
    this.reserve(n);
    const b = this.buffer;
    let p = this.length;
    for (let i = 0; i < n; i++) b[p++] = value.charCodeAt(i);
    this.length = p;
    return this;
  }

  byte(code: number): this {
    this.reserve(1);
    this.buffer[this.length++] = code;
    return this;
  }

  comma(): this {
    return this.byte(COMMA);
  }

  newline(): this {
    return this.byte(NEWLINE);
  }

  /** A non-negative integer in decimal. */
  uint(value: number): this {
    this.reserve(16);
    const b = this.buffer;
    if (value < 10) {
      b[this.length++] = DIGIT_0 + value;
      return this;
    }
    let digits = 2;
    for (let v = value; v >= 100; v = Math.floor(v / 10)) digits++;
    let p = this.length + digits;
    this.length = p;
    let v = value;
    while (v >= 100) {
      const q = Math.floor(v / 100);
      const pair = (v - q * 100) * 2;
      b[--p] = PAIRS[pair + 1] as number;
      b[--p] = PAIRS[pair] as number;
      v = q;
    }
    if (v >= 10) {
      b[--p] = PAIRS[v * 2 + 1] as number;
      b[--p] = PAIRS[v * 2] as number;
    } else b[--p] = DIGIT_0 + v;
    return this;
  }

  /** An integer padded with zeros to `width` digits. */
  padded(value: number, width: number): this {
    this.reserve(width);
    const b = this.buffer;
    let p = this.length + width;
    this.length = p;
    let v = value;
    for (let i = 0; i < width; i++) {
      const q = Math.floor(v / 10);
      b[--p] = DIGIT_0 + (v - q * 10);
      v = q;
    }
    return this;
  }

  /** Integer cents as "1234.05" (or "-1234.05"). */
  cents(value: number): this {
    if (value < 0) {
      this.byte(45);
      value = -value;
    }
    const whole = Math.floor(value / 100);
    return this.uint(whole)
      .byte(46)
      .padded(value - whole * 100, 2);
  }

  /** "YYYY-MM-DD HH:MM:SS" for seconds since 2015-01-01 (same text as formatTimestamp). */
  timestamp(t: number): this {
    this.reserve(19);
    const day = Math.floor(t / SECONDS_PER_DAY);
    const date = dates();
    const time = times();
    if (day < 0 || day >= CALENDAR_DAYS) throw new RangeError(`timestamp ${t} is outside the generator calendar`);
    const b = this.buffer;
    let p = this.length;
    let i = day * 10;
    for (const end = i + 10; i < end; i++) b[p++] = date[i] as number;
    b[p++] = 32;
    i = (t - day * SECONDS_PER_DAY) * 8;
    for (const end = i + 8; i < end; i++) b[p++] = time[i] as number;
    this.length = p;
    return this;
  }

  /** Appends bytes [start, end) of another writer (a plain loop: Buffer.copy costs more for rows). */
  append(from: ByteWriter, start = 0, end = from.length): this {
    const n = end - start;
    this.reserve(n);
    const src = from.buffer;
    const b = this.buffer;
    if (n > 96) {
      b.set(src.subarray(start, end), this.length);
      this.length += n;
      return this;
    }
    let p = this.length;
    for (let i = start; i < end; i++) b[p++] = src[i] as number;
    this.length = p;
    return this;
  }

  /** The text of bytes [start, end) (for rare paths such as dirty rows). */
  slice(start: number, end: number): string {
    return this.buffer.toString('latin1', start, end);
  }

  reset(): void {
    this.length = 0;
  }
}

/** FNV-1a 32-bit over bytes [start, end), as 8 hex digits (equals fnv1aHex of the ASCII text). */
export function fnv1aBytes(buffer: Buffer, start: number, end: number): string {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= buffer[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
