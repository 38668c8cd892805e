import { describe, expect, it } from 'vitest';
import { maskContactDetails } from '../../src/guardrails/contact-details';
import { maskingStream } from '../../src/model-loop/index';
import { pieces } from '../../testing/scripted-model';

const DETAILS = ['maria.lopez@example.org', '(512) 555-0147', '1600 Oak Ridge Road'];
const TEXT =
  `Order 1042 was paid by card. Contact ${DETAILS[0]} or ${DETAILS[1]}; billing at ${DETAILS[2]}, Austin TX. `.repeat(
    3,
  );

describe('maskingStream', () => {
  it('masks a streamed text as a whole whatever its deltas, never emitting part of a detail', () => {
    expect(maskContactDetails(TEXT)).not.toContain('maria');
    for (let size = 1; size <= 40; size++) {
      const emitted: string[] = [];
      const stream = maskingStream(maskContactDetails, (text) => emitted.push(text));
      for (const piece of pieces(TEXT, size)) stream.push(piece);
      const beforeEnd = emitted.join('');
      stream.end();
      expect(emitted.join(''), `deltas of ${size}`).toBe(maskContactDetails(TEXT));
      expect(beforeEnd.length, `deltas of ${size} stream before the end`).toBeGreaterThan(0);
      for (const part of ['maria', '(512)', '1600 Oak']) expect(emitted.join('')).not.toContain(part);
    }
  });
});
