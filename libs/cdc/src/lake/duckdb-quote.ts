/** Quotes a DuckDB identifier. */
export function duckIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a DuckDB string literal. */
export function duckLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
