import type { AssistantTool } from '../contract/tool';
import { catalogTool } from './catalog-tool';
import { namedQueryTool } from './named-query-tool';
import { searchKnowledgeBaseTool } from './search-knowledge-base-tool';
import { serviceWithPartsTool } from './service-parts-tool';
import { sqlTool } from './sql-tool';
import type { ToolDependencies } from './tool-dependencies';
import { ToolResultCache } from './tool-result-cache';

/** The tools every provider answers with; the query tools share one result cache (see ToolResultCache). */
export function createAssistantTools(given: ToolDependencies): AssistantTool[] {
  const deps = { ...given, resultCache: given.resultCache ?? new ToolResultCache(given.kb) };
  return [
    searchKnowledgeBaseTool(deps),
    serviceWithPartsTool(deps),
    namedQueryTool(deps),
    sqlTool(deps),
    catalogTool(deps),
  ];
}
