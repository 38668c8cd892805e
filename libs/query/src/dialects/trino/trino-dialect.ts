import type { IntervalUnit, SqlValue } from '../../builder/ast';
import type { Dialect } from '../dialect';
import { quoteIdentifier, standardLiteral } from '../literals';

/**
 * Trino (Athena engine v3): `?` parameters only in WHERE (Athena's rule), passed as
 * ExecutionParameters, each the value's literal text; escaped literals everywhere else.
 */
export const TRINO_DIALECT: Dialect = {
  name: 'trino',
  quoteIdentifier,
  parameterizes: (context) => context === 'where',
  placeholder: () => '?',
  parameterValue: (value: SqlValue): unknown => standardLiteral(value),
  literal: standardLiteral,
  interval(amount: number, unit: IntervalUnit): string {
    return `INTERVAL '${amount}' ${unit.toUpperCase()}`;
  },
};
