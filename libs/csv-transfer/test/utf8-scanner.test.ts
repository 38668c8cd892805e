import { isUtf8 } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { Random } from '@autocorp/generator';
import { type InvalidUtf8, Utf8Scanner } from '../src/index';

const PIECES = ['a', ',', 'é', '€', '𝄞', 'ü', '"'].map((s) => Buffer.from(s));
const BAD = [
  [0xff],
  [0xc3],
  [0xe2, 0x82],
  [0x80],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf0, 0x9d],
].map((b) => Buffer.from(b));

/** The invalid lines of `bytes` told line by line with Node's own check: the first offset per line is where the longest valid prefix ends. */
function expectedInvalid(bytes: Buffer): InvalidUtf8[] {
  const out: InvalidUtf8[] = [];
  let start = 0;
  let line = 1;
  while (start <= bytes.length) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    const text = bytes.subarray(start, end);
    if (!isUtf8(text)) {
      let valid = text.length;
      while (!isUtf8(text.subarray(0, valid))) valid--;
      out.push({ line, byteOffset: start + valid });
    }
    if (nl === -1) break;
    start = nl + 1;
    line++;
  }
  return out;
}

describe('Utf8Scanner', () => {
  it('names the same lines and offsets as a line-by-line check, however the stream is cut', () => {
    const seed = 20261207;
    console.log(`utf8 scanner seed ${seed}`);
    const random = new Random(seed);
    const next = () => random.next();
    for (let round = 0; round < 200; round++) {
      const parts: Buffer[] = [];
      const length = 1 + Math.floor(next() * 120);
      for (let i = 0; i < length; i++) {
        const r = next();
        parts.push(
          r < 0.1
            ? Buffer.from('\n')
            : r < 0.15
              ? (BAD[Math.floor(next() * BAD.length)] as Buffer)
              : (PIECES[Math.floor(next() * PIECES.length)] as Buffer),
        );
      }
      const bytes = Buffer.concat(parts);
      const scanner = new Utf8Scanner();
      for (let at = 0; at < bytes.length;) {
        const size = 1 + Math.floor(next() * (next() < 0.5 ? 7 : 200));
        scanner.push(bytes.subarray(at, at + size));
        at += size;
      }
      scanner.finish();
      const expected = expectedInvalid(bytes);
      expect(scanner.invalidLines, `round ${round}: ${bytes.toString('hex')}`).toEqual(expected);
      expect(scanner.invalidLineTotal).toBe(expected.length);
    }
  });

  it('keeps the first lines it is asked to and counts the rest', () => {
    const lines = Array.from({ length: 10 }, () => Buffer.from([0x61, 0xff, 0x0a]));
    const scanner = new Utf8Scanner(3);
    scanner.push(Buffer.concat(lines));
    scanner.finish();
    expect(scanner.invalidLines.map((l) => l.line)).toEqual([1, 2, 3]);
    expect(scanner.invalidLineTotal).toBe(lines.length);
  });
});
