/**
 * The shop's words for one thing: each group's first entry is the form the index holds, and a
 * question's other forms are read as it ("LOF" and "lube" are an oil change; "tyre" is a tire).
 * Phrases are matched on whole words, after lowercasing.
 */
export const DOMAIN_SYNONYMS: readonly (readonly string[])[] = [
  ['oil change', 'lube oil filter', 'lube and oil', 'lube job', 'lube', 'lof', 'oil service', 'oil and filter'],
  ['brake pad replacement', 'brake job', 'brake service', 'brakes done', 'brake work'],
  ['tire', 'tyre'],
  ['tires', 'tyres'],
  ['ac', 'aircon', 'air conditioning', 'air con'],
  ['windshield', 'windscreen'],
  ['muffler', 'silencer'],
  ['gasoline', 'petrol'],
  ['hood', 'bonnet'],
  ['trunk', 'boot'],
  ['coolant', 'antifreeze'],
  ['battery', 'car battery'],
  ['spark plug', 'sparkplug', 'plugs'],
  ['alignment', 'tracking'],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const RULES = DOMAIN_SYNONYMS.flatMap((group) =>
  group.slice(1).map((variant) => ({
    pattern: new RegExp(`(^|[^a-z0-9])${escape(variant).replace(/ /g, '[^a-z0-9]+')}(?=$|[^a-z0-9])`, 'g'),
    canonical: group[0] ?? variant,
  })),
);

/** The text with every synonym written in its group's first form (lowercased). */
export function canonicalSynonyms(text: string): string {
  let out = text.toLowerCase().replace(/a\/c/g, 'ac');
  for (const rule of RULES) out = out.replace(rule.pattern, (_m, before: string) => `${before}${rule.canonical}`);
  return out;
}
