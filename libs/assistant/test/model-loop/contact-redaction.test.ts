import { describe, expect, it } from 'vitest';
import { REDACTED, redactContactDetails, redactingStream } from '../../src/model-loop/index';
import { pieces } from '../support/scripted-model';

const DETAILS = ['maria.lopez@example.org', '(512) 555-0147', '512-555-0199', '1600 Oak Ridge Road'];
const TEXT =
  `Order 1042 was paid by card. Contact ${DETAILS[0]} or ${DETAILS[1]}; billing at ${DETAILS[3]}, Austin TX. `.repeat(
    3,
  );

describe('contact details redaction', () => {
  it('replaces emails, phone numbers and street addresses, and keeps the rest', () => {
    const redacted = redactContactDetails(`${TEXT} Call ${DETAILS[2]}.`);
    for (const detail of DETAILS) expect(redacted).not.toContain(detail);
    expect(redacted).toContain('Order 1042 was paid by card.');
    expect(redacted.split(REDACTED)).toHaveLength(3 * 3 + 2);
  });

  it('redacts a streamed text the same whatever its deltas, never emitting part of a detail', () => {
    for (let size = 1; size <= 40; size++) {
      const emitted: string[] = [];
      const stream = redactingStream((text) => emitted.push(text));
      for (const piece of pieces(TEXT, size)) stream.push(piece);
      const beforeEnd = emitted.join('');
      stream.end();
      expect(emitted.join(''), `deltas of ${size}`).toBe(redactContactDetails(TEXT));
      expect(beforeEnd.length, `deltas of ${size} stream before the end`).toBeGreaterThan(0);
      for (const part of ['maria', '(512)', '1600 Oak']) expect(emitted.join('')).not.toContain(part);
    }
  });
});
