import { JOBS, type JobDefinition, column } from '@autocorp/etl-jobs';
import { describe, expect, it } from 'vitest';
import {
  CURATED_QUERY_SCHEMA,
  CURATED_VALUE_KINDS,
  NAMED_QUERIES,
  buildNamedQuery,
  curatedQuerySchema,
  glueTypeOf,
  valueKindOf,
} from '../src/index';

describe('curated query schema', () => {
  it('has one table per ETL job, named like its Hudi table, with exactly the job output columns in Glue types', () => {
    expect(Object.keys(CURATED_QUERY_SCHEMA).sort()).toEqual(JOBS.map((j) => j.hudi.tableName).sort());
    for (const job of JOBS) {
      const table = CURATED_QUERY_SCHEMA[job.hudi.tableName] ?? {};
      expect(Object.keys(table)).toEqual(job.columns.map((c) => c.name));
      for (const c of job.columns) expect(table[c.name]).toBe(glueTypeOf(c.type));
    }
    expect(CURATED_QUERY_SCHEMA['sales_order']?.['total_amount']).toBe('decimal(12,2)');
    expect(CURATED_QUERY_SCHEMA['sales_order_line_items']?.['line_number']).toBe('bigint');
    expect(CURATED_QUERY_SCHEMA['sales_order_fact']?.['parts_quantity']).toBe('bigint');
    expect(CURATED_QUERY_SCHEMA['customers']?.['customer_id']).toBe('int');
    expect(CURATED_QUERY_SCHEMA['auto_parts']?.['updated_at']).toBe('timestamp');
  });

  it('follows the jobs: a column added to a job appears in the derived schema', () => {
    const changed: JobDefinition[] = JOBS.map((j) =>
      j.name === 'customers' ? { ...j, columns: [...j.columns, column('loyalty_tier', 'STRING', true, 'Tier')] } : j,
    );
    expect(curatedQuerySchema(changed)['customers']?.['loyalty_tier']).toBe('string');
    expect(CURATED_QUERY_SCHEMA['customers']?.['loyalty_tier']).toBeUndefined();
  });

  it('spells every job column type the way Glue does', () => {
    expect(
      ['STRING', 'INT', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE', 'TIMESTAMP', 'DECIMAL(14,2)'].map((t) =>
        glueTypeOf(t as never),
      ),
    ).toEqual(['string', 'int', 'bigint', 'double', 'boolean', 'date', 'timestamp', 'decimal(14,2)']);
  });

  it('the TypeScript row types (CuratedDb, from CURATED_VALUE_KINDS) match the jobs: same tables, columns, value kinds and nullability', () => {
    const fromJobs = Object.fromEntries(
      JOBS.map((j) => [
        j.hudi.tableName,
        Object.fromEntries(j.columns.map((c) => [c.name, valueKindOf(c.type, c.nullable)])),
      ]),
    );
    expect(CURATED_VALUE_KINDS).toEqual(fromJobs);
  });

  it('every named query builds against the derived schema with its defaults', () => {
    for (const query of NAMED_QUERIES) {
      expect(() => buildNamedQuery(query)).not.toThrow();
      for (const table of query.tables) expect(CURATED_QUERY_SCHEMA[table]).toBeDefined();
    }
  });
});
