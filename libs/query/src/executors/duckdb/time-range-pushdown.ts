import { quoteIdentifier, quoteLiteral } from '@autocorp/duckdb/sql';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Json } from '../../guard/read-only-guard';

/**
 * The views give a Hudi table's timestamps back as naive TIMESTAMPs (`make_timestamp(epoch_us(x))`),
 * and DuckDB cannot push a filter on that expression into the Parquet scan: a period filter then
 * reads every row group of every file. This finds, in the parsed statement, the range conditions
 * on a table's timestamp columns that can be applied to its stored instants before the conversion
 * (so DuckDB skips the files and row groups outside the period by their statistics). The statement
 * itself is not changed and still applies every condition: the pushed conditions only remove rows
 * it would remove anyway.
 *
 * A condition is pushed only when all of this holds (otherwise nothing is pushed for the table):
 * the table is named exactly once in the statement, by no CTE, with no TABLESAMPLE or AT clause;
 * the condition is a top-level AND term of the WHERE of the SELECT whose FROM holds the table,
 * directly or through plain inner/outer joins; it compares the table's column (qualified by its
 * alias or name, or unqualified when the table is that FROM's only table) with a constant or
 * parameter that is a DATE, TIMESTAMP or text value (or is a BETWEEN of two such values). Such a term rejects NULL, so removing the
 * rows failing it before any join gives the same rows after the WHERE.
 */

type JsonObject = { [key: string]: Json };

export type BoundOperator = '>=' | '>' | '<' | '<=' | '=';

/** One pushed condition: `column op value`, with value a DuckDB SQL expression of type TIMESTAMP. */
export interface TimestampBound {
  readonly column: string;
  readonly op: BoundOperator;
  /** A constant TIMESTAMP expression (the statement's literal or parameter cast as it would be). */
  readonly value: string;
}

const OPERATORS: Record<string, BoundOperator> = {
  COMPARE_GREATERTHANOREQUALTO: '>=',
  COMPARE_GREATERTHAN: '>',
  COMPARE_LESSTHAN: '<',
  COMPARE_LESSTHANOREQUALTO: '<=',
  COMPARE_EQUAL: '=',
};
const FLIPPED: Record<BoundOperator, BoundOperator> = { '>=': '<=', '>': '<', '<': '>', '<=': '>=', '=': '=' };
const TIME_TYPES = new Set(['DATE', 'TIMESTAMP']);
const JOIN_TYPES = new Set(['INNER', 'LEFT', 'RIGHT', 'OUTER']);

const isObject = (node: Json | undefined): node is JsonObject =>
  node !== null && node !== undefined && typeof node === 'object' && !Array.isArray(node);

function walk(node: Json, visit: (obj: JsonObject) => void): void {
  if (Array.isArray(node)) for (const item of node) walk(item, visit);
  else if (isObject(node)) {
    visit(node);
    for (const value of Object.values(node)) walk(value, visit);
  }
}

/** Parses one statement with DuckDB's own parser; undefined when it does not parse to exactly one. */
export async function parseStatement(connection: DuckDBConnection, sql: string): Promise<Json | undefined> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS ast', [sql]);
  const parsed = JSON.parse(String(reader.getRowObjectsJson()[0]?.['ast'] ?? '{}')) as {
    error?: boolean;
    statements?: Json[];
  };
  return !parsed.error && parsed.statements?.length === 1 ? (parsed.statements[0] ?? undefined) : undefined;
}

/** The value side of a condition as a TIMESTAMP expression, or undefined when it is not a time constant. */
function timestampValue(node: Json | undefined, params: readonly unknown[]): string | undefined {
  if (!isObject(node)) return undefined;
  let castType: string | undefined;
  let value = node;
  if (node['class'] === 'CAST') {
    const type = node['cast_type'];
    castType = isObject(type) ? String(type['id']) : '';
    if (!TIME_TYPES.has(castType) || node['try_cast'] !== false || !isObject(node['child'])) return undefined;
    value = node['child'];
  }
  let text: unknown;
  let type: string;
  if (value['class'] === 'CONSTANT' && isObject(value['value'])) {
    const constant = value['value'];
    if (constant['is_null'] !== false || !isObject(constant['type'])) return undefined;
    type = String(constant['type']['id']);
    text = constant['value'];
  } else if (value['class'] === 'PARAMETER' && /^\d+$/.test(String(value['identifier']))) {
    text = params[Number(value['identifier']) - 1];
    type = 'VARCHAR';
  } else return undefined;
  if (typeof text !== 'string' || !(type === 'VARCHAR' || TIME_TYPES.has(type))) return undefined;
  const typed = type === 'VARCHAR' ? quoteLiteral(text) : `CAST(${quoteLiteral(text)} AS ${type})`;
  return castType ? `CAST(CAST(${typed} AS ${castType}) AS TIMESTAMP)` : `CAST(${typed} AS TIMESTAMP)`;
}

