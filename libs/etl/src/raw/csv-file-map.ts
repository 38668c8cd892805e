import { open } from 'node:fs/promises';
import { CSV_CARRIAGE_RETURN, CSV_DELIMITER, CSV_NEWLINE, CSV_QUOTE, csvFieldIndexAt } from './csv-fields';
import { Utf8Validator } from './utf8-validator';

const CHUNK = 1 << 22;

/**
 * The layout of one CSV file as the reader sees it, from one sequential pass. A *unit* is what
 * DuckDB's reader numbers as a line: a record (one physical line, or several when a quoted field
 * holds line breaks) or a blank line. Unit 1 is the header. Only the exceptions are kept, and where
 * every 64th unit starts, so the map stays small for any file size.
 */
export interface CsvFileMap {
  /** Units in the file, header and blank lines included. */
  readonly units: number;
  /** Physical lines (line breaks, plus a last line without one). */
  readonly physicalLines: number;
  /** Units that are blank lines (empty, or a lone \r): DuckDB skips them. */
  readonly blankUnits: readonly number[];
  /** Records spanning several physical lines: where the quoted field opened, and how many lines the record took. */
  readonly multiLineUnits: readonly { readonly unit: number; readonly line: number; readonly lines: number }[];
  /** The first invalid UTF-8 sequence of each unit that has one. */
  readonly invalidUtf8: readonly InvalidUtf8[];
  /** Whether the file ends with a line break. */
  readonly finalNewline: boolean;
  /** The last record's text when the file does not end with a line break (it may be cut short). */
  readonly lastRecord?: string;
  /**
   * Byte offset of every UNIT_OFFSET_STRIDE-th unit's start (entry i: unit i * stride + 1), then the file size:
   * a record is read back from its stretch of the file alone (readCsvRecords), not by mapping the file again.
   */
  readonly unitOffsets: readonly number[];
}

/** Units between two kept offsets: the map holds 8 bytes per 64 records, a read-back reads one stretch of 64. */
export const UNIT_OFFSET_STRIDE = 64;

export interface InvalidUtf8 {
  readonly unit: number;
  /** Physical line of the invalid byte. */
  readonly line: number;
  /** Byte offset of the invalid byte in the file. */
  readonly offset: number;
  /** 0-based field index of the invalid byte, when the record started in the same read chunk. */
  readonly field: number | undefined;
}

/** Where a unit lies in its file: bytes [start, end), its line break excluded. Return false to stop the scan. */
export type CsvUnitListener = (unit: number, start: number, end: number) => boolean | void;

/** Maps a file: one sequential read in 4 MiB chunks, never the whole file in memory. */
export async function mapCsvFile(path: string, onUnit?: CsvUnitListener): Promise<CsvFileMap> {
  const handle = await open(path, 'r');
  try {
    const scanner = new CsvFileScanner(onUnit);
    const buffer = Buffer.allocUnsafe(CHUNK);
    let offset = 0;
    while (!scanner.stopped) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      scanner.chunk(buffer.subarray(0, bytesRead), offset);
      offset += bytesRead;
    }
    const map = scanner.finish(offset);
    if (map.finalNewline || scanner.stopped) return map;
    const length = offset - scanner.unitStartOffset;
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, scanner.unitStartOffset);
    return { ...map, lastRecord: tail.toString('utf8').replace(/\r$/, '') };
  } finally {
    await handle.close();
  }
}

/** Maps several files one after the other (one read buffer at a time). */
export async function mapCsvFiles(paths: readonly string[]): Promise<CsvFileMap[]> {
  const maps: CsvFileMap[] = [];
  for (const path of paths) maps.push(await mapCsvFile(path));
  return maps;
}

/**
 * The records of a mapped file: its units less the header and the blank lines. Counted from the bytes by
 * our own pass, independently of DuckDB's parse (a line the reader rejects is a record too).
 */
export function csvRecordCount(map: CsvFileMap): number {
  return Math.max(0, map.units - 1 - map.blankUnits.length);
}

