const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * A value as text that does not depend on the engine's spelling: numbers and decimal strings as
 * exact decimals without trailing zeros (`2322.10` and `2322.1` agree, `340` and 340 agree), other
 * text unchanged, NULL as null. No rounding: values that differ in any digit stay different.
 */
export function canonicalValue(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'number' ? String(value) : String(value);
  if (!DECIMAL_TEXT.test(text)) return text;
  const [whole = '', fraction = ''] = text.split('.');
  const trimmed = fraction.replace(/0+$/, '');
  const result = trimmed ? `${whole}.${trimmed}` : whole;
  return result === '-0' ? '0' : result;
}

export function canonicalRows(rows: readonly Record<string, unknown>[]): Record<string, string | null>[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, canonicalValue(v)])));
}
