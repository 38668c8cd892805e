import type { ExpectedHeaders } from './header-check';
import { TransferError } from './transfer-error';

/**
 * Checks that a CSV file names a known table (file name without `.csv`, compared exactly: a file
 * that differs only in case is refused too, with the name it should have). Without a list of
 * tables every name is accepted.
 */
export function checkKnownTable(file: string, table: string, expected: ExpectedHeaders | undefined): void {
  if (expected === undefined || Object.hasOwn(expected, table)) return;
  const known = Object.keys(expected).sort();
  const sameLetters = known.find((name) => name.toLowerCase() === table.toLowerCase());
  const hint =
    sameLetters !== undefined
      ? ` Rename it to ${sameLetters}.csv (names are case-sensitive).`
      : ' Rename it to one of these, or add the table to the jobs that read CSV exports.';
  throw new TransferError(
    'unknown-table',
    `${file} is not a known CSV export: no job reads a table named "${table}". Known files: ${known.map((name) => `${name}.csv`).join(', ')}.${hint}`,
  );
}
