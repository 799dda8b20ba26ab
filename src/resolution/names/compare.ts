/**
 * Comparing two names token by token, ignoring word order. Each aligned pair of tokens gets a class (exact,
 * transliteration, hypocoristic, typo, phonetic, initial, feminine form); tokens left over are a middle name
 * (father's name) on the longer side, or a conflict when both sides have tokens left.
 */
import { isHypocoristic } from './hypocoristics';
import type { NameToken, ParsedName } from './tokens';

export type PairClass = 'exact' | 'transliteration' | 'hypocoristic' | 'typo' | 'near' | 'phonetic' | 'initial' | 'feminine';

export interface TokenPair {
  readonly left: NameToken;
  readonly right: NameToken;
  readonly kind: PairClass;
}

export interface NameAlignment {
  readonly pairs: readonly TokenPair[];
  /** tokens of the longer side left over (a middle or father's name, a second surname) */
  readonly extra: readonly NameToken[];
  /** left-over tokens on both sides, paired: different given names or surnames */
  readonly conflicts: ReadonlyArray<readonly [NameToken, NameToken]>;
  /** the names are one word apart only by spaces (`SergeiLavrov`, `Patr ushev`) */
  readonly joined: boolean;
}

/** Optimal string alignment (Damerau–Levenshtein with adjacent transpositions), three rows of the table. */
export function damerauLevenshtein(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let before = new Int32Array(n + 1);
  let previous = new Int32Array(n + 1);
  let current = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= m; i++) {
    current[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2] + 1);
      current[j] = v;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[n];
}

/** Feminine forms of Slavic and Baltic surnames: the masculine form plus one of these endings. */
const FEMININE: ReadonlyArray<readonly [string, string]> = [
  ['ova', 'ov'], ['eva', 'ev'], ['ina', 'in'], ['ska', 'ski'], ['cka', 'cki'], ['ska', 'sk'], ['skaia', 'ski'], ['ka', 'ki'],
]; // prettier-ignore

/** True when one skeleton is the feminine form of the other: Ivanova/Ivanov, Petrovska/Petrovski, Stojanova/Stojanov. */
export function isFeminineForm(a: string, b: string): boolean {
  const test = (fem: string, masc: string): boolean =>
    FEMININE.some(([f, m]) => fem.endsWith(f) && masc.endsWith(m) && fem.slice(0, -f.length) === masc.slice(0, -m.length) && masc.length >= 4);
  return a !== b && (test(a, b) || test(b, a));
}

function typoClass(a: NameToken, b: NameToken): PairClass | null {
  const shorter = Math.min(a.skeleton.length, b.skeleton.length);
  // more than two letters apart in length: more than two edits apart
  if (shorter < 3 || Math.abs(a.skeleton.length - b.skeleton.length) > 2) return null;
  const distance = Math.min(damerauLevenshtein(a.skeleton, b.skeleton), damerauLevenshtein(a.spelled, b.spelled));
  if (distance === 1) {
    // a substitution in the first letter is less likely a typo than a different name (Larry/Harry, Tim/Tom are both)
    return shorter >= 4 ? 'typo' : 'near';
  }
  // two edits: a similar spelling when the words are long enough and begin alike (Merkur/Merkel, Sechev/Sechin)
  if (distance === 2 && shorter >= 6 && a.skeleton.slice(0, 2) === b.skeleton.slice(0, 2)) return 'near';
  return null;
}

/** The class of two tokens, or null when they are different words. */
export function classify(a: NameToken, b: NameToken): PairClass | null {
  if (a.initial || b.initial) {
    if (a.initial && b.initial) return a.skeleton === b.skeleton ? 'exact' : null;
    const full = a.initial ? b : a;
    const init = a.initial ? a : b;
    // an initial stands for the first letter of the written name or of its ASCII fold (Đ. → Đorđe, D. → Djordje)
    return full.skeleton.startsWith(init.skeleton) || full.ascii.startsWith(init.skeleton) ? 'initial' : null;
  }
  // exact: written alike (case aside); transliteration: alike once script, diacritics and spelling conventions are folded
  if (a.raw.normalize('NFC').toLowerCase() === b.raw.normalize('NFC').toLowerCase()) return 'exact';
  if (a.latin === b.latin || a.ascii === b.ascii || a.skeleton === b.skeleton) return 'transliteration';
  // German spellings write ž as sch and з as s (Schiwkowitsch, Sdrawko): s and z apart, the skeletons are equal
  if (a.skeleton.replace(/z/g, 's') === b.skeleton.replace(/z/g, 's')) return 'transliteration';
  if (isFeminineForm(a.skeleton, b.skeleton)) return 'feminine';
  if (isHypocoristic(a.skeleton, b.skeleton)) return 'hypocoristic';
  const typo = typoClass(a, b);
  if (typo) return typo;
  // Daitch–Mokotoff codes stop at six digits: a long word and its prefix (Oleksandr/Oleksandrovych) are not alike
  const lengthGap = Math.abs(a.skeleton.length - b.skeleton.length);
  if (lengthGap <= 2 && a.phonetic.some((code) => b.phonetic.includes(code)) && a.skeleton[0] === b.skeleton[0]) return 'phonetic';
  return null;
}

const RANK: Record<PairClass, number> = { exact: 0, transliteration: 1, feminine: 2, typo: 3, hypocoristic: 4, phonetic: 5, near: 6, initial: 7 };

/** Aligns the tokens of two names, best pairs first (greedy on class, then on role agreement). */
export function alignNames(left: ParsedName, right: ParsedName): NameAlignment {
  const candidates: Array<{ i: number; j: number; kind: PairClass; order: number }> = [];
  left.tokens.forEach((a, i) =>
    right.tokens.forEach((b, j) => {
      const kind = classify(a, b);
      if (!kind) return;
      const roleBonus = a.role !== 'unknown' && b.role !== 'unknown' && a.role !== b.role ? 0.5 : 0;
      // ties: keep word order when nothing else tells (the first token with the first token)
      candidates.push({ i, j, kind, order: RANK[kind] + roleBonus + Math.abs(i - j) * 0.01 });
    }),
  );
  candidates.sort((x, y) => x.order - y.order);
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const pairs: TokenPair[] = [];
  for (const c of candidates) {
    if (usedL.has(c.i) || usedR.has(c.j)) continue;
    usedL.add(c.i);
    usedR.add(c.j);
    pairs.push({ left: left.tokens[c.i], right: right.tokens[c.j], kind: c.kind });
  }
  const restL = left.tokens.filter((_, i) => !usedL.has(i));
  const restR = right.tokens.filter((_, j) => !usedR.has(j));
  const conflicts: Array<readonly [NameToken, NameToken]> = [];
  const l = [...restL];
  const r = [...restR];
  while (l.length > 0 && r.length > 0) conflicts.push([l.shift()!, r.shift()!]);
  const extra = [...l, ...r];
  const joinedL = left.tokens.map((t) => t.skeleton).join('');
  const joinedR = right.tokens.map((t) => t.skeleton).join('');
  const joined = left.tokens.length !== right.tokens.length && joinedL === joinedR;
  return { pairs, extra, conflicts, joined };
}
