import type { DuckDBConnection } from '@duckdb/node-api';
import { invalidRecordKeySql, partitionPathSql, recordKeySql } from '../../config/key-generator';
import type { TableConfig } from '../../config/table-config';
import { HudiError } from '../../hudi-error';
import { isMetaField } from '../../schema/meta-fields';
import { fieldForDuckdbType, type TableField } from '../../schema/table-schema';
import { quoteIdentifier as ident } from '@autocorp/duckdb/sql';
import type { WriteOperation } from './write-options';

/** Turns the caller's source (a SQL query or a table/view name) into a FROM item. */
export function sourceSql(source: string): string {
  const text = source.trim();
  if (/^(select|with|from|values|\(|table\s)/i.test(text)) return `(${text})`;
  if (/^[A-Za-z_][\w$]*(\.[A-Za-z_][\w$]*){0,2}$/.test(text)) return text;
  if (/^"[^"]+"$/.test(text)) return text;
  throw new HudiError(
    'invalid-option',
    `Write source "${source.slice(0, 80)}" is neither a SELECT query nor a table or view name; pass e.g. "SELECT * FROM staged_orders" or "staged_orders".`,
  );
}

/** Casts an incoming column to the type base files hold. */
export function castTo(expression: string, fromType: string, toType: string): string {
  const from = fromType.toUpperCase();
  if (toType === 'TIMESTAMP WITH TIME ZONE' && from.startsWith('TIMESTAMP') && !from.includes('TIME ZONE')) {
    return `timezone('UTC', CAST(${expression} AS TIMESTAMP))`;
  }
  if (from === toType.toUpperCase()) return expression;
  return `CAST(${expression} AS ${toType})`;
}

export interface StagedInput {
  /** Temp table with `_hoodie_record_key`, `_hoodie_partition_path` and the target fields. */
  name: string;
  /** Columns of the table after this write (existing schema plus new columns). */
  fields: TableField[];
  rows: number;
}

/** The caller's records as Hudi will write them, not yet materialised. */
export interface IncomingRecords {
  /** A FROM item: `_hoodie_record_key`, `_hoodie_partition_path`, then the target fields (deduplicated when asked). */
  from: string;
  /** Columns of the table after this write (existing schema plus new columns). */
  fields: TableField[];
  /** True when `from` also has `__hudi_rowid`, the source table's rowid (unique per record). */
  hasRowId: boolean;
}

/** Whether `source` names a DuckDB base table (which has a rowid), not a view or a query. */
async function isBaseTable(connection: DuckDBConnection, source: string): Promise<boolean> {
  const name = source.trim();
  if (!/^[A-Za-z_][\w$]*$/.test(name)) return false;
  const found = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT FROM duckdb_tables() WHERE table_name = '${name}'`,
  );
  return Number(found.getRows()[0]?.[0] ?? 0) === 1;
}

/**
 * Reads the caller's records as a query with record keys and partition paths computed as Hudi's key
 * generators do, cast to the table's types. With `combine` (Hudi's `hoodie.combine.before.upsert`), records
 * are de-duplicated by key: the larger precombine value wins, on a tie the later input row. The key is the
 * record key and partition path, or the record key alone for a global index (as HoodieWriteHelper does).
 */
export async function planIncoming(
  connection: DuckDBConnection,
  config: TableConfig,
  existing: TableField[],
  source: string,
  operation: WriteOperation,
  combine: boolean,
  globalIndex = false,
): Promise<IncomingRecords> {
  const from = sourceSql(source);
  const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
  const incoming = new Map<string, string>();
  for (const row of described.getRowObjectsJson()) incoming.set(String(row['column_name']), String(row['column_type']));
  const where = `table ${config.tableName}`;
  const needed = [...config.recordKeyFields, ...config.partitionFields];
  if (operation === 'upsert' && config.precombineField) needed.push(config.precombineField);
  for (const field of needed) {
    if (!incoming.has(field)) {
      throw new HudiError(
        'schema-mismatch',
        `The records for ${operation} on ${where} have no column "${field}" (a record key, partition or precombine field); add it to the source query.`,
      );
    }
  }
  let fields: TableField[] = existing;
  if (operation !== 'delete') {
    fields = [...existing];
    for (const [column, type] of incoming) {
      if (isMetaField(column)) continue;
      if (fields.some((f) => f.name === column)) continue;
      const field = fieldForDuckdbType(config.tableName, column, type);
      if (!field) {
        throw new HudiError(
          'schema-mismatch',
          `Column "${column}" of the records for ${where} has type ${type}, which Hudi/Spark tables cannot hold; cast it (e.g. to VARCHAR, BIGINT, DOUBLE, DECIMAL, DATE or TIMESTAMP) in the source query.`,
        );
      }
      fields.push(field);
    }
    for (const field of fields) {
      const type = incoming.get(field.name);
      if (type && type.includes('(') && /STRUCT|MAP|\[\]/.test(type) && !/STRUCT|MAP|\[\]/.test(field.duckdbType)) {
        throw new HudiError(
          'schema-mismatch',
          `Column "${field.name}" of ${where} is ${field.duckdbType} but the records hold ${type}; cast it in the source query.`,
        );
      }
    }
  }
  const columns = fields.map((f) => {
    const type = incoming.get(f.name);
    return type === undefined
      ? `CAST(NULL AS ${f.duckdbType}) AS ${ident(f.name)}`
      : `${castTo(ident(f.name), type, f.duckdbType)} AS ${ident(f.name)}`;
  });
  const keyColumns = [
    `${recordKeySql(config)} AS _hoodie_record_key`,
    `${partitionPathSql(config)} AS _hoodie_partition_path`,
  ];
  const invalid = await connection.runAndReadAll(
    `SELECT count(*)::BIGINT FROM ${from} WHERE ${invalidRecordKeySql(config)}`,
  );
  const bad = invalid.getRows()[0]?.[0] as bigint;
  if (bad > 0n) {
    throw new HudiError(
      'invalid-record',
      `${bad} of the records for ${where} have a null or empty record key (${config.recordKeyFields.join(', ')}); Hudi rejects them. Filter or fill those rows in the source query.`,
    );
  }
  const hasRowId = await isBaseTable(connection, source);
  const rowId = hasRowId ? ['rowid AS __hudi_rowid'] : [];
  const output = [
    '_hoodie_record_key',
    '_hoodie_partition_path',
    ...fields.map((f) => ident(f.name)),
    ...(hasRowId ? ['__hudi_rowid'] : []),
  ].join(', ');
  if (!combine)
    return { from: `(SELECT ${[...keyColumns, ...columns, ...rowId].join(', ')} FROM ${from})`, fields, hasRowId };
  const ordering =
    operation === 'upsert' && config.precombineField ? `${ident(config.precombineField)} DESC NULLS LAST, ` : '';
  const select = `SELECT ${[...keyColumns, ...columns, ...rowId, 'row_number() OVER () AS __hudi_ord'].join(', ')} FROM ${from}`;
  return {
    from: `(SELECT ${output} FROM (${select}) QUALIFY row_number() OVER (PARTITION BY _hoodie_record_key${globalIndex ? '' : ', _hoodie_partition_path'} ORDER BY ${ordering}__hudi_ord DESC) = 1)`,
    fields,
    hasRowId,
  };
}

/** Materialises the planned records as the temp table `name`. */
export async function stageIncoming(
  connection: DuckDBConnection,
  records: IncomingRecords,
  name: string,
): Promise<StagedInput> {
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * ${records.hasRowId ? 'EXCLUDE (__hudi_rowid)' : ''} FROM ${records.from}`,
  );
  const count = await connection.runAndReadAll(`SELECT count(*)::BIGINT FROM ${name}`);
  return { name, fields: records.fields, rows: Number(count.getRows()[0]?.[0] ?? 0) };
}
