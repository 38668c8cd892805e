import { type Lsn, tryParseLsn } from '@autocorp/lake-storage';
import { CdcError } from './cdc-error';

// The LSN's text and file-name forms belong to the lake layout (@autocorp/lake-storage).
export { type Lsn, formatLsn } from '@autocorp/lake-storage';

/** Parses `16/B374D848` into a bigint. */
export function parseLsn(text: string): Lsn {
  const lsn = tryParseLsn(text);
  if (lsn === undefined)
    throw new CdcError('protocol', `"${text}" is not a PostgreSQL LSN (expected the form 16/B374D848).`);
  return lsn;
}

export function maxLsn(a: Lsn, b: Lsn): Lsn {
  return a > b ? a : b;
}
