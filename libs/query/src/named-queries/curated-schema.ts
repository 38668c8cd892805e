import { type ColumnType, JOBS, type JobDefinition } from '@autocorp/etl-jobs';
import type { QuerySchema } from '../builder/query-schema';
import type { ValueKind } from './curated-db';

/** The Glue/Hive spelling of a job column type: `STRING` -> `string`, `DECIMAL(12,2)` -> `decimal(12,2)`. */
export function glueTypeOf(type: ColumnType): string {
  switch (type) {
    case 'STRING':
      return 'string';
    case 'INT':
      return 'int';
    case 'BIGINT':
      return 'bigint';
    case 'DOUBLE':
      return 'double';
    case 'BOOLEAN':
      return 'boolean';
    case 'DATE':
      return 'date';
    case 'TIMESTAMP':
      return 'timestamp';
    default:
      return type.toLowerCase().replace(/\s+/g, '');
  }
}

/** How the executors return values of a job column type (see ResultRow): decimals, dates and timestamps as strings. */
export function valueKindOf(type: ColumnType, nullable: boolean): ValueKind {
  const base =
    type === 'INT' || type === 'BIGINT' || type === 'DOUBLE' ? 'number' : type === 'BOOLEAN' ? 'boolean' : 'string';
  return nullable ? `${base} | null` : base;
}

/**
 * The query schema of the curated tables the jobs write: one table per job (its Hudi table name),
 * with the job's output columns and their Glue types (what the crawler registers, without Hudi's
 * `_hoodie_*` meta columns).
 */
export function curatedQuerySchema(jobs: readonly JobDefinition[] = JOBS): QuerySchema {
  return Object.fromEntries(
    jobs.map((job) => [job.hudi.tableName, Object.fromEntries(job.columns.map((c) => [c.name, glueTypeOf(c.type)]))]),
  );
}

/**
 * The curated tables' columns with Glue types, derived from libs/etl-jobs' JOBS; the schema named
 * queries are checked against when no live catalog is at hand (e.g. rendering Athena NamedQuery text for CDK).
 */
export const CURATED_QUERY_SCHEMA: QuerySchema = curatedQuerySchema();
