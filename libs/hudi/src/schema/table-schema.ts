import { HudiError } from '../hudi-error';
import { META_FIELDS } from './meta-fields';

/** Avro type of one field (the non-null branch of its union). */
export type AvroFieldType =
  | string
  | { type: string; logicalType?: string; precision?: number; scale?: number; [extra: string]: unknown }
  | unknown[];

/** One data column of a table. */
export interface TableField {
  name: string;
  /** Avro type without the null branch. */
  avro: AvroFieldType;
  /** DuckDB type the column has in base files as this engine writes them (and how readers see it). */
  duckdbType: string;
}

/** The data columns of a table (no meta columns), in schema order. */
export interface TableSchema {
  tableName: string;
  fields: TableField[];
}

function nonNull(type: unknown): unknown {
  if (Array.isArray(type)) {
    const branches = type.filter((branch) => branch !== 'null');
    return branches.length === 1 ? branches[0] : branches;
  }
  return type;
}

/** DuckDB type for an Avro type, as DuckDB reads the Parquet column Hudi writes for it. */
export function avroToDuckdb(type: unknown): string {
  const t = nonNull(type);
  if (typeof t === 'string') {
    const primitive: Record<string, string> = {
      int: 'INTEGER',
      long: 'BIGINT',
      string: 'VARCHAR',
      boolean: 'BOOLEAN',
      float: 'FLOAT',
      double: 'DOUBLE',
      bytes: 'BLOB',
    };
    return primitive[t] ?? 'VARCHAR';
  }
  if (Array.isArray(t)) return 'VARCHAR';
  const o = t as {
    type: string;
    logicalType?: string;
    precision?: number;
    scale?: number;
    items?: unknown;
    values?: unknown;
    fields?: { name: string; type: unknown }[];
  };
  if (o.logicalType === 'decimal') return `DECIMAL(${o.precision ?? 38},${o.scale ?? 0})`;
  if (o.logicalType === 'date') return 'DATE';
  if (o.logicalType === 'timestamp-micros' || o.logicalType === 'timestamp-millis') return 'TIMESTAMP WITH TIME ZONE';
  if (o.logicalType === 'local-timestamp-micros' || o.logicalType === 'local-timestamp-millis') return 'TIMESTAMP';
  if (o.type === 'array') return `${avroToDuckdb(o.items)}[]`;
  if (o.type === 'map') return `MAP(VARCHAR, ${avroToDuckdb(o.values)})`;
  if (o.type === 'record')
    return `STRUCT(${(o.fields ?? []).map((f) => `"${f.name}" ${avroToDuckdb(f.type)}`).join(', ')})`;
  return avroToDuckdb(o.type);
}

/** Parses a table's Avro record schema (commit `extraMetadata.schema` or `hoodie.table.create.schema`), leaving out meta columns. */
export function parseTableSchema(avroJson: string, what: string): TableSchema {
  let parsed: { name?: string; fields?: { name: string; type: unknown }[] };
  try {
    parsed = JSON.parse(avroJson);
  } catch (error) {
    throw new HudiError(
      'corrupt-timeline',
      `The Avro schema in ${what} is not valid JSON; repair the commit or hoodie.properties.`,
      { cause: error },
    );
  }
  if (!Array.isArray(parsed.fields))
    throw new HudiError('corrupt-timeline', `The Avro schema in ${what} is not a record schema with fields.`);
  const tableName = (parsed.name ?? '').replace(/_record$/, '');
  const fields = parsed.fields
    .filter((f) => !(META_FIELDS as readonly string[]).includes(f.name))
    .map((f) => ({ name: f.name, avro: nonNull(f.type) as AvroFieldType, duckdbType: avroToDuckdb(f.type) }));
  return { tableName, fields };
}

/** The record schema Spark's Hudi writer produces: `<table>_record` in namespace `hoodie.<table>`, nullable unions with default null. */
export function tableAvroSchema(tableName: string, fields: TableField[], withMetaFields = false): string {
  const meta = withMetaFields
    ? META_FIELDS.map((name) => ({ name, type: ['null', 'string'], doc: '', default: null }))
    : [];
  return JSON.stringify({
    type: 'record',
    name: `${tableName}_record`,
    namespace: `hoodie.${tableName}`,
    fields: [...meta, ...fields.map((f) => ({ name: f.name, type: ['null', f.avro], default: null }))],
  });
}

/** Avro type and written DuckDB type for a DuckDB column type of incoming data; undefined when Hudi/Spark cannot hold it. */
export function fieldForDuckdbType(tableName: string, name: string, duckdbType: string): TableField | undefined {
  const t = duckdbType.toUpperCase();
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(t);
  if (decimal) {
    const scale = Number(decimal[2]);
    return {
      name,
      avro: {
        type: 'fixed',
        name: 'fixed',
        namespace: `hoodie.${tableName}.${tableName}_record.${name}`,
        size: 16,
        logicalType: 'decimal',
        precision: 38,
        scale,
      },
      duckdbType: `DECIMAL(38,${scale})`,
    };
  }
  const simple: Record<string, [AvroFieldType, string]> = {
    BOOLEAN: ['boolean', 'BOOLEAN'],
    TINYINT: ['int', 'INTEGER'],
    SMALLINT: ['int', 'INTEGER'],
    INTEGER: ['int', 'INTEGER'],
    UTINYINT: ['int', 'INTEGER'],
    USMALLINT: ['int', 'INTEGER'],
    UINTEGER: ['long', 'BIGINT'],
    BIGINT: ['long', 'BIGINT'],
    FLOAT: ['float', 'FLOAT'],
    DOUBLE: ['double', 'DOUBLE'],
    VARCHAR: ['string', 'VARCHAR'],
    UUID: ['string', 'VARCHAR'],
    BLOB: ['bytes', 'BLOB'],
    DATE: [{ type: 'int', logicalType: 'date' }, 'DATE'],
    TIMESTAMP: [{ type: 'long', logicalType: 'timestamp-micros' }, 'TIMESTAMP WITH TIME ZONE'],
    'TIMESTAMP WITH TIME ZONE': [{ type: 'long', logicalType: 'timestamp-micros' }, 'TIMESTAMP WITH TIME ZONE'],
    TIMESTAMP_S: [{ type: 'long', logicalType: 'timestamp-micros' }, 'TIMESTAMP WITH TIME ZONE'],
    TIMESTAMP_MS: [{ type: 'long', logicalType: 'timestamp-micros' }, 'TIMESTAMP WITH TIME ZONE'],
    TIMESTAMP_NS: [{ type: 'long', logicalType: 'timestamp-micros' }, 'TIMESTAMP WITH TIME ZONE'],
  };
  const found = simple[t] ?? (t.startsWith('ENUM(') ? (['string', 'VARCHAR'] as [AvroFieldType, string]) : undefined);
  return found ? { name, avro: found[0], duckdbType: found[1] } : undefined;
}
