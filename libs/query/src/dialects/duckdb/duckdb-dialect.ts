import type { IntervalUnit, SqlValue } from '../../builder/ast';
import type { Dialect } from '../dialect';
import { formatTimestamp, quoteIdentifier, standardLiteral } from '../literals';

/** DuckDB: every value is a `$n` parameter, in every clause. */
export const DUCKDB_DIALECT: Dialect = {
  name: 'duckdb',
  quoteIdentifier,
  parameterizes: () => true,
  placeholder: (index) => `$${index}`,
  parameterValue(value: SqlValue): unknown {
    return value instanceof Date ? formatTimestamp(value) : value;
  },
  literal: standardLiteral,
  interval(amount: number, unit: IntervalUnit): string {
    return `INTERVAL '${amount}' ${unit.toUpperCase()}`;
  },
};
