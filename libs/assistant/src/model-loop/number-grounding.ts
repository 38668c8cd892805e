/** A number as written in text: digits with optional thousands separators and decimals ("1,234.50", "12", "0.5"). */
const NUMBER_IN_TEXT = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;

function numbersIn(text: string): number[] {
  return [...text.matchAll(NUMBER_IN_TEXT)].map((m) => Number(m[0].replace(/,/g, '')));
}

/** Every number in a JSON value: numeric values and the numbers written inside strings (decimals, dates). */
function collectNumbers(value: unknown, into: number[]): void {
  if (typeof value === 'number') into.push(value);
  else if (typeof value === 'string') into.push(...numbersIn(value));
  else if (Array.isArray(value)) for (const item of value) collectNumbers(item, into);
  else if (value !== null && typeof value === 'object')
    for (const item of Object.values(value)) collectNumbers(item, into);
}

/** Whether `n` is one of `known`, exactly or as the model would round it (to 0, 1 or 2 decimals, or as a percentage). */
function isKnown(n: number, known: readonly number[]): boolean {
  return known.some((k) => {
    if (k === n) return true;
    for (const digits of [0, 1, 2]) {
      const factor = 10 ** digits;
      if (Math.round(k * factor) / factor === n || Math.round(k * 100 * factor) / factor === n) return true;
    }
    return false;
  });
}

/**
 * The numbers of a model's answer that no tool result and not the question contain: what the model made up.
 * Small counting words the model writes as digits (1-10, "top 5") pass; everything else must be found.
 */
export function ungroundedNumbers(answerText: string, sources: readonly unknown[]): number[] {
  const known: number[] = [];
  for (const source of sources) collectNumbers(source, known);
  return numbersIn(answerText).filter((n) => !(Number.isInteger(n) && n >= 0 && n <= 10) && !isKnown(n, known));
}
