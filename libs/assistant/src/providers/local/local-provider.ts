import type { DialectName } from '@autocorp/query';
import type { Answer, AnswerEvent } from '../../contract/answer';
import type { AnswerProvider, AnswerRequest, ResolvedQuestion } from '../../contract/provider';
import type { ToolContext } from '../../contract/tool';
import type { KnowledgeBase } from '../../kb/knowledge-base';
import { DEFAULT_TOOL_LIMITS } from '../../tools/tool-limits';
import { calendarQuery } from './analytics-queries';
import { type AnswerContext, type Draft, rowsOf, runQuery } from './answers/answer-context';
import {
  catalog,
  partInfo,
  partServices,
  serviceComplexity,
  serviceInfo,
  serviceParts,
} from './answers/catalog-answers';
import { customersByState, metric, orderTypes, paymentMethods, topItems } from './answers/sales-answers';
import { StreamedText } from './answers/streamed-text';
import { refusalOf } from './guardrails';
import type { Intent } from './intents';
import { Lexicon } from './lexicon';
import { PERIOD_INTENTS, periodsOf, understand } from './resolve-question';
import { type DataCalendar, FUTURE_PATTERN } from './time-range';
import { ToolSession } from './tool-session';

export const CANNOT_ANSWER = "I can't answer that from the data.";

/** What the local provider can answer, said when it cannot answer a question. */
export const CAPABILITIES =
  'I can answer questions about parts (price, maker, stock), services (labor time and cost, the parts each one requires), sales over any period of the orders (top-selling parts and services, revenue, order counts, average order value, payment methods, order types, with comparisons between periods), customers per state, and the tables of the catalog.';

const WRITERS: Record<Intent, (ctx: AnswerContext) => Promise<Draft>> = {
  catalog,
  average_order_value: (ctx) => paymentMethods(ctx, 'average'),
  payment_methods: (ctx) => paymentMethods(ctx, 'usage'),
  customers_by_state: customersByState,
  service_complexity: serviceComplexity,
  top_services: (ctx) => topItems(ctx, 'service'),
  top_parts: (ctx) => topItems(ctx, 'part'),
  order_types: orderTypes,
  order_count: (ctx) => metric(ctx, 'orders'),
  revenue: (ctx) => metric(ctx, 'revenue'),
  part_services: partServices,
  service_parts: (ctx) => serviceParts(ctx, false),
  service_info: serviceInfo,
  part_info: partInfo,
};

export interface LocalProviderOptions {
  readonly kb: KnowledgeBase;
  /** The SQL dialect of the executor behind the tools. */
  readonly dialect: DialectName;
  readonly rowCap?: number;
  readonly timeoutMs?: number;
}

/**
 * The default provider, with no model: recognises the intent, the entities (fuzzy) and the periods
 * (against the data's own calendar) of a question, calls the same tools a model would, and writes
 * the answer from their results only. Follow-ups reuse the previous turn's resolved question.
 */
export class LocalProvider implements AnswerProvider {
  readonly name = 'local' as const;
  private lexicon: Lexicon;
  private calendarCache: { readonly commit: string | null; readonly calendar: DataCalendar } | undefined;

  constructor(private readonly options: LocalProviderOptions) {
    this.lexicon = Lexicon.of(options.kb);
    options.kb.onChange(() => {
      this.lexicon = Lexicon.of(options.kb);
    });
  }

  /** The data's calendar, read again only when sales_order has a new commit. */
  private async calendar(ctx: AnswerContext): Promise<DataCalendar | undefined> {
    const commit = this.options.kb.commits().get('sales_order') ?? null;
    if (this.calendarCache && this.calendarCache.commit === commit && commit !== null) {
      ctx.session.cite({ kind: 'table', table: 'sales_order', commit });
      return this.calendarCache.calendar;
    }
    const [row] = rowsOf(await runQuery(ctx, calendarQuery()));
    const firstDay = row?.['first_day'];
    const lastDay = row?.['last_day'];
    if (typeof firstDay !== 'string' || typeof lastDay !== 'string') return undefined;
    this.calendarCache = { commit, calendar: { firstDay, lastDay } };
    return this.calendarCache.calendar;
  }

  async answer(request: AnswerRequest): Promise<Answer & { readonly resolved?: ResolvedQuestion }> {
    const emit = (event: AnswerEvent) => request.onEvent?.(event);
    const text = new StreamedText((delta) => emit({ type: 'text-delta', text: delta }));
    const finish = (answer: Answer & { resolved?: ResolvedQuestion }) => {
      text.finish(answer.text);
      emit({ type: 'answer', answer });
      return answer;
    };
    const refusal = refusalOf(request.question);
    if (refusal)
      return finish({
        text: `I can't do that: ${refusal.reason}. I only read the curated tables, and I never show customer email addresses, phone numbers or street addresses. ${CAPABILITIES}`,
        citations: [],
        sql: [],
        provider: this.name,
        outcome: 'refused',
      });
    const previous = request.conversation.turns.at(-1)?.resolved;
    const understood = FUTURE_PATTERN.test(request.question)
      ? undefined
      : understand(request.question, this.lexicon, previous);
    const needsItems =
      understood &&
      (understood.intent === 'service_parts' || understood.intent === 'service_info') &&
      understood.entities.services.length === 0;
    const needsParts = understood && (understood.intent === 'part_info' || understood.intent === 'part_services');
    if (!understood || needsItems || (needsParts && understood.entities.parts.length === 0))
      return finish({
        text: `${CANNOT_ANSWER} ${CAPABILITIES}`,
        citations: [],
        sql: [],
        provider: this.name,
        outcome: 'unanswerable',
      });
    const ctx: ToolContext = {
      signal: request.signal ?? new AbortController().signal,
      rowCap: this.options.rowCap ?? DEFAULT_TOOL_LIMITS.rowCap,
      timeoutMs: this.options.timeoutMs ?? DEFAULT_TOOL_LIMITS.timeoutMs,
    };
    const session = new ToolSession(request.tools, ctx, emit);
    const base = { question: request.question, session, text, lexicon: this.lexicon, dialect: this.options.dialect };
    let ranges: AnswerContext['ranges'] = [];
    if (PERIOD_INTENTS.has(understood.intent)) {
      const [row] = rowsOf(
        await runQuery(
          { ...base, resolved: { intent: understood.intent, entities: understood.entities }, ranges: [] },
          calendarQuery(),
        ),
      );
      const firstDay = row?.['first_day'];
      const lastDay = row?.['last_day'];
      if (typeof firstDay !== 'string' || typeof lastDay !== 'string')
        return finish({
          text: `${CANNOT_ANSWER} The lake holds no orders yet.`,
          citations: session.citations,
          sql: session.sql,
          provider: this.name,
          outcome: 'unanswerable',
        });
      ranges = periodsOf(request.question, { firstDay, lastDay }, understood);
    }
    const resolved: ResolvedQuestion = {
      intent: understood.intent,
      entities: understood.entities,
      ...(ranges[0] ? { timeRange: ranges[0] } : {}),
      ...(understood.limit !== undefined ? { limit: understood.limit } : {}),
    };
    const draft = await WRITERS[understood.intent]({ ...base, resolved, ranges });
    return finish({
      text: draft.text,
      ...(draft.table ? { table: draft.table } : {}),
      ...(draft.chart ? { chart: draft.chart } : {}),
      citations: session.citations,
      sql: session.sql,
      provider: this.name,
      outcome: draft.outcome ?? 'answered',
      ...(draft.timeRange ? { timeRange: draft.timeRange } : {}),
      resolved,
    });
  }
}
