/** Microseconds between the Unix epoch and PostgreSQL's epoch (2000-01-01 UTC). */
const PG_EPOCH_OFFSET_MICROS = 946_684_800_000_000n;

/** PostgreSQL protocol timestamps (microseconds since 2000-01-01) to microseconds since the Unix epoch. */
export function pgMicrosToUnixMicros(pgMicros: bigint): bigint {
  return pgMicros + PG_EPOCH_OFFSET_MICROS;
}

/** The current time as a PostgreSQL protocol timestamp. */
export function nowPgMicros(): bigint {
  return BigInt(Date.now()) * 1000n - PG_EPOCH_OFFSET_MICROS;
}

export function unixMicrosToDate(unixMicros: bigint): Date {
  return new Date(Number(unixMicros / 1000n));
}
