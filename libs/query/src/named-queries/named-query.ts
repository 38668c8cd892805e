import type { QueryBuilder } from '../builder/select-query-builder';
import type { BuiltQuery } from '../builder/types';
import type { CuratedDb, CuratedTableName } from './curated-db';

export type NamedQueryParameterType = 'date' | 'string' | 'integer';

export interface NamedQueryParameter {
  readonly name: string;
  readonly type: NamedQueryParameterType;
  readonly description: string;
  readonly default: string | number;
  /** For integers: the smallest and largest accepted value. */
  readonly min?: number;
  readonly max?: number;
}

/** Parameter values after validation: dates and strings as strings, integers as numbers. */
export type NamedQueryValues = Readonly<Record<string, string | number>>;

/** A query defined once, built with the query builder, rendered to DuckDB or Trino. */
export interface NamedQueryDefinition {
  /** Snake-case name: the CLI argument and the Athena NamedQuery name. */
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly NamedQueryParameter[];
  /** Curated tables it reads. */
  readonly tables: readonly CuratedTableName[];
  build(qb: QueryBuilder<CuratedDb>, values: NamedQueryValues): BuiltQuery;
}

/** Typed identity helper so each query's builder is checked against CuratedDb. */
export function defineNamedQuery<Q extends BuiltQuery>(definition: {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly NamedQueryParameter[];
  readonly tables: readonly CuratedTableName[];
  build(qb: QueryBuilder<CuratedDb>, values: NamedQueryValues): Q;
}): NamedQueryDefinition {
  return definition as unknown as NamedQueryDefinition;
}

export function stringValue(values: NamedQueryValues, name: string): string {
  return String(values[name]);
}

export function integerValue(values: NamedQueryValues, name: string): number {
  return Number(values[name]);
}
