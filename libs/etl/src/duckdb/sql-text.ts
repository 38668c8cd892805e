/** A DuckDB string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A DuckDB list of string literals. */
export function sqlStringList(values: readonly string[]): string {
  return `[${values.map(sqlString).join(', ')}]`;
}

/** A DuckDB identifier, quoted. */
export function sqlIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
