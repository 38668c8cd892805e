import { SOURCE_TABLES, type SourceTableName } from '@autocorp/schema';
import type { ColumnDefinition } from '../model/column-type';
import type { HudiTableSpec } from '../model/job-definition';
import type { JobName } from '../model/job-name';
import type { CsvSource, CsvTableName, CuratedSource, DatabaseSource } from '../model/sources';
import { CSV_COLUMNS, PG_COLUMNS } from './source-columns';

/** The meta columns, passed through from a source view. */
export const META_PASSTHROUGH = '_op, _source_file, _source_line, _raw_row, _unparsed_columns, _malformed';

/** The meta columns for rows built from curated tables (always upserts, no raw lineage). */
export const CURATED_META =
  "'U' AS _op, CAST(NULL AS STRING) AS _source_file, CAST(NULL AS BIGINT) AS _source_line, CAST(NULL AS STRING) AS _raw_row, '' AS _unparsed_columns, FALSE AS _malformed";

export function databaseSource(
  table: SourceTableName,
  read: DatabaseSource['read'] = 'changes',
  view = `pg_${table}${read === 'history' ? '_history' : ''}`,
): DatabaseSource {
  const spec = SOURCE_TABLES.find((t) => t.name === table);
  return {
    kind: 'database',
    view,
    table,
    read,
    primaryKey: spec ? [...spec.primaryKey] : [],
    columns: PG_COLUMNS[table],
  };
}

export function csvSource(table: Exclude<CsvTableName, 'customers'>, view = `csv_${table}`): CsvSource {
  return { kind: 'csv', view, table, columns: CSV_COLUMNS[table] };
}

export function curatedSource(job: JobName, view: string = job): CuratedSource {
  return { kind: 'curated', view, job };
}

/** Output columns that keep the source's names and types, with descriptions. */
export function columnsLike(
  table: keyof typeof PG_COLUMNS,
  describe: Readonly<Record<string, readonly [nullable: boolean, description: string]>>,
): ColumnDefinition[] {
  return PG_COLUMNS[table].map((c) => {
    const [nullable, description] = describe[c.name] ?? [true, c.name];
    return { name: c.name, type: c.type, nullable, description };
  });
}

/** The Hudi layout of an operational table fed by CDC upserts and deletes. */
export function upsertTable(
  tableName: string,
  recordKeyFields: string[],
  precombineField: string,
  partitionFields: string[] = [],
): HudiTableSpec {
  return {
    tableName,
    recordKeyFields,
    precombineField,
    partitionFields,
    hiveStylePartitioning: true,
    operation: 'upsert',
    indexType: 'SIMPLE',
    commitsRetained: 10,
  };
}

/** The Hudi layout of an analytics table built from curated tables: rebuilt whole on a full run (incremental runs upsert and delete). */
export function rebuiltTable(
  tableName: string,
  recordKeyFields: string[],
  precombineField: string,
  partitionFields: string[] = [],
): HudiTableSpec {
  return {
    ...upsertTable(tableName, recordKeyFields, precombineField, partitionFields),
    operation: 'insert_overwrite_table',
  };
}
