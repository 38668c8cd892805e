import { TransferError } from './transfer-error';

/** Column names expected per table (file name without `.csv`), in order. */
export type ExpectedHeaders = Readonly<Record<string, readonly string[]>>;

const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks a file's header: exactly the expected columns for a table with an expectation,
 * otherwise a plausible header (non-empty, unique, printable column names).
 */
export function checkHeader(
  file: string,
  table: string,
  header: readonly string[],
  expected: ExpectedHeaders | undefined,
): void {
  const columns = expected?.[table];
  if (columns !== undefined) {
    const same = columns.length === header.length && columns.every((c, i) => c === header[i]);
    if (!same) {
      const missing = columns.filter((c) => !header.includes(c));
      const unexpected = header.filter((c) => !columns.includes(c));
      const detail = [
        missing.length > 0 ? `missing ${missing.join(', ')}` : '',
        unexpected.length > 0 ? `unexpected ${unexpected.join(', ')}` : '',
        missing.length === 0 && unexpected.length === 0 ? 'same columns in another order' : '',
      ]
        .filter(Boolean)
        .join('; ');
      throw new TransferError(
        'wrong-header',
        `${file} does not have the columns of table ${table} (${detail}). Expected: ${columns.join(',')}. Found: ${header.join(',')}. Re-export it with the expected columns.`,
      );
    }
    return;
  }
  const empty = header.findIndex((c) => c.trim() === '');
  if (empty !== -1) {
    throw new TransferError(
      'wrong-header',
      `${file} has an empty column name at position ${empty + 1} of its header. Give every column a name.`,
    );
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (CONTROL.test(column)) {
      throw new TransferError(
        'wrong-header',
        `${file} has a column name with a control character (${JSON.stringify(column)}). Fix the header line.`,
      );
    }
    if (seen.has(column)) {
      throw new TransferError(
        'wrong-header',
        `${file} names column "${column}" twice in its header. Column names must be unique.`,
      );
    }
    seen.add(column);
  }
}
