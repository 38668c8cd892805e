import type { QueryBuilder } from '../builder/select-query-builder';
import type { BuiltQuery } from '../builder/types';
import type { CuratedDb, CuratedTableName } from './curated-db';

export type NamedQueryParameterType = 'date' | 'string' | 'integer';

export interface NamedQueryParameter {
  readonly name: string;
  readonly type: NamedQueryParameterType;
  readonly description: string;
  /** The value used when none is given; absent when the default comes from the data (see `dataDefault`). */
  readonly default?: string | number;
  /** What a parameter without a fixed default takes from the data, e.g. "the first order day". */
  readonly dataDefault?: string;
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
  /**
   * For queries over a period of order days (`from` included, `to` excluded): the query of the
   * data's own range, one row with `first_day` and `last_day` (DATE). A bound that is not given
   * defaults to it: from the first order day through the latest one.
   */
  readonly dataPeriod?: (qb: QueryBuilder<CuratedDb>) => BuiltQuery;
  build(qb: QueryBuilder<CuratedDb>, values: NamedQueryValues): BuiltQuery;
}

/** Typed identity helper so each query's builder is checked against CuratedDb. */
export function defineNamedQuery<Q extends BuiltQuery>(definition: {
  readonly name: string;
  readonly description: string;
  readonly parameters: readonly NamedQueryParameter[];
  readonly tables: readonly CuratedTableName[];
  readonly dataPeriod?: (qb: QueryBuilder<CuratedDb>) => BuiltQuery;
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

/** A value that may be left out (a period bound without a fixed default); undefined when it is. */
export function optionalStringValue(values: NamedQueryValues, name: string): string | undefined {
  const value = values[name];
  return value === undefined ? undefined : String(value);
}
