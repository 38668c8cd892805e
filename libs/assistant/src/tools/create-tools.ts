import type { AssistantTool } from '../contract/tool';
import { catalogTool } from './catalog-tool';
import { namedQueryTool } from './named-query-tool';
import { searchKnowledgeBaseTool } from './search-knowledge-base-tool';
import { serviceWithPartsTool } from './service-parts-tool';
import { sqlTool } from './sql-tool';
import type { ToolDependencies } from './tool-dependencies';

/** The tools every provider answers with. */
export function createAssistantTools(deps: ToolDependencies): AssistantTool[] {
  return [
    searchKnowledgeBaseTool(deps),
    serviceWithPartsTool(deps),
    namedQueryTool(deps),
    sqlTool(deps),
    catalogTool(deps),
  ];
}
