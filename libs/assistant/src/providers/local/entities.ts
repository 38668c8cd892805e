import type { ResolvedEntities } from '../../contract/provider';
import { hasTerm, termsOf } from './fuzzy-words';
import { type Lexicon, type LexiconEntry, bestMatches } from './lexicon';

export const NO_ENTITIES: ResolvedEntities = {
  parts: [],
  services: [],
  categories: [],
  states: [],
  paymentMethods: [],
  orderTypes: [],
  statuses: [],
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Entries whose every term the question holds (a payment method, a status). */
function allTermsPresent(terms: readonly string[], entries: readonly LexiconEntry[]): string[] {
  return entries.filter((e) => e.terms.length > 0 && e.terms.every((t) => hasTerm(terms, t))).map((e) => e.id);
}

/** Categories named by a word no other category name has ("brakes", "cooling", "suspension"). */
function categoriesNamed(terms: readonly string[], lexicon: Lexicon): string[] {
  const counts = new Map<string, number>();
  for (const c of lexicon.categories) for (const t of new Set(c.terms)) counts.set(t, (counts.get(t) ?? 0) + 1);
  return lexicon.categories
    .filter((c) => c.terms.some((t) => counts.get(t) === 1 && hasTerm(terms, t)))
    .map((c) => c.id);
}

/** Order types only count when said as a kind of order ("parts orders", "service-only orders", "order type Mixed"). */
function orderTypesNamed(question: string, lexicon: Lexicon): string[] {
  const text = question.toLowerCase();
  return lexicon.orderTypes
    .filter((o) => {
      const name = escape(o.name.toLowerCase()).replace(/s$/, '');
      return (
        new RegExp(`\\b${name}s?[- ](?:only[- ])?(?:orders?|sales|invoices?)\\b`).test(text) ||
        new RegExp(`\\border type (?:of )?${name}s?\\b`).test(text)
      );
    })
    .map((o) => o.id);
}

/** States by their name ("Texas") or their code written in capitals ("TX"). */
function statesNamed(question: string, lexicon: Lexicon): string[] {
  const lower = question.toLowerCase();
  return lexicon.states
    .filter(
      (s) =>
        new RegExp(`\\b${escape(s.name.toLowerCase())}\\b`).test(lower) ||
        new RegExp(`(^|[^A-Za-z])${escape(s.id)}([^A-Za-z]|$)`).test(question),
    )
    .map((s) => s.id);
}

export interface EntityOptions {
  /**
   * How sure a service or part match must be: a lookup names one, while an analytics question
   * names one only in so many words ("revenue from oil changes"), so it needs a stronger match.
   */
  readonly catalogItems: 'lookup' | 'analytics';
}

const MIN_SCORE = {
  lookup: { service: 0.3, part: 0.15 },
  analytics: { service: 0.35, part: 0.6 },
} as const;

/** The parts, services, categories, states, payment methods and order types a question names. */
export function findEntities(question: string, lexicon: Lexicon, options: EntityOptions): ResolvedEntities {
  const terms = termsOf(question);
  const serviceIds = [...question.matchAll(/\bSRV-[A-Z]{3}-\d{3}\b/gi)].map((m) => m[0].toUpperCase());
  const skus = [...question.matchAll(/\b[A-Z]{3}-\d{5}\b/gi)].map((m) => m[0].toUpperCase());
  const min = MIN_SCORE[options.catalogItems];
  const serviceMatches =
    serviceIds.length > 0 ? [] : bestMatches(terms, lexicon.services, lexicon.serviceTermCounts, min.service);
  const partMatches = skus.length > 0 ? [] : bestMatches(terms, lexicon.parts, lexicon.partTermCounts, min.part);
  // A question names a service or a part, not both: the one whose name it covers better ("front brake pad set" is a part).
  // On a tie, words of labor ("replacement", "service", "how long") say service, anything else a part.
  const laborWords = /\b(replac\w*|repair\w*|service|job|labou?r|install\w*|how long|minutes|hours)\b/i.test(question);
  const serviceCoverage = Math.max(0, ...serviceMatches.map((m) => m.coverage)) + (laborWords ? 0.001 : -0.001);
  const partCoverage = Math.max(0, ...partMatches.map((m) => m.coverage));
  const services =
    serviceIds.length > 0
      ? serviceIds.filter((id) => lexicon.services.some((s) => s.id === id))
      : serviceCoverage >= partCoverage
        ? serviceMatches.map((m) => m.entry.id)
        : [];
  const parts =
    skus.length > 0
      ? skus.filter((sku) => lexicon.parts.some((p) => p.id === sku))
      : partCoverage > serviceCoverage
        ? partMatches.map((m) => m.entry.id)
        : [];
  return {
    parts,
    services,
    categories: categoriesNamed(terms, lexicon),
    states: statesNamed(question, lexicon),
    paymentMethods: allTermsPresent(terms, lexicon.paymentMethods),
    orderTypes: orderTypesNamed(question, lexicon),
    statuses: allTermsPresent(terms, lexicon.statuses),
  };
}

/** A result size the question asks for: "top 5", "10 best", "five most". */
export function requestedLimit(question: string): number | undefined {
  const words: Record<string, number> = { three: 3, five: 5, ten: 10, twenty: 20 };
  const m =
    /\b(?:top|best|first)\s+(\d{1,3}|three|five|ten|twenty)\b|\b(\d{1,3}|three|five|ten|twenty)\s+(?:best|top|most)\b/i.exec(
      question,
    );
  const raw = m?.[1] ?? m?.[2];
  if (!raw) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : words[raw.toLowerCase()];
  return n !== undefined && n >= 1 && n <= 100 ? n : undefined;
}
