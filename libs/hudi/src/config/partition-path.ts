import type { TableConfig } from './table-config';

/** Hudi's partition value for null or empty fields (HIVE_DEFAULT_PARTITION_PATH). */
export const DEFAULT_PARTITION_PATH = '__HIVE_DEFAULT_PARTITION__';

/** java.net.URLEncoder.encode(value, UTF-8): alnum and `.-*_` kept, space as `+`, the rest %XX. */
export function javaUrlEncode(value: string): string {
  let out = '';
  for (const byte of Buffer.from(value, 'utf8')) {
    const c = String.fromCharCode(byte);
    if (/[A-Za-z0-9.\-*_]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export function javaUrlDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** Partition path from partition field values, as Hudi's key generators build it. */
export function buildPartitionPath(
  config: Pick<TableConfig, 'partitionFields' | 'hiveStylePartitioning' | 'urlEncodePartitioning'>,
  values: (string | null)[],
): string {
  return config.partitionFields
    .map((field, i) => {
      const raw = values[i];
      let value = raw === null || raw === undefined || raw === '' ? DEFAULT_PARTITION_PATH : raw;
      if (config.urlEncodePartitioning) value = javaUrlEncode(value);
      return config.hiveStylePartitioning ? `${field}=${value}` : value;
    })
    .join('/');
}

/** Partition field values of a partition path (empty object for non-partitioned tables). */
export function parsePartitionPath(
  config: Pick<TableConfig, 'partitionFields' | 'hiveStylePartitioning' | 'urlEncodePartitioning'>,
  partitionPath: string,
): Record<string, string> {
  const values: Record<string, string> = {};
  if (config.partitionFields.length === 0 || partitionPath === '') return values;
  const segments = partitionPath.split('/');
  const parts = segments.length === config.partitionFields.length ? segments : [partitionPath];
  config.partitionFields.forEach((field, i) => {
    let part = parts[i] ?? '';
    if (config.hiveStylePartitioning && part.startsWith(`${field}=`)) part = part.slice(field.length + 1);
    values[field] = config.urlEncodePartitioning ? javaUrlDecode(part) : part;
  });
  return values;
}
