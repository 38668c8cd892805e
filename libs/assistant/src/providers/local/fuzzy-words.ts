import { searchTerm, tokenize } from '../../retrieval/lexical/search-terms';

/** A text's search terms (synonyms folded, stop words dropped, stemmed), as the index sees them. */
export function termsOf(text: string): string[] {
  return tokenize(text)
    .map(searchTerm)
    .filter((t): t is string => t !== null);
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}

/** Whether two terms are the same word, allowing one typo in words of five letters or more. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 5) return false;
  return editDistance(a, b, 1) <= 1;
}

/** Whether a question's terms hold this term (typos allowed). */
export function hasTerm(terms: readonly string[], term: string): boolean {
  return terms.some((t) => sameWord(t, term));
}
