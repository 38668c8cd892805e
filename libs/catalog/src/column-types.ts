import { quoteIdentifier } from '@autocorp/duckdb/sql';
import { CatalogError } from './catalog-error';

/** Splits "a INT, b STRUCT(x INT, y VARCHAR)" at top-level commas. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    if (quoted) continue;
    if (ch === '(' || ch === '<') depth++;
    else if (ch === ')' || ch === '>') depth--;
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

function unquote(name: string): string {
  return name.startsWith('"') && name.endsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name;
}

/** A DuckDB type name (as DESCRIBE prints it) as a Glue/Hive type. */
export function duckdbTypeToGlue(duckType: string): string {
  const t = duckType.trim();
  const upper = t.toUpperCase();
  if (upper.endsWith('[]')) return `array<${duckdbTypeToGlue(t.slice(0, -2))}>`;
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/i.exec(t);
  if (decimal) return `decimal(${decimal[1]},${decimal[2]})`;
  if (upper.startsWith('STRUCT(') && upper.endsWith(')')) {
    const fields = splitTopLevel(t.slice(7, -1)).map((f) => {
      const m = /^("(?:[^"]|"")+"|\S+)\s+(.+)$/.exec(f);
      if (!m)
        throw new CatalogError('invalid-input', `Cannot read the struct field "${f}" of DuckDB type ${duckType}.`);
      return `${unquote(m[1] as string)}:${duckdbTypeToGlue(m[2] as string)}`;
    });
    return `struct<${fields.join(',')}>`;
  }
  if (upper.startsWith('MAP(') && upper.endsWith(')')) {
    const [k, v] = splitTopLevel(t.slice(4, -1));
    return `map<${duckdbTypeToGlue(k ?? 'VARCHAR')},${duckdbTypeToGlue(v ?? 'VARCHAR')}>`;
  }
  switch (upper) {
    case 'BIGINT':
    case 'UINTEGER':
      return 'bigint';
    case 'INTEGER':
    case 'USMALLINT':
      return 'int';
    case 'SMALLINT':
    case 'UTINYINT':
      return 'smallint';
    case 'TINYINT':
      return 'tinyint';
    case 'UBIGINT':
      return 'decimal(20,0)';
    case 'HUGEINT':
    case 'UHUGEINT':
      return 'decimal(38,0)';
    case 'DOUBLE':
      return 'double';
    case 'FLOAT':
      return 'float';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
      return 'date';
    case 'TIMESTAMP':
    case 'TIMESTAMP_S':
    case 'TIMESTAMP_MS':
    case 'TIMESTAMP_NS':
    case 'TIMESTAMP WITH TIME ZONE':
      return 'timestamp';
    case 'BLOB':
      return 'binary';
    default:
      // VARCHAR, UUID, TIME, INTERVAL, JSON, ENUM...: text is what Athena can read for them.
      return 'string';
  }
}

type AvroType =
  | string
  | AvroType[]
  | {
      type: AvroType;
      logicalType?: string;
      precision?: number;
      scale?: number;
      items?: AvroType;
      values?: AvroType;
      fields?: { name: string; type: AvroType }[];
    };

/** An Avro schema type (as Hudi stores it in commit metadata) as a Glue/Hive type. */
export function avroTypeToGlue(type: AvroType): string {
  if (Array.isArray(type)) {
    const nonNull = type.filter((t) => t !== 'null');
    if (nonNull.length !== 1) return 'string';
    return avroTypeToGlue(nonNull[0] as AvroType);
  }
  if (typeof type === 'string') {
    switch (type) {
      case 'int':
        return 'int';
      case 'long':
        return 'bigint';
      case 'float':
        return 'float';
      case 'double':
        return 'double';
      case 'boolean':
        return 'boolean';
      case 'bytes':
        return 'binary';
      default:
        return 'string';
    }
  }
  if (type.logicalType === 'decimal') return `decimal(${type.precision ?? 38},${type.scale ?? 0})`;
  if (type.logicalType === 'date') return 'date';
  if (type.logicalType?.startsWith('timestamp') || type.logicalType?.startsWith('local-timestamp')) return 'timestamp';
  if (type.type === 'array') return `array<${avroTypeToGlue(type.items ?? 'string')}>`;
  if (type.type === 'map') return `map<string,${avroTypeToGlue(type.values ?? 'string')}>`;
  if (type.type === 'record')
    return `struct<${(type.fields ?? []).map((f) => `${f.name}:${avroTypeToGlue(f.type)}`).join(',')}>`;
  if (type.type === 'fixed') return 'binary';
  return avroTypeToGlue(type.type);
}

