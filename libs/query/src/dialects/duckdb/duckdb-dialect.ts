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
  decimalAverage(argument: string, scale: number): string {
    // DuckDB's avg(DECIMAL) is a DOUBLE. Exactly: the sum in units of 10^-scale as an integer,
    // divided by the count with integer division, rounded half away from zero, scaled back as a DECIMAL.
    const units = `CAST(sum(${argument}) * ${10 ** scale} AS HUGEINT)`;
    const n = `CAST(nullif(count(${argument}), 0) AS HUGEINT)`;
    const magnitude = `((2 * abs(${units}) + ${n}) // (2 * ${n}))`;
    const unit = scale === 0 ? '1' : `0.${'0'.repeat(scale - 1)}1`;
    return `(CAST(sign(${units}) * ${magnitude} AS DECIMAL(${38 - scale - 1},0)) * CAST('${unit}' AS DECIMAL(${scale + 1},${scale})))`;
  },
};