/** Lines added by the records over several lines, summed up to each of them (computed once per map). */
const extraLinesBefore = new WeakMap<CsvFileMap, { readonly units: number[]; readonly sums: number[] }>();

/** The physical line a unit starts on. */
export function physicalLineOf(map: CsvFileMap, unit: number): number {
  let index = extraLinesBefore.get(map);
  if (!index) {
    const sums = [0];
    for (const m of map.multiLineUnits) sums.push((sums[sums.length - 1] as number) + m.lines - 1);
    index = { units: map.multiLineUnits.map((m) => m.unit), sums };
    extraLinesBefore.set(map, index);
  }
  // Lines added by the records over several lines that start before `unit`.
  return unit + (index.sums[countBelow(index.units, unit)] as number);
}

/** How many values of an ascending list are below `value` (binary search). */
export function countBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Where a scan starts: unit 1 at the file's start, or a unit's start offset from a map's unitOffsets. */
export interface CsvScanStart {
  readonly unit: number;
  readonly offset: number;
}

export class CsvFileScanner {
  stopped = false;
  constructor(
    private readonly onUnit?: CsvUnitListener,
    start: CsvScanStart = { unit: 1, offset: 0 },
  ) {
    this.unit = start.unit;
    this.unitStart = start.offset;
  }
  private readonly utf8 = new Utf8Validator();
  private unit: number;
  private line = 1;
  private unitStart: number;
  private readonly unitOffsets: number[] = [0];
  /** File offset where the current unit starts. */
  get unitStartOffset(): number {
    return this.unitStart;
  }
  private unitStartLine = 1;
  private inQuotes = false;
  /** A quote inside a quoted field was the chunk's last byte: the next byte tells whether it closes the field. */
  private quotePending = false;
  /** After a quote error the reader skips to the end of the line. */
  private skipToNewline = false;
  private previous = CSV_NEWLINE;
  private invalidInUnit = false;
  private readonly blankUnits: number[] = [];
  private readonly multiLineUnits: { unit: number; line: number; lines: number }[] = [];
  private readonly invalidUtf8: InvalidUtf8[] = [];

  chunk(chunk: Buffer, offset: number): void {
    const invalid = this.utf8.check(chunk, offset);
    let nextInvalid = 0;
    let i = 0;
    const n = chunk.length;
    const noteInvalid = (until: number) => {
      // Invalid bytes before `until` (chunk index) belong to the current unit.
      while (nextInvalid < invalid.length && (invalid[nextInvalid] as number) - offset < until) {
        const at = invalid[nextInvalid] as number;
        if (!this.invalidInUnit) {
          const start = this.unitStart - offset;
          this.invalidUtf8.push({
            unit: this.unit,
            line: this.line - countNewlines(chunk, at - offset, until),
            offset: at,
            field: start >= 0 ? csvFieldIndexAt(chunk.subarray(start), at - offset - start) : undefined,
          });
          this.invalidInUnit = true;
        }
        nextInvalid += 1;
      }
    };
    if (this.quotePending) {
      this.quotePending = false;
      this.afterClosingQuote(chunk[0] as number);
      if (this.inQuotes) i = 1; // an escaped quote: its second half is this chunk's first byte
    }
    // The next quote at or after a position, searched once per quote (not once per line: most lines have none).
    let quote = chunk.indexOf(CSV_QUOTE, i);
    const quoteFrom = (from: number): number => {
      if (quote >= 0 && quote < from) quote = chunk.indexOf(CSV_QUOTE, from);
      return quote;
    };
    while (i < n && !this.stopped) {
      if (this.inQuotes) {
        const q = quoteFrom(i);
        const stop = q < 0 ? n : q;
        this.line += countNewlines(chunk, i, stop);
        if (q < 0) {
          i = n;
          break;
        }
        if (q + 1 >= n) {
          this.quotePending = true;
          i = n;
          break;
        }
        const after = chunk[q + 1] as number;
        this.afterClosingQuote(after);
        i = this.inQuotes ? q + 2 : q + 1;
        continue;
      }
      const newline = chunk.indexOf(CSV_NEWLINE, i);
      const end = newline < 0 ? n : newline;
      if (!this.skipToNewline) {
        // A quote opens a quoted field only at the start of a field.
        let q = quoteFrom(i);
        while (q >= 0 && q < end) {
          const before = q > 0 ? (chunk[q - 1] as number) : this.previous;
          const fieldStart =
            before === CSV_DELIMITER || q + offset === this.unitStart || (this.unit === 1 && q + offset === 3);
          if (fieldStart) break;
          q = quoteFrom(q + 1);
        }
        if (q >= 0 && q < end) {
          this.inQuotes = true;
          i = q + 1;
          continue;
        }
      }
      if (newline < 0) {
        i = n;
        break;
      }
      noteInvalid(newline);
      this.endUnit(chunk, newline, offset);
      i = newline + 1;
    }
    noteInvalid(n);
    this.previous = chunk[n - 1] as number;
  }

