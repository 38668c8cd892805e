import type { AssistantTool } from '../contract/tool';
import type { DocumentKind } from '../kb/knowledge-document';
import { AssistantError } from '../assistant-error';
import { type ToolDependencies, documentCitation } from './tool-dependencies';
import { inputObject, optionalInteger, requiredString } from './tool-input';
import { withToolLimits } from './tool-limits';

const KINDS: readonly DocumentKind[] = ['part', 'service', 'service-part', 'value', 'table', 'column', 'named-query'];

export const SEARCH_KNOWLEDGE_BASE = 'search_knowledge_base';

/** Finds parts, services, service-parts mappings, column values, tables and named queries by words. */
export function searchKnowledgeBaseTool(deps: ToolDependencies): AssistantTool {
  return {
    name: SEARCH_KNOWLEDGE_BASE,
    description:
      'Search the knowledge base (parts, services, which parts each service needs, payment methods, order types, states, tables, columns, named queries). Tolerates typos and knows shop synonyms.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What to look for, in words' },
        kinds: { type: 'array', items: { type: 'string', enum: KINDS }, description: 'Only these document kinds' },
        limit: { type: 'integer', minimum: 1, maximum: 50, description: 'How many documents (default 8)' },
      },
      required: ['query'],
      additionalProperties: false,
    },
    run: (input, ctx) =>
      withToolLimits(SEARCH_KNOWLEDGE_BASE, ctx, async (signal) => {
        const args = inputObject(SEARCH_KNOWLEDGE_BASE, input);
        const query = requiredString(SEARCH_KNOWLEDGE_BASE, args, 'query');
        const limit = Math.min(
          optionalInteger(SEARCH_KNOWLEDGE_BASE, args, 'limit', { min: 1, max: 50 }) ?? 8,
          ctx.rowCap,
        );
        const kinds = args['kinds'];
        if (kinds !== undefined && (!Array.isArray(kinds) || kinds.some((k) => !KINDS.includes(k as DocumentKind))))
          throw new AssistantError(
            'invalid-tool-input',
            `The ${SEARCH_KNOWLEDGE_BASE} tool takes "kinds" as a list of: ${KINDS.join(', ')}.`,
          );
        const hits = await deps.retriever.search(
          { text: query, limit, ...(kinds ? { kinds: kinds as DocumentKind[] } : {}) },
          { signal },
        );
        return {
          content: hits.map((h) => ({
            id: h.document.id,
            kind: h.document.kind,
            title: h.document.title,
            text: h.document.text,
            fields: h.document.fields,
          })),
          citations: hits.map((h) => documentCitation(h.document)),
        };
      }),
  };
}
