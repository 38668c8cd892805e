import { searchTerm, tokenize } from '../../retrieval/lexical/search-terms';

/** A text's search terms (synonyms folded, stop words dropped, stemmed), as the index sees them. */
export function termsOf(text: string): string[] {
  return tokenize(text)
    .map(searchTerm)
    .filter((t): t is string => t !== null);
}

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const up = rows[i - 1] as number[];
      let value = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] ?? 0) + 1);
      row.push(value);
    }
    if (Math.min(...row) > max) return max + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] ?? max + 1;
}

/**
 * Whether two terms are the same word, allowing one typo (an edit or a swap of neighbours) after
 * the first two letters in words of five letters or more ("stock" is not "shock"), a final "e" the stemmer left on a misspelt word ("chnage" is "chang"),
 * and one extra letter at the end of a short word ("sett").
 */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 3 && Math.abs(a.length - b.length) === 1 && (a.startsWith(b) || b.startsWith(a))) return true;
  for (const x of new Set([a, a.replace(/e$/, '')]))
    for (const y of new Set([b, b.replace(/e$/, '')]))
      if (Math.min(x.length, y.length) >= 5 && x.slice(0, 2) === y.slice(0, 2) && editDistance(x, y, 1) <= 1)
        return true;
  return false;
}

/** Whether a question's terms hold this term (typos allowed). */
export function hasTerm(terms: readonly string[], term: string): boolean {
  return terms.some((t) => sameWord(t, term));
}
