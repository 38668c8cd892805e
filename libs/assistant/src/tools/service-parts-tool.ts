import { buildNamedQuery, runNamedQuery } from '@autocorp/query';
import { AssistantError } from '../assistant-error';
import type { AssistantTool, ToolResult } from '../contract/tool';
import { type KnowledgeDocument, documentId } from '../kb/knowledge-document';
import { displaySql } from './named-query-tool';
import { rowObjects, toResultTable } from './result-table';
import { type ToolDependencies, documentCitation, tableCitation } from './tool-dependencies';
import { inputObject, requiredString } from './tool-input';
import { withToolLimits } from './tool-limits';

export const GET_SERVICE_WITH_PARTS = 'get_service_with_parts';

/** The tables a service with its parts is read from (and cited). */
const SERVICE_TABLES = ['service', 'service_parts', 'auto_parts'] as const;

/** The service a tool input names: its id, or the best-ranked service for the words given. */
async function resolveService(
  deps: ToolDependencies,
  service: string,
  signal: AbortSignal,
): Promise<KnowledgeDocument> {
  const byId = deps.kb.get(documentId.service(service.trim().toUpperCase()));
  if (byId) return byId;
  const [hit] = await deps.retriever.search({ text: service, kinds: ['service'], limit: 1 }, { signal });
  if (!hit)
    throw new AssistantError(
      'invalid-tool-input',
      `No service matches "${service}"; search the knowledge base for services first, then pass a service id (SRV-...).`,
    );
  return hit.document;
}

/** One service with every part it requires (quantity, list price, line cost), from named query service_with_parts. */
export function serviceWithPartsTool(deps: ToolDependencies): AssistantTool {
  return {
    name: GET_SERVICE_WITH_PARTS,
    description:
      'Get one service (by id such as SRV-FLU-001, or by name) with the parts it requires: SKU, description, quantity, unit price and line cost, plus its labor minutes and labor cost.',
    inputSchema: {
      type: 'object',
      properties: { service: { type: 'string', description: 'Service id or name' } },
      required: ['service'],
      additionalProperties: false,
    },
    run: (input, ctx) =>
      withToolLimits(GET_SERVICE_WITH_PARTS, ctx, async (signal) => {
        const wanted = requiredString(GET_SERVICE_WITH_PARTS, inputObject(GET_SERVICE_WITH_PARTS, input), 'service');
        const key = deps.resultCache?.keyOf(GET_SERVICE_WITH_PARTS, wanted, ctx.rowCap, SERVICE_TABLES);
        const run = () => serviceWithParts(deps, wanted, ctx.rowCap, signal);
        return deps.resultCache ? deps.resultCache.getOrRun(key, run) : run();
      }),
  };
}

async function serviceWithParts(
  deps: ToolDependencies,
  wanted: string,
  rowCap: number,
  signal: AbortSignal,
): Promise<ToolResult> {
  const service = await resolveService(deps, wanted, signal);
  const serviceid = String(service.fields['serviceid']);
  const result = await runNamedQuery(deps.executor, 'service_with_parts', { serviceid }, { signal });
  const capped = toResultTable(result, rowCap);
  const mappings = result.rows
    .map((r) => deps.kb.get(documentId.servicePart(serviceid, String(r['sku']))))
    .filter((d): d is KnowledgeDocument => d !== undefined);
  return {
    content: { service: service.fields, parts: rowObjects(capped.table), truncated: capped.truncated },
    table: capped.table,
    citations: [
      documentCitation(service),
      ...mappings.map(documentCitation),
      ...SERVICE_TABLES.map((t) => tableCitation(deps.kb, t)),
    ],
    sql: displaySql(buildNamedQuery('service_with_parts', { serviceid }), deps.executor.dialect),
  };
}
