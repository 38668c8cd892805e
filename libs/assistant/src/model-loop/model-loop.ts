import type { Answer, AnswerEvent } from '../contract/answer';
import type { ConversationState } from '../contract/provider';
import type { AssistantTool, ToolResult } from '../contract/tool';
import { answerFromTools } from './answer-from-tools';
import { maskingStream } from './streaming-redaction';
import type { ChatModel, ModelMessage, ModelToolSpec } from './model-messages';
import { type ToolCallLimits, runToolCall } from './run-tool-call';
import { refusalOf } from '../providers/local/guardrails';
import { CANNOT_ANSWER } from '../providers/local/local-provider';
import { modelSystemPrompt } from './system-prompt';

export interface ModelLoopLimits extends ToolCallLimits {
  /** Model requests per question: tool rounds plus the final answer. */
  readonly maxTurns: number;
}

/** What a refused question is told besides the reason. */
const WONT_DO_NOTE =
  'I only read the curated tables and never show customer contact details; ask about parts, services, orders or sales.';

export const DEFAULT_MODEL_LOOP_LIMITS: ModelLoopLimits = { maxTurns: 6, rowCap: 200, timeoutMs: 30_000 };

export interface ModelLoopRequest {
  readonly model: ChatModel;
  readonly question: string;
  readonly conversation: ConversationState;
  readonly tools: readonly AssistantTool[];
  readonly limits: ModelLoopLimits;
  /** Masks customer contact details in the streamed and the final text. */
  readonly redact: (text: string) => string;
  readonly onEvent?: (event: AnswerEvent) => void;
  readonly signal?: AbortSignal;
}

/** The earlier turns of the conversation as user/assistant messages, so follow-ups have their context. */
function historyMessages(conversation: ConversationState): ModelMessage[] {
  return conversation.turns.flatMap((turn): ModelMessage[] => [
    { role: 'user', text: turn.question },
    { role: 'assistant', text: turn.answer.text, toolCalls: [] },
  ]);
}

export function toolSpecs(tools: readonly AssistantTool[]): ModelToolSpec[] {
  return tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }));
}

/** A short line about a tool result for the event stream (not the result itself). */
function summarize(result: ToolResult | undefined, error: unknown): string {
  if (!result) return `failed: ${JSON.stringify(error)}`;
  const rows = result.table ? `${result.table.rows.length} rows` : 'no table';
  return `${rows}, ${result.citations.length} citations${result.sql ? ', ran SQL' : ''}`;
}

/**
 * The tool-use loop of the model providers: send the conversation and the tool specs, run the tools the model
 * calls (each with the row cap and timeout), feed their results back, and repeat until the model answers or
 * `maxTurns` requests were made. Text is streamed as `text-delta` events; the Answer's table, citations and SQL
 * come from the tool results only (answerFromTools).
 */
export async function runModelLoop(request: ModelLoopRequest): Promise<Answer> {
  const { model, tools, limits, onEvent, signal } = request;
  const system = modelSystemPrompt(tools.map((t) => t.name));
  const specs = toolSpecs(tools);
  const messages: ModelMessage[] = [...historyMessages(request.conversation), { role: 'user', text: request.question }];
  const results: ToolResult[] = [];
  const finish = (modelText: string): Answer => {
    const answer = answerFromTools({
      provider: model.provider,
      question: request.question,
      modelText,
      results,
      redact: request.redact,
    });
    onEvent?.({ type: 'answer', answer });
    return answer;
  };

  // The questions the local provider refuses (injection, writes, files, contact details) never reach the model.
  const refusal = refusalOf(request.question);
  if (refusal) {
    const answer: Answer = {
      text: `I can't do that: ${refusal.reason}. ${WONT_DO_NOTE}`,
      citations: [],
      sql: [],
      provider: model.provider,
      outcome: 'refused',
    };
    onEvent?.({ type: 'text-delta', text: answer.text });
    onEvent?.({ type: 'answer', answer });
    return answer;
  }

  for (let turn = 0; turn < limits.maxTurns; turn++) {
    const stream = maskingStream(request.redact, (text) => onEvent?.({ type: 'text-delta', text }));
    const reply = await model.complete({
      system,
      messages,
      tools: specs,
      ...(signal ? { signal } : {}),
      onTextDelta: (text) => stream.push(text),
    });
    stream.end();
    messages.push({ role: 'assistant', text: reply.text, toolCalls: reply.toolCalls });
    if (reply.toolCalls.length === 0) return finish(reply.text);

    const toolResults = [];
    for (const call of reply.toolCalls) {
      onEvent?.({ type: 'tool-call', tool: call.name, input: call.input });
      const outcome = await runToolCall(call, tools, limits, signal);
      if (outcome.result) results.push(outcome.result);
      onEvent?.({
        type: 'tool-result',
        tool: call.name,
        summary: summarize(outcome.result, outcome.modelResult.content),
      });
      toolResults.push(outcome.modelResult);
    }
    messages.push({ role: 'tool', results: toolResults });
  }
  return finish(`${CANNOT_ANSWER} The model did not finish within ${limits.maxTurns} requests.`);
}
