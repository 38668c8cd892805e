const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** North American phone numbers as the source data writes them: (555) 123-4567, 555-123-4567, +1 555.123.4567. */
const PHONE = /(?:\+?1[\s.-]?)?(?:\(\d{3}\)|\d{3})[\s.-]\d{3}[\s.-]\d{4}\b/g;
/** A street address: a house number, street words and a street type. */
const STREET =
  /\b\d{1,6}\s+(?:[A-Z][A-Za-z]*\.?\s+){1,4}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Ct|Court|Way|Pl|Place|Pkwy|Parkway|Ter|Terrace|Cir|Circle|Hwy|Highway)\b/g;
const PATTERNS = [EMAIL, PHONE, STREET];

export const REDACTED = '[redacted]';
/** The longest contact detail the streamed text holds back for (an address of four street words, an email). */
const HOLD_BACK = 96;

interface Span {
  start: number;
  end: number;
}

/** Where text holds contact details, merged and in order. */
function contactSpans(text: string): Span[] {
  const spans = PATTERNS.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
  ).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** `text[from, to)` with the spans in it replaced by [redacted]. */
function redactRange(text: string, from: number, to: number, spans: readonly Span[]): string {
  let out = '';
  let at = from;
  for (const span of spans) {
    if (span.end <= from || span.start >= to) continue;
    out += text.slice(at, Math.max(at, span.start)) + REDACTED;
    at = Math.max(at, Math.min(span.end, to));
  }
  return out + text.slice(at, to);
}

/** Text with customer contact details (email addresses, phone numbers, street addresses) replaced by [redacted]. */
export function redactContactDetails(text: string): string {
  return redactRange(text, 0, text.length, contactSpans(text));
}

/**
 * Redacts streamed text: a detail may arrive split over deltas, so the last characters are held back until more
 * text shows whether they are part of one, and nothing is emitted inside a detail. `end()` flushes the rest.
 */
export function redactingStream(emit: (text: string) => void): { push(delta: string): void; end(): void } {
  let raw = '';
  let emitted = 0;
  const flush = (final: boolean) => {
    const spans = contactSpans(raw);
    let cut = final ? raw.length : raw.lastIndexOf(' ', raw.length - HOLD_BACK);
    if (!final) for (const span of spans) if (span.start < cut && span.end > cut) cut = span.start;
    if (cut <= emitted) return;
    emit(redactRange(raw, emitted, cut, spans));
    emitted = cut;
  };
  return {
    push(delta) {
      raw += delta;
      flush(false);
    },
    end: () => flush(true),
  };
}
