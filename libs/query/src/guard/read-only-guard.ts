import type { DuckDBConnection } from '@duckdb/node-api';
import { QueryError } from '../query-error';

/** Table functions a read-only query may call: they generate rows and touch no file. */
const ALLOWED_TABLE_FUNCTIONS = new Set(['range', 'generate_series', 'unnest']);

/** Scalar functions refused anywhere in a statement: they reach files, the environment or other statements. */
const REFUSED_FUNCTIONS = new Set([
  'getenv',
  'read_text',
  'read_blob',
  'read_csv',
  'read_csv_auto',
  'read_parquet',
  'parquet_scan',
  'read_json',
  'read_json_auto',
  'read_ndjson',
  'read_ndjson_auto',
  'glob',
  'query',
  'query_table',
  'sniff_csv',
  'parquet_metadata',
  'parquet_schema',
  'parquet_kv_metadata',
]);

export interface GuardOptions {
  /** Catalog tables the statement may read; undefined lets any plain table name through (Athena checks it). */
  readonly allowedTables?: readonly string[];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface CheckedStatement {
  /** Catalog tables the statement reads (CTE names excluded). */
  readonly tables: string[];
}

function refuse(what: string): never {
  throw new QueryError(
    'refused',
    `Refused: ${what}. Only a single read-only SELECT (or WITH ... SELECT) over catalog tables is accepted.`,
  );
}

function collectCteNames(node: Json, names: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectCteNames(item, names);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const cteMap = node['cte_map'];
  if (cteMap && typeof cteMap === 'object' && !Array.isArray(cteMap) && Array.isArray(cteMap['map'])) {
    for (const entry of cteMap['map']) {
      if (entry && typeof entry === 'object' && !Array.isArray(entry) && typeof entry['key'] === 'string')
        names.add(entry['key'].toLowerCase());
    }
  }
  for (const value of Object.values(node)) collectCteNames(value, names);
}

function walk(node: Json, visit: (obj: { [key: string]: Json }) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  visit(node);
  for (const value of Object.values(node)) walk(value, visit);
}

/** checkReadOnlySql, also giving the parsed statement (the executor reads its conditions). */
export async function checkAndParseReadOnlySql(
  connection: DuckDBConnection,
  sql: string,
  options: GuardOptions,
): Promise<CheckedStatement & { readonly statement: Json }> {
  if (typeof sql !== 'string' || sql.trim() === '')
    throw new QueryError('invalid-query', 'The SQL statement is empty; write a SELECT over catalog tables.');
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR) AS ast', [sql]);
  const text = String(reader.getRowObjectsJson()[0]?.['ast'] ?? '');
  const parsed = JSON.parse(text) as {
    error?: boolean;
    error_type?: string;
    error_message?: string;
    statements?: Json[];
  };
  if (parsed.error) {
    const message = parsed.error_message ?? '';
    if (/only select statements/i.test(message)) {
      const keyword =
        /^\s*(\w+)/.exec(sql.replace(/^\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/)*/g, ''))?.[1]?.toUpperCase() ?? 'statement';
      refuse(`a ${keyword} statement (or a statement list containing one) is not read-only`);
    }
    throw new QueryError(
      'invalid-query',
      `The SQL statement does not parse: ${message}. Fix the syntax and try again.`,
    );
  }
  const statements = parsed.statements ?? [];
  if (statements.length !== 1) refuse(`${statements.length} statements were given; send exactly one`);
  const allowed = options.allowedTables ? new Set(options.allowedTables.map((t) => t.toLowerCase())) : undefined;
  const ctes = new Set<string>();
  collectCteNames(statements, ctes);
  const tables = new Set<string>();
  walk(statements, (obj) => {
    const type = obj['type'];
    if (type === 'TABLE_FUNCTION') {
      const fn = obj['function'];
      const name = fn && typeof fn === 'object' && !Array.isArray(fn) ? String(fn['function_name'] ?? '') : '';
      if (!ALLOWED_TABLE_FUNCTIONS.has(name.toLowerCase()))
        refuse(`the table function ${name}() reads outside the catalog`);
    }
    if (
      obj['class'] === 'FUNCTION' &&
      typeof obj['function_name'] === 'string' &&
      REFUSED_FUNCTIONS.has(obj['function_name'].toLowerCase())
    ) {
      refuse(`the function ${obj['function_name']}() reads outside the catalog`);
    }
    if (type === 'BASE_TABLE') {
      const name = String(obj['table_name'] ?? '');
      const schema = String(obj['schema_name'] ?? '');
      const catalog = String(obj['catalog_name'] ?? '');
      if (schema !== '' || catalog !== '')
        refuse(
          `the qualified table ${[catalog, schema, name].filter(Boolean).join('.')} is outside the catalog database`,
        );
      if (/[/\\.:*?]/.test(name)) refuse(`the file or path '${name}' used as a table`);
      const lower = name.toLowerCase();
      if (ctes.has(lower)) return;
      if (allowed && !allowed.has(lower))
        refuse(`the table "${name}" is not in the catalog (known: ${[...allowed].sort().join(', ') || 'none'})`);
      tables.add(lower);
    }
  });
  return { tables: [...tables].sort(), statement: statements[0] ?? null };
}

/**
 * Accepts a statement only when DuckDB's parser (`json_serialize_sql`) sees exactly one SELECT
 * that reads catalog tables (or its own CTEs) and calls no file-reading function. Throws
 * QueryError `refused` naming what was refused, or `invalid-query` for a syntax error.
 */
export async function checkReadOnlySql(
  connection: DuckDBConnection,
  sql: string,
  options: GuardOptions,
): Promise<CheckedStatement> {
  const { tables } = await checkAndParseReadOnlySql(connection, sql, options);
  return { tables };
}
