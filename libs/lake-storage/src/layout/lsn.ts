/** A PostgreSQL WAL position (pg_lsn) as an unsigned 64-bit integer. */
export type Lsn = bigint;

const LSN_TEXT = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/;

/**
 * Parses an LSN as PostgreSQL writes it (`16/B374D848`), the form the CDC state files and the ETL
 * bookmarks keep; undefined when `text` is not one (each caller raises its own error).
 */
export function tryParseLsn(text: string): Lsn | undefined {
  const match = LSN_TEXT.exec(text.trim());
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : undefined;
}

/** Formats an LSN as PostgreSQL writes it: `16/B374D848`. */
export function formatLsn(lsn: Lsn): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

/** Sixteen upper-case hex digits, so that names sort in LSN order. */
export function lsnHex16(lsn: Lsn): string {
  return lsn.toString(16).toUpperCase().padStart(16, '0');
}
