/**
 * Tokenising a person's or organisation's name: honorifics and parenthesised father's names dropped, MRZ and
 * "SURNAME, Given" forms read, particles (al, bin, de, van …) kept aside, initials recognised.
 */
import { asciiFold, latinise, skeleton, spelled } from './fold';
import { daitchMokotoff } from './phonetic';

export type TokenRole = 'surname' | 'given' | 'unknown';

export interface NameToken {
  /** as written (one word) */
  readonly raw: string;
  /** lower-case Latin with diacritics (Gaj's letters for Cyrillic) */
  readonly latin: string;
  readonly ascii: string;
  readonly skeleton: string;
  /** the skeleton with doubled letters kept */
  readonly spelled: string;
  /** Daitch–Mokotoff codes of the skeleton */
  readonly phonetic: readonly string[];
  readonly initial: boolean;
  readonly role: TokenRole;
}

export interface ParsedName {
  readonly original: string;
  readonly tokens: readonly NameToken[];
  /** particles (al, bin, van …) and words dropped as honorifics, kept for the record */
  readonly dropped: readonly string[];
  /** parenthesised words (a father's name written `Đorđe (Milan) Đurić`) */
  readonly parenthesised: readonly string[];
}

/** Honorifics, titles and filler words that are not part of a name (compared on the ASCII fold). */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'sir', 'dame', 'lord', 'herr', 'frau', 'monsieur', 'madame', 'mme', 'mlle',
  'gospodin', 'gospodja', 'gospodjica', 'gdja', 'gdjica', 'gosp', 'ing', 'dipl', 'mag', 'mr.sc', 'president',
  'prasident', 'presidente', 'predsednik', 'predsjednik', 'minister', 'general', 'gen', 'col', 'colonel', 'capt',
  'shaikh', 'sheikh', 'shaykh', 'imam', 'mullah', 'hon', 'rev', 'jr', 'sr', 'ii', 'iii', 'na', 'nn', 'aka', 'alias',
  'zvani', 'zv', 'vulgo', 'sa', 'llc', 'ltd', 'gmbh', 'doo', 'ag',
]); // prettier-ignore

/** Particles that join name parts; neither evidence for nor against a match. */
export const PARTICLES: ReadonlySet<string> = new Set([
  'al', 'el', 'ul', 'bin', 'ben', 'ibn', 'bint', 'abu', 'abou', 'de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du',
  'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'ould', 'ag', 'mac', 'st',
]); // prettier-ignore

function makeToken(raw: string, role: TokenRole): NameToken {
  const latin = latinise(raw);
  const ascii = asciiFold(raw);
  // one letter written is an initial, whatever its skeleton (X. for Xhevdet, Đ. for Đorđe)
  const initial = [...latin].filter((c) => /\p{L}/u.test(c)).length === 1;
  const sk = initial ? ascii.replace(/[^a-z]/g, '').slice(0, 1) || skeleton(raw) : skeleton(raw);
  return {
    raw,
    latin,
    ascii,
    skeleton: sk,
    spelled: initial ? sk : spelled(raw),
    phonetic: sk.length > 1 ? daitchMokotoff(sk) : [],
    initial,
    role,
  };
}

/** Splits camel-case joins (`SergeiLavrov`, `FridrichBuchenberg`) when both halves have three letters or more. */
function splitJoined(text: string): string {
  return text.replace(/(\p{Ll}{2,})(\p{Lu}\p{Ll}{2,})/gu, '$1 $2');
}

function words(text: string): string[] {
  return splitJoined(text)
    .split(/[\s\-‐–—_.,;:/"'’`´«»“”„()[\]{}<>+*&|\\]+/u)
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

/** True when a token is written all in capitals in a name that also has lower-case letters: `DJURIC Djordje`. */
function capitalised(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}

/** Parsed names (cleared when full): a review queue scores one record against many. */
const CACHE = new Map<string, ParsedName>();
const CACHE_SIZE = 20000;

/** Parses one written name into tokens (memoised; the result is shared, do not change it). */
export function parseName(name: string): ParsedName {
  const hit = CACHE.get(name);
  if (hit) return hit;
  const parsed = parseUncached(name);
  if (CACHE.size >= CACHE_SIZE) CACHE.clear();
  CACHE.set(name, parsed);
  return parsed;
}

function parseUncached(name: string): ParsedName {
  const original = name;
  let text = name.normalize('NFC').trim();
  const parenthesised: string[] = [];
  text = text.replace(/\(([^)]*)\)|\[([^\]]*)\]/g, (_m, a: string | undefined, b: string | undefined) => {
    parenthesised.push(...words(a ?? b ?? ''));
    return ' ';
  });
  let surnameWords: string[] = [];
  let givenWords: string[] = [];
  let unknownWords: string[] = [];
  if (text.includes('<')) {
    // ICAO 9303: SURNAME<<GIVEN<NAMES, `<` as filler
    const [surname, ...rest] = text.split(/<{2,}/);
    surnameWords = words((surname ?? '').replace(/</g, ' '));
    givenWords = words(rest.join(' ').replace(/</g, ' '));
  } else if (text.includes(',')) {
    const [surname, ...rest] = text.split(',');
    surnameWords = words(surname ?? '');
    givenWords = words(rest.join(' '));
  } else {
    const all = words(text);
    const mixed = /\p{Ll}/u.test(text) && /\p{Lu}/u.test(text);
    const caps = mixed ? all.filter(capitalised) : [];
    if (caps.length > 0 && caps.length < all.length) {
      surnameWords = caps;
      givenWords = all.filter((w) => !capitalised(w));
    } else {
      unknownWords = all;
    }
  }
  const dropped: string[] = [];
  const tokens: NameToken[] = [];
  const add = (list: string[], role: TokenRole): void => {
    for (const word of list) {
      const folded = asciiFold(word);
      if (HONORIFICS.has(folded) || PARTICLES.has(folded) || folded.length === 0) {
        dropped.push(word);
        continue;
      }
      const token = makeToken(word, role);
      if (token.skeleton.length === 0) continue;
      tokens.push(token);
    }
  };
  add(surnameWords, 'surname');
  add(givenWords, 'given');
  add(unknownWords, 'unknown');
  // a name made only of honorifics or particles keeps them (`Al`, `Sir`): better than no token at all
  if (tokens.length === 0 && dropped.length > 0) for (const w of dropped) tokens.push(makeToken(w, 'unknown'));
  return { original, tokens, dropped, parenthesised };
}