/** Fields of an Avro record schema (JSON text) as columns. */
export function avroSchemaToColumns(schemaJson: string): { name: string; type: string }[] {
  let schema: { type?: string; fields?: { name: string; type: AvroType }[] };
  try {
    schema = JSON.parse(schemaJson) as typeof schema;
  } catch (error) {
    throw new CatalogError('unreadable-file', `A Hudi Avro schema is not valid JSON (${(error as Error).message}).`, {
      cause: error,
    });
  }
  if (schema.type !== 'record' || !Array.isArray(schema.fields)) {
    throw new CatalogError(
      'unreadable-file',
      'A Hudi Avro schema is not a record schema; the table metadata may be damaged.',
    );
  }
  return schema.fields.map((f) => ({ name: f.name, type: avroTypeToGlue(f.type) }));
}

const NUMERIC_RANK: Record<string, number> = { tinyint: 1, smallint: 2, int: 3, bigint: 4, float: 5, double: 6 };

/**
 * The narrowest Glue type that holds values of both types, for merging what different files say.
 * Integers widen to larger integers, then to double; date and timestamp give timestamp; anything else gives string.
 */
export function widenGlueTypes(a: string, b: string): string {
  if (a === b) return a;
  const da = /^decimal\((\d+),(\d+)\)$/.exec(a);
  const db = /^decimal\((\d+),(\d+)\)$/.exec(b);
  if (da && db) {
    const scale = Math.max(Number(da[2]), Number(db[2]));
    const integer = Math.max(Number(da[1]) - Number(da[2]), Number(db[1]) - Number(db[2]));
    return `decimal(${Math.min(38, integer + scale)},${scale})`;
  }
  const ra = NUMERIC_RANK[a];
  const rb = NUMERIC_RANK[b];
  if (ra !== undefined && rb !== undefined) return ra >= rb ? a : b;
  if (a.startsWith('decimal') && rb !== undefined) return rb >= 5 ? b : a;
  if (b.startsWith('decimal') && ra !== undefined) return ra >= 5 ? a : b;
  if ((a === 'date' && b === 'timestamp') || (a === 'timestamp' && b === 'date')) return 'timestamp';
  return 'string';
}

/** A Glue/Hive type as a DuckDB type, for typed empty relations and casts. */
export function glueTypeToDuckdb(glueType: string): string {
  const t = glueType.trim().toLowerCase();
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(t);
  if (decimal) return `DECIMAL(${decimal[1]},${decimal[2]})`;
  if (t.startsWith('array<') && t.endsWith('>')) return `${glueTypeToDuckdb(glueType.trim().slice(6, -1))}[]`;
  if (t.startsWith('map<') && t.endsWith('>')) {
    const [k, v] = splitTopLevel(glueType.trim().slice(4, -1));
    return `MAP(${glueTypeToDuckdb(k ?? 'string')}, ${glueTypeToDuckdb(v ?? 'string')})`;
  }
  if (t.startsWith('struct<') && t.endsWith('>')) {
    const fields = splitTopLevel(glueType.trim().slice(7, -1)).map((f) => {
      const colon = f.indexOf(':');
      return `${quoteIdentifier(f.slice(0, colon))} ${glueTypeToDuckdb(f.slice(colon + 1))}`;
    });
    return `STRUCT(${fields.join(', ')})`;
  }
  const simple: Record<string, string> = {
    string: 'VARCHAR',
    int: 'INTEGER',
    integer: 'INTEGER',
    bigint: 'BIGINT',
    smallint: 'SMALLINT',
    tinyint: 'TINYINT',
    boolean: 'BOOLEAN',
    float: 'FLOAT',
    double: 'DOUBLE',
    date: 'DATE',
    timestamp: 'TIMESTAMP',
    binary: 'BLOB',
  };
  return simple[t] ?? (t.startsWith('varchar') || t.startsWith('char') ? 'VARCHAR' : 'VARCHAR');
}