  /** The byte after a quote inside a quoted field: a doubled quote, the field's end, or a quote error. */
  private afterClosingQuote(after: number): void {
    if (after === CSV_QUOTE) return;
    this.inQuotes = false;
    if (after !== CSV_DELIMITER && after !== CSV_NEWLINE && after !== CSV_CARRIAGE_RETURN) this.skipToNewline = true;
  }

  private endUnit(chunk: Buffer, newline: number, offset: number): void {
    const length = offset + newline - this.unitStart;
    const before = newline > 0 ? chunk[newline - 1] : this.previous;
    if (length === 0 || (length === 1 && before === CSV_CARRIAGE_RETURN)) this.blankUnits.push(this.unit);
    if (this.line > this.unitStartLine)
      this.multiLineUnits.push({
        unit: this.unit,
        line: this.unitStartLine,
        lines: this.line - this.unitStartLine + 1,
      });
    if (this.onUnit?.(this.unit, this.unitStart, offset + newline) === false) this.stopped = true;
    this.unit += 1;
    this.line += 1;
    this.unitStart = offset + newline + 1;
    if ((this.unit - 1) % UNIT_OFFSET_STRIDE === 0) this.unitOffsets.push(this.unitStart);
    this.unitStartLine = this.line;
    this.skipToNewline = false;
    this.invalidInUnit = false;
  }

  finish(size: number): CsvFileMap {
    const cut = this.utf8.finish();
    if (cut !== undefined && !this.invalidInUnit)
      this.invalidUtf8.push({ unit: this.unit, line: this.line, offset: cut, field: undefined });
    const finalNewline = size === 0 || this.previous === CSV_NEWLINE;
    // Physical lines: a final line break ends the last line rather than starting one.
    const lastLine = finalNewline ? this.line - 1 : this.line;
    // A last unit not ended by a line break outside quotes: a last line without one, or a quote left open to the end.
    const open = this.unitStart < size;
    if (open && !this.stopped) {
      if (lastLine > this.unitStartLine)
        this.multiLineUnits.push({
          unit: this.unit,
          line: this.unitStartLine,
          lines: lastLine - this.unitStartLine + 1,
        });
      this.onUnit?.(this.unit, this.unitStart, finalNewline ? size - 1 : size);
    }
    return {
      units: open ? this.unit : this.unit - 1,
      physicalLines: lastLine,
      blankUnits: this.blankUnits,
      multiLineUnits: this.multiLineUnits,
      invalidUtf8: this.invalidUtf8,
      finalNewline,
      unitOffsets: [...this.unitOffsets, size],
    };
  }
}

function countNewlines(chunk: Buffer, from: number, to: number): number {
  let count = 0;
  let at = chunk.indexOf(CSV_NEWLINE, from);
  while (at >= 0 && at < to) {
    count += 1;
    at = chunk.indexOf(CSV_NEWLINE, at + 1);
  }
  return count;
}
