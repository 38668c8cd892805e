import { z } from 'zod';

/**
 * The chat endpoint's contract. The Answer/AnswerEvent schemas mirror @autocorp/assistant's contract
 * types (a type-level test in apps/orchestrator keeps the two assignable to each other).
 */

/** A question is at most this many characters. */
export const MAX_CHAT_QUESTION_LENGTH = 2000;

export const ChatProviderSchema = z.enum(['local', 'bedrock', 'openai-compatible']);
export type ChatProvider = z.infer<typeof ChatProviderSchema>;

export const AnswerCellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Rows a tool returned, in column order (decimals as exact strings). */
export const AnswerTableSchema = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })).readonly(),
  rows: z.array(z.array(AnswerCellSchema).readonly()).readonly(),
});

/** A chart that fits the answer's table: `x` and `y` name its columns. */
export const ChartSuggestionSchema = z.object({
  kind: z.enum(['line', 'bar']),
  x: z.string(),
  y: z.string(),
  title: z.string(),
});

/** Where an answer's facts come from: a knowledge-base document, or a curated table at a commit instant. */
export const CitationSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('document'), id: z.string(), title: z.string() }),
  z.object({ kind: z.literal('table'), table: z.string(), commit: z.string().nullable() }),
]);

/** Order days an answer covers: `from` included, `to` excluded (YYYY-MM-DD), and how it was said. */
export const AnswerTimeRangeSchema = z.object({ from: z.string(), to: z.string(), label: z.string() });

export const AnswerOutcomeSchema = z.enum(['answered', 'unanswerable', 'refused']);

/** What the assistant says: text written from tool results only, with the table, sources and SQL behind it. */
export const AnswerSchema = z.object({
  text: z.string(),
  table: AnswerTableSchema.optional(),
  chart: ChartSuggestionSchema.optional(),
  citations: z.array(CitationSchema).readonly(),
  /** Every SQL statement that ran for this answer, in order. */
  sql: z.array(z.string()).readonly(),
  provider: ChatProviderSchema,
  outcome: AnswerOutcomeSchema,
  timeRange: AnswerTimeRangeSchema.optional(),
});
export type ChatAnswer = z.infer<typeof AnswerSchema>;

const TextDeltaEvent = z.object({ type: z.literal('text-delta'), text: z.string() });
const ToolCallEvent = z.object({ type: z.literal('tool-call'), tool: z.string(), input: z.unknown() });
const ToolResultEvent = z.object({ type: z.literal('tool-result'), tool: z.string(), summary: z.string() });

/** What an answer streams while it is made; the last event is always `answer` (the assistant's AnswerEvent). */
export const AnswerEventSchema = z.discriminatedUnion('type', [
  TextDeltaEvent,
  ToolCallEvent,
  ToolResultEvent,
  z.object({ type: z.literal('answer'), answer: AnswerSchema }),
]);
export type ChatAnswerEvent = z.infer<typeof AnswerEventSchema>;

/** POST /api/chat: a question, and the conversation it follows up on (the id an earlier answer returned). */
export const ChatRequestSchema = z.strictObject({
  question: z
    .string()
    .trim()
    .min(1, { message: 'ask a question about the data' })
    .max(MAX_CHAT_QUESTION_LENGTH, { message: `ask in at most ${MAX_CHAT_QUESTION_LENGTH} characters` }),
  conversationId: z
    .uuid({ message: 'expected the conversationId an earlier answer returned (a UUID)' })
    .optional()
    .describe('Continue this conversation; leave it out to start a new one'),
});
export type ChatRequest = z.input<typeof ChatRequestSchema>;

/**
 * One server-sent event of POST /api/chat (event name = `type`): the assistant's events as they come,
 * then `answer` with the Answer and the conversation id to send with a follow-up, or `error` when the
 * provider failed after the stream began (before it, the route answers 502 JSON).
 */
export const ChatEventSchema = z.discriminatedUnion('type', [
  TextDeltaEvent,
  ToolCallEvent,
  ToolResultEvent,
  z.object({ type: z.literal('answer'), conversationId: z.uuid(), answer: AnswerSchema }),
  z.object({
    type: z.literal('error'),
    kind: z.string(),
    /** The provider that failed. */
    provider: ChatProviderSchema,
    message: z.string(),
  }),
]);
export type ChatEvent = z.infer<typeof ChatEventSchema>;

/** What the chat client's promise resolves with: the final answer and its conversation. */
export interface ChatResult {
  readonly conversationId: string;
  readonly answer: ChatAnswer;
}

/** GET /api/chat/info: the provider in use, whether it can answer, and starter questions from the data. */
export const ChatInfoSchema = z.object({
  provider: ChatProviderSchema,
  /** The model the provider calls (null for `local`, which has none). */
  model: z.string().nullable(),
  /** Whether a question can be answered now (the lake has curated tables, the provider is configured). */
  ready: z.boolean(),
  /** Why not, and what to do, when not ready. */
  reason: z.string().nullable(),
  /** Questions built from the data: real part and service names, the latest month with orders. */
  starters: z.array(z.string()),
});
export type ChatInfo = z.infer<typeof ChatInfoSchema>;
