import { stemmer } from 'stemmer';
import { canonicalSynonyms } from './domain-synonyms';

/** Words too common to rank by. */
const STOP_WORDS = new Set(
  'a an and are as at be by do does for from has have how i in is it its me my of on or our show tell that the their them there these this to us was we what when where which who why will with you your please give list'.split(
    ' ',
  ),
);

/** The text as the index sees it: synonyms in canonical form, split into lowercase words. */
export function tokenize(text: string): string[] {
  return canonicalSynonyms(text)
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== '');
}

/** One word as indexed and searched: stop words dropped, the rest stemmed ("replacements" -> "replac"). */
export function searchTerm(term: string): string | null {
  const lower = term.toLowerCase();
  if (STOP_WORDS.has(lower)) return null;
  return /^[0-9]/.test(lower) ? lower : stemmer(lower);
}
