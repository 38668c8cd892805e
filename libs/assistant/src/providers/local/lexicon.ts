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
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  PR: 'Puerto Rico', GU: 'Guam', VI: 'Virgin Islands', AS: 'American Samoa', MP: 'Northern Mariana Islands',
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
      if (doc.kind === 'service') this.services.push(entry(String(f['serviceid']), String(f['service']), String(f['category'])));
      if (doc.kind === 'table') this.tables.push(doc.key);
      if (doc.kind === 'part') this.parts.push(entry(String(f['sku']), String(f['description']), String(f['category'])));
      if (doc.kind !== 'value') continue;
      const value = String(f['value']);
      const column = f['column'];
      if (column === 'category') this.categories.push(entry(value, value));
      if (column === 'payment_method') this.paymentMethods.push(entry(value, value));
      if (column === 'order_type') this.orderTypes.push(entry(value, value));
      if (column === 'status') this.statuses.push(entry(value, value));
      if (column === 'state') this.states.push({ ...entry(value, stateName(value)), category: value });
    }
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

/**
 * The entries a question names best, by the rarity of the words it shares with each (a word in
 * one name counts 1, a word in five names 0.2); every entry within 90% of the best score, when
 * the best reaches `minScore`. Typos of one letter are allowed in words of five letters or more.
 */
export function bestMatches(
  questionTerms: readonly string[],
  entries: readonly LexiconEntry[],
  counts: ReadonlyMap<string, number>,
  minScore: number,
): LexiconEntry[] {
  const scored = entries.map((e) => {
    const matched = e.terms.filter((t) => hasTerm(questionTerms, t));
    const score = [...new Set(matched)].reduce((s, t) => s + 1 / (counts.get(t) ?? 1), 0);
    return { e, score, coverage: matched.length / Math.max(1, e.terms.length) };
  });
  const best = Math.max(0, ...scored.map((s) => s.score));
  if (best < minScore) return [];
  const top = scored.filter((s) => s.score >= best * 0.9);
  const bestCoverage = Math.max(...top.map((s) => s.coverage));
  return top.filter((s) => s.coverage >= bestCoverage * 0.5).map((s) => s.e);
}
