import type { ToolResult } from '../contract/tool';
import type { KnowledgeBase } from '../kb/knowledge-base';

/** Where the cache reads the commit instants from: the knowledge base (its last refresh). */
export type CommitSource = Pick<KnowledgeBase, 'commits'>;

/** How many tool results one cache keeps (least recently used dropped first). */
export const DEFAULT_TOOL_RESULT_CACHE_ENTRIES = 512;

/**
 * Tool results kept between questions, keyed by the tool, its input, the row cap and the commit
 * instant of every table the call reads, as the knowledge base saw them at its last refresh. A new
 * commit of any of those tables (seen by the next refresh) changes the key, so the call runs again;
 * the tools' citations name the same commit instants, so a reused result is the one the call would
 * give. Calls that read a table with no commit, or name no table, are not kept. Failures are never
 * kept. Results are shared: callers treat them as read-only.
 */
export class ToolResultCache {
  private readonly entries = new Map<string, ToolResult>();

  constructor(
    private readonly kb: CommitSource,
    private readonly maxEntries = DEFAULT_TOOL_RESULT_CACHE_ENTRIES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The key of a call, or undefined when its result may not be kept. */
  keyOf(tool: string, input: unknown, rowCap: number, tables: readonly string[]): string | undefined {
    if (tables.length === 0) return undefined;
    const commits = this.kb.commits();
    const instants: string[] = [];
    for (const table of [...new Set(tables)].sort()) {
      const commit = commits.get(table);
      if (commit === null || commit === undefined) return undefined;
      instants.push(`${table}@${commit}`);
    }
    return JSON.stringify([tool, input, rowCap, instants]);
  }

  /** The kept result of this call, or `run()`'s result (kept when it succeeds and has a key). */
  async getOrRun(key: string | undefined, run: () => Promise<ToolResult>): Promise<ToolResult> {
    if (key === undefined) return run();
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const result = await run();
    this.entries.set(key, result);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return result;
  }

  clear(): void {
    this.entries.clear();
  }
}
