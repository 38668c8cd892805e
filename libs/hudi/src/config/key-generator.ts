import { quoteIdentifier as ident, quoteLiteral as literal } from '@autocorp/duckdb/sql';
import { DEFAULT_PARTITION_PATH } from './partition-path';
import type { TableConfig } from './table-config';

type KeySettings = Pick<
  TableConfig,
  'recordKeyFields' | 'partitionFields' | 'keyGenerator' | 'hiveStylePartitioning' | 'urlEncodePartitioning'
>;

const asText = (column: string): string => `CAST(${ident(column)} AS VARCHAR)`;

/**
 * SQL expression giving `_hoodie_record_key` as Hudi's key generators do: the plain value for
 * SimpleKeyGenerator / single-field NonpartitionedKeyGenerator, `f1:v1,f2:v2` (null as `__null__`,
 * empty as `__empty__`) for ComplexKeyGenerator.
 */
export function recordKeySql(config: KeySettings): string {
  const fields = config.recordKeyFields;
  if (fields.length === 1 && config.keyGenerator !== 'complex') return asText(fields[0] as string);
  const parts = fields.map(
    (field) =>
      `${literal(`${field}:`)} || CASE WHEN ${ident(field)} IS NULL THEN '__null__' WHEN ${asText(field)} = '' THEN '__empty__' ELSE ${asText(field)} END`,
  );
  return parts.length === 1 ? (parts[0] as string) : `concat_ws(',', ${parts.join(', ')})`;
}

/** SQL expression giving `_hoodie_partition_path` ('' for non-partitioned tables). */
export function partitionPathSql(config: KeySettings): string {
  if (config.partitionFields.length === 0 || config.keyGenerator === 'nonpartitioned') return "''";
  const parts = config.partitionFields.map((field) => {
    let value = `coalesce(nullif(${asText(field)}, ''), ${literal(DEFAULT_PARTITION_PATH)})`;
    if (config.urlEncodePartitioning)
      value = `replace(replace(replace(url_encode(${value}), '%20', '+'), '~', '%7E'), '%2A', '*')`;
    return config.hiveStylePartitioning ? `${literal(`${field}=`)} || ${value}` : value;
  });
  return parts.length === 1 ? (parts[0] as string) : parts.join(` || '/' || `);
}

/** SQL condition true for records Hudi rejects: the key field null or empty (simple), or all key fields null or empty (complex). */
export function invalidRecordKeySql(config: KeySettings): string {
  return config.recordKeyFields.map((field) => `(${ident(field)} IS NULL OR ${asText(field)} = '')`).join(' AND ');
}
