import { CdcError } from './cdc-error';

/** A PostgreSQL WAL position (pg_lsn) as an unsigned 64-bit integer. */
export type Lsn = bigint;

/** Parses `16/B374D848` into a bigint. */
export function parseLsn(text: string): Lsn {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text.trim());
  if (!match) throw new CdcError('protocol', `"${text}" is not a PostgreSQL LSN (expected the form 16/B374D848).`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/** Formats a bigint as PostgreSQL writes an LSN: `16/B374D848`. */
export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** Sixteen upper-case hex digits, so that names sort in LSN order. */
export function lsnHex16(lsn: Lsn): string {
  return lsn.toString(16).toUpperCase().padStart(16, '0');
}

export function maxLsn(a: Lsn, b: Lsn): Lsn {
  return a > b ? a : b;
}
