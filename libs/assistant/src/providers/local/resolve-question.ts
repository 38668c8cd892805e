import type { TimeRange } from '../../contract/answer';
import type { ResolvedEntities, ResolvedQuestion } from '../../contract/provider';
import { findEntities, requestedLimit } from './entities';
import { FOLLOW_UP_PATTERN, type Intent, detectIntent, isIntent } from './intents';
import type { Lexicon } from './lexicon';
import { type DataCalendar, findTimeRanges, wholeRange } from './time-range';

const COMPARE_PATTERN = /\b(compare[ds]?|comparison|versus|vs\.?|against|relative to|than)\b/i;

/** Intents answered over a period of orders. */
export const PERIOD_INTENTS: ReadonlySet<Intent> = new Set([
  'top_parts',
  'top_services',
  'revenue',
  'order_count',
  'average_order_value',
  'payment_methods',
  'order_types',
]);

export interface Understood {
  readonly intent: Intent;
  readonly entities: ResolvedEntities;
  readonly limit: number | undefined;
  /** Set when the question builds on the previous one. */
  readonly previous: ResolvedQuestion | undefined;
}

const isEmpty = (e: ResolvedEntities) =>
  Object.values(e).every((list: readonly string[] | undefined) => (list ?? []).length === 0);

function merge(previous: ResolvedEntities, next: ResolvedEntities): ResolvedEntities {
  const pick = (key: keyof ResolvedEntities) =>
    (next[key] ?? []).length > 0 ? (next[key] ?? []) : (previous[key] ?? []);
  // A new category narrows the question: the items of the previous one no longer apply.
  const narrowsByCategory = next.categories.length > 0 && next.services.length === 0 && next.parts.length === 0;
  return {
    parts: narrowsByCategory ? [] : pick('parts'),
    services: narrowsByCategory ? [] : pick('services'),
    categories: pick('categories'),
    states: pick('states'),
    paymentMethods: pick('paymentMethods'),
    orderTypes: pick('orderTypes'),
    statuses: pick('statuses'),
  };
}

/**
 * What a question asks (intent, entities, a result size), taking what it leaves out from the
 * previous question when it is a follow-up ("and last month?", "only brakes"). Undefined when
 * neither the question nor the conversation gives an intent.
 */
export function understand(
  question: string,
  lexicon: Lexicon,
  previous: ResolvedQuestion | undefined,
): Understood | undefined {
  const lookup = findEntities(question, lexicon, { catalogItems: 'lookup' });
  const own = detectIntent(question, { namesService: lookup.services.length > 0, namesPart: lookup.parts.length > 0 });
  const marked = FOLLOW_UP_PATTERN.test(question);
  const prior = previous && isIntent(previous.intent) ? previous : undefined;
  const intent: Intent | undefined =
    own ??
    (prior && (marked || !isEmpty(lookup) || /\b(20\d\d|month|year|quarter)\b/i.test(question))
      ? (prior.intent as Intent)
      : undefined);
  if (!intent) return undefined;
  const isLookup =
    intent === 'service_parts' || intent === 'service_info' || intent === 'part_info' || intent === 'part_services';
  const found = isLookup ? lookup : findEntities(question, lexicon, { catalogItems: 'analytics' });
  const followUp = prior !== undefined && (own === undefined || marked);
  return {
    intent,
    entities: followUp && prior ? merge(prior.entities, found) : found,
    limit: requestedLimit(question) ?? (followUp ? prior?.limit : undefined),
    previous: followUp ? prior : undefined,
  };
}

/** The periods of a question against the data's calendar; a follow-up without one keeps the previous period. */
export function periodsOf(question: string, calendar: DataCalendar, understood: Understood): TimeRange[] {
  const ranges = findTimeRanges(question, calendar);
  const earlier = understood.previous?.timeRange;
  // "compare to 2023" after a question about 2024: both periods, the earlier question's first.
  if (earlier && ranges.length === 1 && COMPARE_PATTERN.test(question) && ranges[0]?.from !== earlier.from)
    return [earlier, ...ranges];
  if (ranges.length > 0) return ranges;
  if (understood.previous?.timeRange) return [understood.previous.timeRange];
  return [wholeRange(calendar)];
}
