import type { KnowledgeBase } from '../../kb/knowledge-base';
import type { KnowledgeDocument } from '../../kb/knowledge-document';
import { hasTerm, termsOf } from './fuzzy-words';

/** A thing a question can name: its id, how it is written, and its search terms. */
export interface LexiconEntry {
  readonly id: string;
  readonly name: string;
  readonly category: string;
  readonly terms: readonly string[];
}

/** State names by their two-letter code (the customers' `state` column holds the codes). */
const STATE_NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'Virgin Islands',
  AS: 'American Samoa',
  MP: 'Northern Mariana Islands',
};

export function stateName(code: string): string {
  return STATE_NAMES[code] ?? code;
}

const entry = (id: string, name: string, category = ''): LexiconEntry => ({ id, name, category, terms: termsOf(name) });

/**
 * What the local provider can recognise in a question, all read from the knowledge base (so from
 * the data): services, parts, categories, payment methods, order types, order statuses, states.
 */
export class Lexicon {
  readonly services: LexiconEntry[] = [];
  readonly parts: LexiconEntry[] = [];
  readonly categories: LexiconEntry[] = [];
  readonly paymentMethods: LexiconEntry[] = [];
  readonly orderTypes: LexiconEntry[] = [];
  readonly statuses: LexiconEntry[] = [];
  readonly states: LexiconEntry[] = [];
  /** The curated tables' names. */
  readonly tables: string[] = [];
  /** In how many service (part) names each term occurs: rarer terms say more. */
  readonly serviceTermCounts = new Map<string, number>();
  readonly partTermCounts = new Map<string, number>();

  constructor(documents: readonly KnowledgeDocument[]) {
    for (const doc of documents) {
      const f = doc.fields;
      if (doc.kind === 'service')
        this.services.push(entry(String(f['serviceid']), String(f['service']), String(f['category'])));
      if (doc.kind === 'table') this.tables.push(doc.key);
      if (doc.kind === 'part')
        this.parts.push(entry(String(f['sku']), String(f['description']), String(f['category'])));
      if (doc.kind !== 'value') continue;
      const value = String(f['value']);
      const column = f['column'];
      if (column === 'category') this.categories.push(entry(value, value));
      if (column === 'payment_method') this.paymentMethods.push(entry(value, value));
      if (column === 'order_type') this.orderTypes.push(entry(value, value));
      if (column === 'status') this.statuses.push(entry(value, value));
      if (column === 'state') this.states.push({ ...entry(value, stateName(value)), category: value });
    }
    // A state without customers is still a state a question can name (its answer is zero).
    for (const [code, name] of Object.entries(STATE_NAMES))
      if (!this.states.some((s) => s.id === code)) this.states.push({ ...entry(code, name), category: code });
    for (const [list, counts] of [
      [this.services, this.serviceTermCounts],
      [this.parts, this.partTermCounts],
    ] as const)
      for (const e of list) for (const t of new Set(e.terms)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }

  static of(kb: KnowledgeBase): Lexicon {
    return new Lexicon(kb.documents);
  }
}

/** How well a question names one entry. */
export interface EntryMatch {
  readonly entry: LexiconEntry;
  /** Distinct terms of the entry the question holds. */
  readonly matched: number;
  /** Their rarity: a word in one name counts 1, a word in five names 0.2. */
  readonly weight: number;
  /** The share of the entry's terms the question holds. */
  readonly coverage: number;
}

/**
 * The entries a question names best: those sharing the most terms with it, then the rarest ones
 * (every entry within 90% of the best rarity among them). An entry counts when the rarity of its
 * shared terms reaches `minScore`, or when the question holds two or more of its terms and at
 * least half of them. Typos of one edit are allowed in words of five letters or more.
 */
export function bestMatches(
  questionTerms: readonly string[],
  entries: readonly LexiconEntry[],
  counts: ReadonlyMap<string, number>,
  minScore: number,
): EntryMatch[] {
  const scored: EntryMatch[] = [];
  for (const entry of entries) {
    const matched = [...new Set(entry.terms.filter((t) => hasTerm(questionTerms, t)))];
    const weight = matched.reduce((s, t) => s + 1 / (counts.get(t) ?? 1), 0);
    // Coverage counts the words that tell entries apart: not a word in a tenth or more of the names ("replacement", "premium").
    const telling = [...new Set(entry.terms)].filter((t) => (counts.get(t) ?? 1) < entries.length / 10);
    const coverage = matched.filter((t) => telling.includes(t)).length / Math.max(1, telling.length);
    if (weight >= minScore || (matched.length >= 2 && coverage >= 0.5))
      scored.push({ entry, matched: matched.length, weight, coverage });
  }
  const most = Math.max(0, ...scored.map((s) => s.matched));
  const top = scored.filter((s) => s.matched === most);
  const best = Math.max(0, ...top.map((s) => s.weight));
  return top.filter((s) => s.weight >= best * 0.9);
}
