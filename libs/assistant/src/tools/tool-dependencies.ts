import type { QueryExecutor } from '@autocorp/query';
import type { Citation } from '../contract/answer';
import type { KnowledgeBase } from '../kb/knowledge-base';
import type { KnowledgeDocument } from '../kb/knowledge-document';
import type { Retriever } from '../retrieval/retriever';
import type { ToolResultCache } from './tool-result-cache';

/** What the tools work with: the query executor, the knowledge base and a retriever over it. */
export interface ToolDependencies {
  readonly executor: QueryExecutor;
  readonly kb: KnowledgeBase;
  readonly retriever: Retriever;
  /** Results of the query tools kept per commit of the tables they read; createAssistantTools makes one when not given. */
  readonly resultCache?: ToolResultCache;
}

/** A curated table as a citation, with the commit instant the knowledge base last saw. */
export function tableCitation(kb: KnowledgeBase, table: string): Citation {
  return { kind: 'table', table, commit: kb.commits().get(table) ?? null };
}

export function documentCitation(document: KnowledgeDocument): Citation {
  return { kind: 'document', id: document.id, title: document.title };
}
