import { AssistantError } from '../../assistant-error';
import type { AnswerEvent, Citation } from '../../contract/answer';
import type { AssistantTool, ToolContext, ToolResult } from '../../contract/tool';

const citationKey = (c: Citation) => (c.kind === 'document' ? `d:${c.id}` : `t:${c.table}`);

/** The tool calls of one answer: each reported as events, their citations and SQL collected in order. */
export class ToolSession {
  readonly sql: string[] = [];
  private readonly citationsByKey = new Map<string, Citation>();

  constructor(
    private readonly tools: readonly AssistantTool[],
    private readonly ctx: ToolContext,
    private readonly onEvent: (event: AnswerEvent) => void,
  ) {}

  get citations(): Citation[] {
    return [...this.citationsByKey.values()];
  }

  get rowCap(): number {
    return this.ctx.rowCap;
  }

  cite(citation: Citation): void {
    if (!this.citationsByKey.has(citationKey(citation))) this.citationsByKey.set(citationKey(citation), citation);
  }

  async call(name: string, input: unknown): Promise<ToolResult> {
    const tool = this.tools.find((t) => t.name === name);
    if (!tool)
      throw new AssistantError(
        'unknown-tool',
        `The local provider needs the ${name} tool, which was not given; pass the tools of createAssistantTools().`,
      );
    this.onEvent({ type: 'tool-call', tool: name, input });
    const result = await tool.run(input, this.ctx);
    if (result.sql) this.sql.push(result.sql);
    for (const citation of result.citations) this.cite(citation);
    const rows = result.table ? `${result.table.rows.length} rows` : 'done';
    this.onEvent({ type: 'tool-result', tool: name, summary: rows });
    return result;
  }
}
