import { isUtf8 } from 'node:buffer';

/**
 * Finds the bytes of a file where its UTF-8 breaks, chunk by chunk (a character split between two
 * chunks is checked whole). The common case, a valid chunk, costs one native `isUtf8` call.
 */
export class Utf8Validator {
  /** Bytes of a character begun at the end of the previous chunk. */
  private carry: Buffer = Buffer.alloc(0);
  private carryOffset = 0;

  /** File offsets of the invalid sequences in `chunk` (which starts at file offset `offset`), in order. */
  check(chunk: Buffer, offset: number): number[] {
    const invalid: number[] = [];
    let start = 0;
    if (this.carry.length > 0) {
      const need = sequenceLength(this.carry[0] as number) - this.carry.length;
      const joined = Buffer.concat([this.carry, chunk.subarray(0, Math.max(0, need))]);
      if (joined.length < sequenceLength(this.carry[0] as number)) {
        // Still incomplete (a tiny chunk): keep waiting.
        this.carry = Buffer.from(joined);
        return invalid;
      }
      if (invalidOffsets(joined, 0, joined.length).length > 0) invalid.push(this.carryOffset);
      start = Math.max(0, need);
      this.carry = Buffer.alloc(0);
    }
    const end = chunk.length - incompleteTail(chunk, start);
    if (end < chunk.length) {
      this.carry = Buffer.from(chunk.subarray(end));
      this.carryOffset = offset + end;
    }
    const body = chunk.subarray(start, end);
    if (!isUtf8(body)) for (const at of invalidOffsets(chunk, start, end)) invalid.push(offset + at);
    return invalid;
  }

  /** At the end of the file: a character cut off by the end is invalid (its file offset), or undefined. */
  finish(): number | undefined {
    const cut = this.carry.length > 0 ? this.carryOffset : undefined;
    this.carry = Buffer.alloc(0);
    return cut;
  }
}

/** The byte count a lead byte announces (1 for ASCII and for bytes that cannot lead). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 1;
}

/** Bytes at the end of `chunk` (from `start`) that begin a character the chunk does not finish. */
function incompleteTail(chunk: Buffer, start: number): number {
  for (let back = 1; back <= 3 && chunk.length - back >= start; back++) {
    const b = chunk[chunk.length - back] as number;
    if ((b & 0xc0) === 0x80) continue;
    return sequenceLength(b) > back ? back : 0;
  }
  return 0;
}

/** Offsets (in `bytes`) of the invalid sequences in [from, to): bad lead bytes, bad or missing continuation bytes, overlong forms, surrogates. */
function invalidOffsets(bytes: Buffer, from: number, to: number): number[] {
  const found: number[] = [];
  let i = from;
  while (i < to) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    const n = sequenceLength(b);
    let ok = n > 1 && i + n <= to;
    for (let k = 1; ok && k < n; k++) {
      const c = bytes[i + k] as number;
      let low = 0x80;
      let high = 0xbf;
      if (k === 1 && b === 0xe0) low = 0xa0;
      if (k === 1 && b === 0xed) high = 0x9f;
      if (k === 1 && b === 0xf0) low = 0x90;
      if (k === 1 && b === 0xf4) high = 0x8f;
      ok = c >= low && c <= high;
    }
    if (ok) {
      i += n;
    } else {
      found.push(i);
      i += 1;
    }
  }
  return found;
}
