import type { BuiltQuery, DialectName } from '@autocorp/query';
import type { ChartSuggestion, ResultTable, TimeRange } from '../../../contract/answer';
import type { ResolvedQuestion } from '../../../contract/provider';
import type { ToolResult } from '../../../contract/tool';
import { displaySql } from '../../../tools/named-query-tool';
import { RUN_SQL } from '../../../tools/sql-tool';
import type { Lexicon } from '../lexicon';
import type { ToolSession } from '../tool-session';
import type { StreamedText } from './streamed-text';

/** What an answer writer works from. */
export interface AnswerContext {
  readonly question: string;
  readonly resolved: ResolvedQuestion;
  /** The periods the question names (at least one for period intents; the first is `resolved.timeRange`). */
  readonly ranges: readonly TimeRange[];
  readonly session: ToolSession;
  /** Where the writer streams the parts of its text that are already certain. */
  readonly text: StreamedText;
  readonly lexicon: Lexicon;
  readonly dialect: DialectName;
}

/** An answer before the provider adds citations, SQL and its name. */
export interface Draft {
  readonly text: string;
  readonly table?: ResultTable;
  readonly chart?: ChartSuggestion;
  readonly timeRange?: TimeRange;
  readonly outcome?: 'answered' | 'unanswerable';
}

/** Runs a built query through the read-only SQL tool (so it is guarded, capped, timed out and shown). */
export function runQuery(ctx: AnswerContext, built: BuiltQuery): Promise<ToolResult> {
  return ctx.session.call(RUN_SQL, { sql: displaySql(built, ctx.dialect) });
}

/** The rows of a tool result's table as objects. */
export function rowsOf(result: ToolResult): Record<string, string | number | boolean | null>[] {
  const table = result.table;
  if (!table) return [];
  return table.rows.map((row) => Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null])));
}

/** The display name of a lexicon entry by id. */
export function nameOf(entries: readonly { id: string; name: string }[], id: string): string {
  return entries.find((e) => e.id === id)?.name ?? id;
}
