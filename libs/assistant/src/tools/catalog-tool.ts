import { AssistantError } from '../assistant-error';
import type { AssistantTool } from '../contract/tool';
import { documentId } from '../kb/knowledge-document';
import { type ToolDependencies, documentCitation } from './tool-dependencies';
import { inputObject, optionalString } from './tool-input';
import { withToolLimits } from './tool-limits';

export const DESCRIBE_CATALOG = 'describe_catalog';

/** The curated tables (what each holds, its columns) and the named queries, from the knowledge base. */
export function catalogTool(deps: ToolDependencies): AssistantTool {
  return {
    name: DESCRIBE_CATALOG,
    description:
      'Describe the catalog: every curated table with what it holds, or one table with its columns and their types; and the named queries.',
    inputSchema: {
      type: 'object',
      properties: { table: { type: 'string', description: 'One table to describe column by column' } },
      additionalProperties: false,
    },
    run: (input, ctx) =>
      withToolLimits(DESCRIBE_CATALOG, ctx, async () => {
        const table = optionalString(DESCRIBE_CATALOG, inputObject(DESCRIBE_CATALOG, input), 'table');
        const documents = deps.kb.documents;
        if (table !== undefined) {
          const doc = deps.kb.get(documentId.table(table.trim().toLowerCase()));
          if (!doc)
            throw new AssistantError(
              'invalid-tool-input',
              `There is no curated table "${table}"; call ${DESCRIBE_CATALOG} without a table to list them.`,
            );
          const columns = documents.filter((d) => d.kind === 'column' && d.table === doc.table);
          return {
            content: {
              table: doc.key,
              description: doc.fields['description'],
              commit: doc.commit,
              columns: columns.map((c) => ({
                name: c.key.split('.')[1],
                type: c.fields['type'],
                description: c.fields['description'],
              })),
            },
            citations: [documentCitation(doc)],
          };
        }
        const tables = documents.filter((d) => d.kind === 'table');
        const queries = documents.filter((d) => d.kind === 'named-query');
        return {
          content: {
            tables: tables.map((t) => ({ table: t.key, description: t.fields['description'], commit: t.commit })),
            namedQueries: queries.map((q) => ({ name: q.key, description: q.fields['description'] })),
          },
          citations: [...tables, ...queries].map(documentCitation),
        };
      }),
  };
}
