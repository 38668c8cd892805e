import type { ColumnType } from '@autocorp/etl-jobs';

/**
 * The complete written form of a field of each column type, where one can be told: a field cut
 * short (e.g. the last line of a file without a final line break) often still casts, so the last
 * record of such a file is held to this form. `undefined` when any cut of a valid value is valid too.
 */
export function completeFieldForm(
  type: ColumnType,
): { readonly pattern: RegExp; readonly example: string } | undefined {
  if (type === 'TIMESTAMP')
    return { pattern: /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d+)?$/, example: 'YYYY-MM-DD HH:MM:SS' };
  if (type === 'DATE') return { pattern: /^\d{4}-\d{2}-\d{2}$/, example: 'YYYY-MM-DD' };
  const decimal = /^DECIMAL\(\d+,(\d+)\)$/.exec(type);
  if (decimal) {
    const scale = Number(decimal[1]);
    return scale === 0
      ? { pattern: /^[+-]?\d+$/, example: 'digits without a fraction' }
      : { pattern: new RegExp(`^[+-]?\\d+\\.\\d{${scale}}$`), example: `${scale} digits after the point` };
  }
  return undefined;
}

/** Why a non-empty field did not cast to its column type (the quarantine reason of a parse failure). */
export function describeUnparsedField(column: string, type: ColumnType, text: string | undefined): string {
  const value = text === undefined ? 'its value' : JSON.stringify(text);
  if (type === 'TIMESTAMP' && text !== undefined && /^\s*\d{4}-\d{1,2}-\d{1,2}\s*$/.test(text)) {
    return `${column} ${value} is a date without a time of day, not a TIMESTAMP`;
  }
  return `${column} ${value} does not parse as ${type}`;
}
