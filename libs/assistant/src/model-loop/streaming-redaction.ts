/** The longest detail a mask may hide (an address of four street words, an email): the streamed text holds this back. */
const HOLD_BACK = 96;

/**
 * Masks streamed text with `mask` (e.g. maskContactDetails): a detail may arrive split over deltas, so text is
 * emitted only up to a space at least HOLD_BACK characters before the end where masking the two sides apart gives
 * the same text as masking them together (no detail crosses the cut). `end()` flushes the rest.
 */
export function maskingStream(
  mask: (text: string) => string,
  emit: (text: string) => void,
): { push(delta: string): void; end(): void } {
  let raw = '';
  let emitted = 0;
  const cleanCut = (cut: number) => mask(raw.slice(emitted, cut)) + mask(raw.slice(cut)) === mask(raw.slice(emitted));
  const flush = (final: boolean) => {
    let cut = final ? raw.length : raw.lastIndexOf(' ', raw.length - HOLD_BACK);
    while (!final && cut > emitted && !cleanCut(cut)) cut = raw.lastIndexOf(' ', cut - 1);
    if (cut <= emitted) return;
    emit(mask(raw.slice(emitted, cut)));
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
