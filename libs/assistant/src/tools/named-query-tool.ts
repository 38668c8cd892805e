import {
  type BuiltQuery,
  type DialectName,
  DUCKDB_DIALECT,
  NAMED_QUERIES,
  TRINO_DIALECT,
  buildNamedQuery,
  compileQuery,
  namedQueryByName,
  runNamedQuery,
} from '@autocorp/query';
import { AssistantError } from '../assistant-error';
import type { AssistantTool, ToolResult } from '../contract/tool';
import { documentId } from '../kb/knowledge-document';
import { rowObjects, toResultTable } from './result-table';
import { type ToolDependencies, tableCitation } from './tool-dependencies';
import { inputObject, requiredString } from './tool-input';
import { withToolLimits } from './tool-limits';

export const RUN_NAMED_QUERY = 'run_named_query';

/** A built query as the SQL text a person reads: the executor's dialect, values written in. */
export function displaySql(built: BuiltQuery, dialect: DialectName): string {
  return compileQuery(built, dialect === 'duckdb' ? DUCKDB_DIALECT : TRINO_DIALECT, { inlineValues: true }).sql;
}

/** Runs one of the known-good named queries with typed parameters (periods default to the data's own range). */
export function namedQueryTool(deps: ToolDependencies): AssistantTool {
  return {
    name: RUN_NAMED_QUERY,
    description: `Run a named query with typed parameters. ${NAMED_QUERIES.map((q) => `${q.name}: ${q.description} Parameters: ${q.parameters.map((p) => `${p.name} (${p.type})`).join(', ') || 'none'}.`).join(' ')}`,
    inputSchema: {
      type: 'object',
      properties: {
        name: { type: 'string', enum: NAMED_QUERIES.map((q) => q.name) },
        parameters: {
          type: 'object',
          description: 'Parameter values by name; dates as YYYY-MM-DD (from included, to excluded)',
          additionalProperties: { type: ['string', 'integer'] },
        },
      },
      required: ['name'],
      additionalProperties: false,
    },
    run: (input, ctx) =>
      withToolLimits(RUN_NAMED_QUERY, ctx, async (signal) => {
        const args = inputObject(RUN_NAMED_QUERY, input);
        const name = requiredString(RUN_NAMED_QUERY, args, 'name');
        const params = inputObject(`${RUN_NAMED_QUERY} parameters`, args['parameters']);
        for (const [key, value] of Object.entries(params))
          if (typeof value !== 'string' && typeof value !== 'number')
            throw new AssistantError(
              'invalid-tool-input',
              `Parameter "${key}" of ${name} must be a string or a number; got ${JSON.stringify(value)}.`,
            );
        let definition;
        try {
          definition = namedQueryByName(name);
        } catch (error) {
          throw new AssistantError('invalid-tool-input', (error as Error).message, { cause: error });
        }
        const found = definition;
        const run = async (): Promise<ToolResult> => {
          const result = await runNamedQuery(deps.executor, found, params as Record<string, string | number>, {
            signal,
          });
          const capped = toResultTable(result, ctx.rowCap);
          return {
            content: {
              query: name,
              values: result.values,
              period: result.period ?? null,
              rows: rowObjects(capped.table),
              truncated: capped.truncated,
            },
            table: capped.table,
            citations: [
              { kind: 'document', id: documentId.namedQuery(name), title: `Named query ${name}` },
              ...found.tables.map((t) => tableCitation(deps.kb, t)),
            ],
            sql: displaySql(buildNamedQuery(found, result.values), deps.executor.dialect),
          };
        };
        const key = deps.resultCache?.keyOf(RUN_NAMED_QUERY, { name, params }, ctx.rowCap, found.tables);
        return deps.resultCache ? deps.resultCache.getOrRun(key, run) : run();
      }),
  };
}
