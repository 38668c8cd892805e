/** A source column as PostgreSQL describes it (catalog or Relation message). */
export interface SourceColumn {
  readonly name: string;
  readonly typeOid: number;
  readonly typeMod: number;
  readonly isKey: boolean;
}

const VARCHAR = 'VARCHAR';
/** DuckDB's (and Parquet's practical) DECIMAL limit. */
const MAX_DECIMAL_PRECISION = 38;

const SIMPLE_TYPES: Readonly<Record<number, string>> = {
  16: 'BOOLEAN',
  20: 'BIGINT',
  21: 'SMALLINT',
  23: 'INTEGER',
  26: 'BIGINT', // oid
  700: 'FLOAT',
  701: 'DOUBLE',
  1082: 'DATE',
  1083: 'TIME',
  1114: 'TIMESTAMP',
  1184: 'TIMESTAMPTZ',
  1266: 'TIMETZ',
  114: 'JSON',
  3802: 'JSON',
  2950: 'UUID',
  17: 'BLOB',
};

const NUMERIC_OID = 1700;
const BYTEA_OID = 17;

/**
 * The DuckDB (and so Parquet) type for a PostgreSQL type: integers, floats, DECIMAL(p,s) for
 * numeric(p,s) up to precision 38, dates and timestamps, booleans, JSON, UUID, BLOB; text,
 * varchar, char, unconstrained numeric, intervals, arrays, enums and the rest as VARCHAR (exact text).
 */
export function lakeType(column: Pick<SourceColumn, 'typeOid' | 'typeMod'>): string {
  if (column.typeOid === NUMERIC_OID) {
    if (column.typeMod < 4) return VARCHAR;
    const precision = ((column.typeMod - 4) >> 16) & 0xffff;
    const scale = (column.typeMod - 4) & 0xffff;
    if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale > precision) return VARCHAR;
    return `DECIMAL(${precision},${scale})`;
  }
  return SIMPLE_TYPES[column.typeOid] ?? VARCHAR;
}

/** A DuckDB expression turning PostgreSQL's text form (in `sourceExpr`, a VARCHAR) into the lake type. */
export function castFromText(sourceExpr: string, column: Pick<SourceColumn, 'typeOid' | 'typeMod'>): string {
  const type = lakeType(column);
  if (type === VARCHAR) return sourceExpr;
  if (column.typeOid === BYTEA_OID) return `unhex(substr(${sourceExpr}, 3))`;
  return `CAST(${sourceExpr} AS ${type})`;
}

/** True when two column lists describe the same table shape (names, types, modifiers, key flags). */
export function sameColumns(a: readonly SourceColumn[], b: readonly SourceColumn[]): boolean {
  return (
    a.length === b.length &&
    a.every((col, i) => {
      const other = b[i];
      return (
        other !== undefined && other.name === col.name && other.typeOid === col.typeOid && other.typeMod === col.typeMod
      );
    })
  );
}
