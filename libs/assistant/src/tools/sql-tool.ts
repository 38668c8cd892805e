import { AssistantError } from '../assistant-error';
import type { AssistantTool } from '../contract/tool';
import { CURATED_TABLES } from '../kb/source-reads';
import { rowObjects, toResultTable } from './result-table';
import { type ToolDependencies, tableCitation } from './tool-dependencies';
import { inputObject, requiredString } from './tool-input';
import { withToolLimits } from './tool-limits';

export const RUN_SQL = 'run_sql';

/**
 * The statement with a row cap around it (one more row than the cap, to tell that rows were left
 * out). A statement that does not start as a query is refused here, since inside the cap it would
 * only be a syntax error; the executor's guard then checks the whole capped statement.
 */
export function cappedSql(sql: string, rowCap: number): string {
  const statement = sql.trim().replace(/;\s*$/, '');
  const keyword = /^\s*(\w+)/.exec(statement.replace(/^\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/g, ''))?.[1]?.toLowerCase();
  if (keyword !== 'select' && keyword !== 'with')
    throw new AssistantError(
      'refused',
      `Refused: a ${keyword?.toUpperCase() ?? 'empty'} statement is not a read-only query; send one SELECT (or WITH ... SELECT) over the curated tables.`,
    );
  if (statement.includes(';'))
    throw new AssistantError('refused', 'Refused: more than one statement was given; send exactly one SELECT.');
  return `SELECT * FROM (\n${statement}\n) AS capped LIMIT ${rowCap + 1}`;
}

/** The curated tables a statement names (for its citations; the guard decides what it may read). */
export function tablesNamed(sql: string): string[] {
  return CURATED_TABLES.filter((t) => new RegExp(`\\b${t}\\b`, 'i').test(sql));
}

/** Read-only SQL over the curated tables through the query layer's guard, capped and timed out. */
export function sqlTool(deps: ToolDependencies): AssistantTool {
  return {
    name: RUN_SQL,
    description: `Run one read-only SELECT over the curated tables (${CURATED_TABLES.join(', ')}) in the ${deps.executor.dialect} dialect. Writes, several statements, file reads and other databases are refused. Customer email, phone and street address are never returned.`,
    inputSchema: {
      type: 'object',
      properties: { sql: { type: 'string', description: 'One SELECT (or WITH ... SELECT) statement' } },
      required: ['sql'],
      additionalProperties: false,
    },
    run: (input, ctx) =>
      withToolLimits(RUN_SQL, ctx, async (signal) => {
        const sql = requiredString(RUN_SQL, inputObject(RUN_SQL, input), 'sql');
        const statement = cappedSql(sql, ctx.rowCap);
        const tables = tablesNamed(sql);
        const key = deps.resultCache?.keyOf(RUN_SQL, sql.trim(), ctx.rowCap, tables);
        const run = async () => {
          const result = await deps.executor.execute(statement, [], { signal });
          const capped = toResultTable(result, ctx.rowCap);
          return {
            content: { rows: rowObjects(capped.table), truncated: capped.truncated },
            table: capped.table,
            citations: tables.map((t) => tableCitation(deps.kb, t)),
            sql: sql.trim(),
          };
        };
        return deps.resultCache ? deps.resultCache.getOrRun(key, run) : run();
      }),
  };
}
