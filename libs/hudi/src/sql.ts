/** A SQL identifier in double quotes. */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal. */
export function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** `[ 'a', 'b' ]` for read_parquet. */
export function literalList(values: string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}
