/** What a question asks for; each intent has one answer writer. */
export const INTENTS = [
  'catalog',
  'average_order_value',
  'payment_methods',
  'customers_by_state',
  'service_complexity',
  'top_services',
  'top_parts',
  'order_types',
  'order_count',
  'revenue',
  'part_services',
  'service_parts',
  'service_info',
  'part_info',
] as const;
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

/** What the entity finder saw, which some intents need. */
export interface IntentHints {
  readonly namesService: boolean;
  readonly namesPart: boolean;
}

const RULES: readonly { intent: Intent; pattern: RegExp; needs?: keyof IntentHints }[] = [
  {
    intent: 'catalog',
    pattern:
      /\b(what|which) (tables|data ?sets?|datasets)\b|\btables? (are|do you have|exist|is there)\b|\b(describe|explain)\b.{0,40}\b(table|catalog|data)\b|\bcolumns?\b.{0,30}\b(table|in|of)\b|\bschema\b|\bcatalog\b|\bnamed quer(y|ies)\b|\bwhat (data|information) (do you|is) (have|there|available)\b/i,
  },
  {
    intent: 'average_order_value',
    pattern:
      /\baverage (order|ticket|sale|basket|invoice|transaction|spend)|\baov\b|\bavg\.? order|\bmean order|\btypical order (value|size)/i,
  },
  {
    intent: 'payment_methods',
    pattern:
      /\bpayment (methods?|types?|options?)\b|\bhow (do|did) (customers|people|clients) pay\b|\b(paid|pay) (by|with)\b/i,
  },
  {
    intent: 'customers_by_state',
    pattern:
      /\bcustomers?\b.{0,40}\b(states?|per state|by state|where|live|located|from)\b|\b(states?)\b.{0,40}\bcustomers?\b|\bhow many customers\b/i,
  },
  {
    intent: 'service_complexity',
    pattern:
      /\b(most|fewest|least|largest number of|highest number of)\b.{0,20}\bparts\b.{0,30}\bservices?\b|\bservices?\b.{0,40}\b(most|fewest|least)\b.{0,15}\bparts\b|\b(most|least) complex\b/i,
  },
  {
    intent: 'top_services',
    pattern:
      /\b(top|best[- ]?selling|most (popular|common|performed|frequent|requested|sold|booked)|popular|sold the most|bestsellers?|best sellers?)\b.{0,30}\bservices?\b|\bservices?\b.{0,30}\b(sold|performed|done|booked) the most\b|\bwhich services? (sell|sold)\b/i,
  },
  {
    intent: 'top_parts',
    pattern:
      /\b(top|best[- ]?selling|most (popular|sold|purchased|bought)|popular|bestsellers?|best sellers?|sold the most|sells the most|sell the most|highest selling)\b|\bparts?\b.{0,30}\b(sold|sell|sells) (the )?most\b/i,
  },
  {
    intent: 'order_types',
    pattern: /\border types?\b|\b(parts|service|mixed) (orders )?(vs\.?|versus|compared to)\b|\bby (order )?type\b/i,
  },
  {
    intent: 'order_count',
    pattern:
      /\bhow many (orders|invoices|sales|transactions|purchases|jobs)\b|\bnumber of (orders|invoices|sales|transactions)\b|\border (count|volume)\b|\bcount (of )?(the )?orders\b|\borders? (did|do) we (have|get|take)\b/i,
  },
  {
    intent: 'revenue',
    pattern:
      /\b(revenue|sales|turnover|income|earn(ed|ings)?|grossed|gross|takings|money)\b|\bhow much (did|do|have) we (make|made|sell|sold|bring|take)\b|\b(make|made|bring in|brought in)\b.{0,30}\b(from|last|this|in)\b/i,
  },
  {
    intent: 'part_services',
    needs: 'namesPart',
    pattern:
      /\b(which|what) (services?|jobs?|repairs?)\b.{0,40}\b(use[sd]?|need(s|ed)?|require[sd]?|include[sd]?|call for)\b|\b(used|needed|required) (in|by|for)\b.{0,15}\b(services?|jobs?)\b/i,
  },
  {
    intent: 'service_parts',
    needs: 'namesService',
    pattern:
      /\b(parts?|components?|need(ed|s)?|require[sd]?|requirements?|use[sd]?|made of|goes into|go into|bill of materials|bom|materials|kit|consists?)\b/i,
  },
  {
    intent: 'service_info',
    needs: 'namesService',
    pattern: /\b(how long|labou?r|time|minutes|hours|cost|costs|price|charge|rate|much|take|duration|category)\b/i,
  },
  {
    intent: 'part_info',
    needs: 'namesPart',
    pattern:
      /\b(price|prices|cost|costs|how much|stock|inventory|in stock|on hand|manufacturer|makes?|made by|brand|available|availability|sku|details?|about)\b/i,
  },
];

/** The first intent whose words the question has (and whose entity it names, for lookups). */
export function detectIntent(question: string, hints: IntentHints): Intent | undefined {
  for (const rule of RULES) {
    if (rule.needs && !hints[rule.needs]) continue;
    if (rule.pattern.test(question)) return rule.intent;
  }
  return undefined;
}

/** Words that make a question a follow-up of the one before ("and last month?", "only brakes", "what about cash?"). */
export const FOLLOW_UP_PATTERN =
  /^\s*(and|what about|how about|only|just|same|now|but|then|ok|okay|also|what if|for|in|by|compared|versus|vs)\b|\b(same (thing|question|for)|instead|as well|that period|those)\b/i;
