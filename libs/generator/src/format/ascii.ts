/** Throws unless every string is plain ASCII: the output writers encode one byte per character. */
export function assertAscii(what: string, values: Iterable<string>): void {
  for (const value of values) {
    if (/[^\x20-\x7e]/.test(value))
      throw new RangeError(`${what} value ${JSON.stringify(value)} is not printable ASCII`);
  }
}
