import { describe, expect, it } from 'vitest';
import type { AnswerEvent } from '../../src/index';
import { CANNOT_ANSWER } from '../../src/index';
import { NOVA_PRO_MODEL_ID } from '../../src/providers/bedrock/index';
import { EMPTY_CONVERSATION, modelProviderHarness } from '../support/model-provider-harness';
import { SALES_TABLE, salesRows } from '../support/sales-sql-tool';
import { type ConverseBody, converseToolResults } from '../../testing/scripted-bedrock-server';
import type { ScriptedReply } from '../../testing/scripted-model';

const harness = modelProviderHarness();
const EMPTY = EMPTY_CONVERSATION;

const TOP_MONTH = `SELECT month, CAST(sum(revenue) AS INTEGER) AS revenue FROM ${SALES_TABLE} GROUP BY month ORDER BY month`;
/** The revenue per month, computed from the test's rows. */
function revenueByMonth(): [string, number][] {
  const totals = new Map<string, number>();
  for (const r of salesRows()) totals.set(r.month, (totals.get(r.month) ?? 0) + r.revenue);
  return [...totals.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Nova's side: calls run_sql, then reads the toolResult and names the best month with its revenue. */
const bestMonth = (body: ConverseBody, turn: number): ScriptedReply => {
  if (turn === 0) return { text: 'Let me check.', toolCalls: [{ name: 'run_sql', input: { sql: TOP_MONTH } }] };
  const [result] = converseToolResults(body);
  const rows = (result?.json as { rows: { month: string; revenue: number }[] }).rows;
  const best = [...rows].sort((a, b) => b.revenue - a.revenue)[0];
  return { text: `The best month was ${best?.month} with revenue ${best?.revenue}.` };
};

describe.each([true, false])(
  'bedrock provider (ConverseStream %s) against the Bedrock Runtime wire format',
  (stream) => {
    it('sends Nova Pro the tools as toolSpecs, runs its toolUse and answers from the toolResult', async () => {
      const { server, provider } = await harness.bedrock(bestMonth, { stream });
      const events: AnswerEvent[] = [];
      const answer = await provider.answer({
        question: 'Which month had the most revenue?',
        conversation: EMPTY,
        tools: [harness.tool],
        onEvent: (e) => events.push(e),
      });

      const months = revenueByMonth();
      const [bestName, bestRevenue] = [...months].sort((a, b) => b[1] - a[1])[0] ?? [];
      expect(answer.text).toBe(`The best month was ${bestName} with revenue ${bestRevenue}.`);
      expect(answer).toMatchObject({ provider: 'bedrock', outcome: 'answered', sql: [TOP_MONTH] });
      expect(answer.table?.rows).toEqual(months);
      expect(answer.chart).toEqual({ kind: 'line', x: 'month', y: 'revenue', title: 'revenue by month' });

      expect(server.requests.map((r) => r.path)).toEqual(
        Array(2).fill(`/model/${encodeURIComponent(NOVA_PRO_MODEL_ID)}/${stream ? 'converse-stream' : 'converse'}`),
      );
      expect(server.requests[0]?.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/bedrock\//,
      );
      const [first, second] = server.requests.map((r) => JSON.parse(r.body) as ConverseBody);
      expect(first?.toolConfig?.tools).toEqual([
        {
          toolSpec: {
            name: 'run_sql',
            description: harness.tool.description,
            inputSchema: { json: harness.tool.inputSchema },
          },
        },
      ]);
      expect(first?.system?.[0]?.text).toContain(CANNOT_ANSWER);
      expect(first?.messages).toEqual([{ role: 'user', content: [{ text: 'Which month had the most revenue?' }] }]);
      // The assistant turn carries the text and the toolUse; the tool result goes back in a user turn with its id.
      const toolUse = second?.messages[1]?.content.find((b) => 'toolUse' in b)?.['toolUse'] as {
        toolUseId: string;
        input: unknown;
      };
      expect(second?.messages[1]?.content[0]).toEqual({ text: 'Let me check.' });
      expect(toolUse.input).toEqual({ sql: TOP_MONTH });
      expect(converseToolResults(second as ConverseBody)).toEqual([
        {
          toolUseId: toolUse.toolUseId,
          status: 'success',
          json: { rows: months.map(([month, revenue]) => ({ month, revenue })) },
        },
      ]);

      const streamed = events.flatMap((e) => (e.type === 'text-delta' ? [e.text] : [])).join('');
      expect(streamed).toBe(`Let me check.${answer.text}`);
      expect(events.at(-1)).toEqual({ type: 'answer', answer });
    });
  },
);

describe('bedrock provider errors', () => {
  it('sends a failed tool back as a toolResult with status error', async () => {
    const { server, provider } = await harness.bedrock((body, turn) =>
      turn === 0
        ? { toolCalls: [{ name: 'run_sql', input: { sql: `DELETE FROM ${SALES_TABLE}` } }] }
        : { text: `${CANNOT_ANSWER} ${JSON.stringify(converseToolResults(body)[0]?.json)}` },
    );
    const answer = await provider.answer({
      question: 'Tidy up the sales table',
      conversation: EMPTY,
      tools: [harness.tool],
    });
    expect(answer.outcome).toBe('unanswerable');
    const second = JSON.parse(server.requests[1]?.body ?? '{}') as ConverseBody;
    expect(converseToolResults(second)).toEqual([
      { toolUseId: expect.any(String), status: 'error', json: { error: expect.stringMatching(/DELETE statement/) } },
    ]);
  });

  it('turns a Bedrock exception into AssistantError provider-failed naming the model', async () => {
    const { provider } = await harness.bedrock(() => new Error('The provided model identifier is invalid.'));
    await expect(
      provider.answer({ question: 'Anything', conversation: EMPTY, tools: [harness.tool] }),
    ).rejects.toMatchObject({
      kind: 'provider-failed',
      message: expect.stringMatching(
        /ConverseStream with model amazon\.nova-pro-v1:0 failed: The provided model identifier is invalid/,
      ),
      cause: expect.objectContaining({ name: 'ValidationException' }),
    });
  });
});