/** The AND terms of a WHERE clause. */
function conjuncts(node: Json | undefined): JsonObject[] {
  if (!isObject(node)) return [];
  if (node['class'] === 'CONJUNCTION' && node['type'] === 'CONJUNCTION_AND' && Array.isArray(node['children']))
    return node['children'].flatMap((child) => conjuncts(child));
  return [node];
}

/** Whether a FROM clause holds `ref` directly (true: alone) or through plain joins ('join'). */
function holds(from: Json | undefined, ref: JsonObject): 'alone' | 'join' | undefined {
  if (from === ref) return 'alone';
  if (!isObject(from) || from['type'] !== 'JOIN') return undefined;
  if (from['ref_type'] !== 'REGULAR' || !JOIN_TYPES.has(String(from['join_type']))) return undefined;
  return holds(from['left'], ref) || holds(from['right'], ref) ? 'join' : undefined;
}

/** The range conditions on `columns` of `table` that can be applied to its rows before the statement reads them. */
export function timestampBounds(
  statement: Json,
  table: string,
  columns: readonly string[],
  params: readonly unknown[] = [],
): TimestampBound[] {
  const name = table.toLowerCase();
  const refs: JsonObject[] = [];
  let shadowed = false;
  walk(statement, (obj) => {
    if (obj['type'] === 'BASE_TABLE' && String(obj['table_name']).toLowerCase() === name) refs.push(obj);
    const map = isObject(obj['cte_map']) ? obj['cte_map']['map'] : undefined;
    if (Array.isArray(map))
      for (const entry of map) if (isObject(entry) && String(entry['key']).toLowerCase() === name) shadowed = true;
  });
  const ref = refs[0];
  if (shadowed || refs.length !== 1 || !ref || ref['sample'] !== null || ref['at_clause'] !== null) return [];
  const qualifier = String(ref['alias'] || ref['table_name']).toLowerCase();
  const wanted = new Map(columns.map((c) => [c.toLowerCase(), c]));
  const bounds: TimestampBound[] = [];
  walk(statement, (node) => {
    if (node['type'] !== 'SELECT_NODE' || node['sample'] !== null) return;
    const how = holds(node['from_table'], ref);
    if (!how) return;
    const columnOf = (side: Json | undefined): string | undefined => {
      if (!isObject(side) || side['class'] !== 'COLUMN_REF' || !Array.isArray(side['column_names'])) return undefined;
      const path = side['column_names'].map((p) => String(p).toLowerCase());
      if (path.length === 2 && path[0] === qualifier) return wanted.get(path[1] ?? '');
      return path.length === 1 && how === 'alone' ? wanted.get(path[0] ?? '') : undefined;
    };
    const push = (column: string | undefined, op: BoundOperator, side: Json | undefined) => {
      const value = column === undefined ? undefined : timestampValue(side, params);
      if (column !== undefined && value !== undefined) bounds.push({ column, op, value });
    };
    for (const term of conjuncts(node['where_clause'])) {
      if (term['class'] === 'BETWEEN' && term['type'] === 'COMPARE_BETWEEN') {
        // x BETWEEN a AND b is x >= a AND x <= b (NOT BETWEEN is an OPERATOR_NOT around it: not pushed).
        push(columnOf(term['input']), '>=', term['lower']);
        push(columnOf(term['input']), '<=', term['upper']);
        continue;
      }
      const op = OPERATORS[String(term['type'])];
      if (term['class'] !== 'COMPARISON' || !op) continue;
      push(columnOf(term['left']), op, term['right']);
      push(columnOf(term['right']), FLIPPED[op], term['left']);
    }
  });
  return bounds;
}

/**
 * The bounds as a WHERE condition on the stored instants (TIMESTAMPTZ, read in the sandbox's UTC
 * session): a naive TIMESTAMP is the UTC wall clock of the instant, so `make_timestamp(epoch_us(x)) op v`
 * holds exactly when `x op CAST(v AS TIMESTAMPTZ)` does.
 */
export function storedInstantCondition(bounds: readonly TimestampBound[]): string | undefined {
  if (bounds.length === 0) return undefined;
  return bounds.map((b) => `${quoteIdentifier(b.column)} ${b.op} CAST(${b.value} AS TIMESTAMPTZ)`).join(' AND ');
}
