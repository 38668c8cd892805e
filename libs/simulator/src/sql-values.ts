/** A `timestamp(6)` literal (UTC, no zone) for a time in milliseconds since the epoch. */
export function sqlTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** A PostgreSQL numeric as read by `pg` ("1234.5", "-3.05", "12") in integer cents, exactly. */
export function parseCents(value: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2})\d*)?$/.exec(value.trim());
  if (!match) throw new RangeError(`not a money amount: ${JSON.stringify(value)}`);
  const cents = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}
