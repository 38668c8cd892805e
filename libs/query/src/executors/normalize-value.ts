import type { ResultRow } from './executor';

/** Normalizes a SQL type name: `DECIMAL(12,2)` -> `decimal(12,2)`, `INTEGER` -> `integer`, `VARCHAR` -> `varchar`. */
export function normalizeType(type: string): string {
  return type.trim().toLowerCase().replace(/\s+/g, ' ');
}

const INTEGER_TYPES = new Set([
  'tinyint',
  'smallint',
  'integer',
  'int',
  'bigint',
  'hugeint',
  'utinyint',
  'usmallint',
  'uinteger',
  'ubigint',
]);
const FLOAT_TYPES = new Set(['double', 'float', 'real']);

/** Converts a value given as text or JSON into the ResultRow convention for its column type. */
export function normalizeValue(type: string, value: unknown): ResultRow[string] {
  if (value === null || value === undefined) return null;
  const t = normalizeType(type);
  if (t === 'boolean') return value === true || value === 'true';
  if (INTEGER_TYPES.has(t)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : String(value);
  }
  if (FLOAT_TYPES.has(t)) {
    if (typeof value === 'number') return value;
    const text = String(value);
    if (text === 'NaN' || text === 'Infinity' || text === '-Infinity') return text;
    return Number(text);
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return t.startsWith('decimal') ? String(value) : value;
  return JSON.stringify(value);
}
