import { parsePartitionPath } from '../config/partition-path';
import type { TableConfig } from '../config/table-config';
import { HudiError } from '../hudi-error';
import type { TableSchema } from '../schema/table-schema';

export type PartitionOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'in';

/** One condition on a partition field, e.g. `{ field: 'byteField', op: '>=', value: 10 }`. */
export interface PartitionPredicate {
  field: string;
  op: PartitionOperator;
  value: string | number | (string | number)[];
}

/** Conditions that must all hold, or a function over the partition's field values (as text). */
export type PartitionFilter = PartitionPredicate[] | ((values: Record<string, string>) => boolean);

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|FLOAT|DOUBLE|DECIMAL)/;

function compare(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Turns a partition filter into a test on partition paths; undefined when there is no filter. */
export function partitionPathTest(
  config: TableConfig,
  schema: TableSchema,
  filter: PartitionFilter | undefined,
): ((path: string) => boolean) | undefined {
  if (filter === undefined) return undefined;
  if (typeof filter === 'function') return (path) => filter(parsePartitionPath(config, path));
  for (const predicate of filter) {
    if (!config.partitionFields.includes(predicate.field)) {
      throw new HudiError(
        'invalid-option',
        `Partition filter names "${predicate.field}", which is not a partition field of table ${config.tableName}; use one of: ${config.partitionFields.join(', ') || '(none, the table is not partitioned)'}.`,
      );
    }
  }
  const numeric = new Set(schema.fields.filter((f) => NUMERIC.test(f.duckdbType)).map((f) => f.name));
  return (path) => {
    const values = parsePartitionPath(config, path);
    return filter.every((predicate) => {
      const raw = values[predicate.field] ?? '';
      const asType = (v: string | number): string | number => (numeric.has(predicate.field) ? Number(v) : String(v));
      const actual = asType(raw);
      if (predicate.op === 'in') {
        const options = Array.isArray(predicate.value) ? predicate.value : [predicate.value];
        return options.some((option) => compare(actual, asType(option)) === 0);
      }
      if (Array.isArray(predicate.value)) {
        throw new HudiError(
          'invalid-option',
          `Partition filter on "${predicate.field}" with "${predicate.op}" takes one value, not a list; use op "in" for lists.`,
        );
      }
      const c = compare(actual, asType(predicate.value));
      switch (predicate.op) {
        case '=':
          return c === 0;
        case '!=':
          return c !== 0;
        case '<':
          return c < 0;
        case '<=':
          return c <= 0;
        case '>':
          return c > 0;
        case '>=':
          return c >= 0;
        default:
          throw new HudiError(
            'invalid-option',
            `Partition filter operator "${String(predicate.op)}" is not supported; use =, !=, <, <=, >, >= or in.`,
          );
      }
    });
  };
}
