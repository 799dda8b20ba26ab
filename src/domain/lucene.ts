/**
 * Free text to Lucene full-text queries, and the same matching rules in TypeScript: search keeps
 * only hits whose visible names match, and ranks them by `textRelevance`. Pure functions.
 */
import { foldText } from './identity';

/**
 * Letters that Unicode does not decompose into a base letter and a mark (so `foldText` keeps
 * them), folded as Lucene's ASCII folding did: `Đorđević` is searched as `dordevic`.
 */
const UNDECOMPOSED: Record<string, string> = { đ: 'd', ð: 'd', ł: 'l', ŀ: 'l', ø: 'o', ħ: 'h', ŧ: 't', ı: 'i', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th' };
const UNDECOMPOSED_LETTER = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');

/** Every folded word of a text: diacritics stripped, lower case, split on anything but letters and digits. */
export function searchWords(text: string): string[] {
  return foldText(text)
    .replace(UNDECOMPOSED_LETTER, (c) => UNDECOMPOSED[c])
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/** Folded search terms of a query: its first 12 words. */
export function searchTerms(text: string): string[] {
  return searchWords(text).slice(0, 12);
}

/**
 * The text the full-text indexes hold for some names: their folded words separated by single
 * spaces. The indexes split it on white space only (`unicode_whitespace`: no stop words, no
 * stemming), so the index holds exactly the words `searchTerms` makes of a query ("a" and "the"
 * included) and Lucene's matching agrees with `textRelevance`.
 */
export function searchText(names: readonly unknown[]): string {
  return names
    .filter((n): n is string => typeof n === 'string')
    .flatMap(searchWords)
    .join(' ');
}

/** Levenshtein distance of a and b is at most max (with early exit). */
export function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    if (Math.min(...cur) > max) return false;
    prev = cur;
  }
  return prev[b.length] <= max;
}

/**
 * The same matching rules as `luceneQuery`, as a relevance: 0 when some term matches no word;
 * otherwise the sum over terms of how well the best word matches (3 equal, 2 prefix, 1 fuzzy).
 * It reads only the names the caller may see, unlike Lucene's scores, which every document shapes.
 */
export function textRelevance(names: string[], terms: string[]): number {
  const words = names.flatMap((n) => searchWords(n));
  let total = 0;
  for (const t of terms) {
    const fuzz = t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0;
    let best = 0;
    for (const w of words) {
      const tier = w === t ? 3 : w.startsWith(t) ? 2 : fuzz > 0 && editDistanceAtMost(t, w, fuzz) ? 1 : 0;
      if (tier > best) best = tier;
      if (best === 3) break;
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

export const textMatches = (names: string[], terms: string[]) => textRelevance(names, terms) > 0;

/** Turns free text into a Lucene query: folded terms, exact matches boosted, fuzzy and prefix too. */
export function luceneQuery(text: string): string {
  const terms = searchTerms(text);
  return terms
    .map((t) => {
      const fuzzy = t.length >= 8 ? `${t}~2` : t.length >= 4 ? `${t}~1` : undefined;
      return `(${[`${t}^4`, `${t}*^2`, fuzzy].filter(Boolean).join(' OR ')})`;
    })
    .join(' AND ');
}
