/**
 * Free text to Lucene full-text queries, and the same matching rules in TypeScript (used to keep
 * only hits whose visible names match). Pure functions, no database.
 */

/** Folded search terms: diacritics stripped, lower case, split on anything but letters and digits (at most 12). */
export function searchTerms(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 12);
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

/** The same matching rules as `luceneQuery`: every term equals, prefixes or fuzzily matches a word. */
export function textMatches(names: string[], terms: string[]): boolean {
  const words = names.flatMap((n) => searchTerms(n));
  return terms.every((t) => {
    const fuzz = t.length >= 8 ? 2 : t.length >= 4 ? 1 : 0;
    return words.some((w) => w === t || w.startsWith(t) || (fuzz > 0 && editDistanceAtMost(t, w, fuzz)));
  });
}

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
