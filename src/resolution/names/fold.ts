/**
 * Name forms: every spelling of a name is brought to a Latin form (with Gaj's diacritics), an ASCII fold and a
 * "skeleton", the comparable form in which Đurić, Djuric, Djurich, Dzhurich, Djuritsch, Ђурић and Dorde-style folds meet.
 */
import { CYRILLIC_CANONICAL, GREEK, ICAO_CYRILLIC, ICAO_LATIN, transliterate, type LetterTable } from './tables';

const CYRILLIC = /[\u0400-\u04ff]/u;
const GREEK_LETTERS = /[\u0370-\u03ff]/u;

/** Lower-case Latin form of a text: Cyrillic (any Balkan or Russian-language spelling) and Greek letters transliterated, diacritics kept. */
export function latinise(text: string): string {
  let out = text.normalize('NFC').toLowerCase();
  if (CYRILLIC.test(out)) out = transliterate(out, CYRILLIC_CANONICAL);
  if (GREEK_LETTERS.test(out)) out = transliterate(out, GREEK);
  return out;
}

/** Letters that NFD does not decompose. */
const SPECIAL_FOLD: LetterTable = { đ: 'd', ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i', þ: 'th', ð: 'd', ħ: 'h' };

/** Strips diacritics: Đurić → duric, Vučić → vucic (the fold an ASCII-only system makes). */
export function asciiFold(text: string): string {
  let out = '';
  for (const ch of latinise(text)) out += SPECIAL_FOLD[ch] ?? ch;
  return out.normalize('NFD').replace(/\p{M}/gu, '');
}

/** The other common ASCII fold: đ → dj, ć/č → ch (or c), š → sh, ž → zh. Djordje Djuric, Vuchich. */
export function asciiFoldDigraphs(text: string, ch: 'ch' | 'c' = 'ch'): string {
  const table: LetterTable = { đ: 'dj', ć: ch, č: ch, š: 'sh', ž: 'zh' };
  let out = '';
  for (const c of latinise(text)) out += table[c] ?? c;
  return asciiFold(out);
}

/** German-style spelling of a Gaj's Latin name: č/ć → tsch, š → sch, ž → sch, c → tz, v → w, đ → dj (Djuritsch, Wutschitsch). */
export function germanSpelling(text: string): string {
  const table: LetterTable = { č: 'tsch', ć: 'tsch', š: 'sch', ž: 'sch', c: 'z', v: 'w', đ: 'dj', j: 'j' };
  let out = '';
  for (const c of latinise(text)) out += table[c] ?? c;
  return asciiFold(out);
}

/**
 * Multi-letter spellings of one sound, longest first, mapped to Gaj's letters. German (tsch, sch, tz), English and
 * Russian-language (dzh, zh, ch, sh, kh, ts), Albanian (xh, gj, q, ç, th, dh) and Macedonian (gj, kj) spellings.
 */
const DIGRAPHS: ReadonlyArray<readonly [string, string]> = [
  ['dsch', 'đ'], ['tsch', 'č'], ['dzh', 'đ'], ['sch', 'š'], ['dž', 'đ'], ['dz', 'đ'], ['dj', 'đ'], ['gj', 'đ'], ['xh', 'đ'],
  ['zh', 'ž'], ['ch', 'č'], ['sh', 'š'], ['kh', 'h'], ['ts', 'c'], ['tz', 'c'], ['th', 't'], ['dh', 'd'],
  ['ph', 'f'], ['ck', 'k'], ['kj', 'ć'], ['q', 'ć'], ['ç', 'č'], ['x', 'ks'],
]; // prettier-ignore

/** After the digraphs: the letters that differ between spellings of one name but not between names. */
const SKELETON_LETTERS: LetterTable = {
  đ: 'd', ć: 'c', č: 'c', š: 's', ž: 'z', ë: 'e', ă: 'a', w: 'v', y: 'i', j: 'i', ǵ: 'd', ḱ: 'c',
}; // prettier-ignore

/** Digits typed for letters (Ig0r Sech1n). Only used inside tokens that also hold letters. */
const LEET: LetterTable = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

/**
 * The skeleton of one name token: Latin, digraphs to single sounds, đ/dž → d, ć/č → c, š → s, ž → z, j/y → i,
 * w → v, doubled letters once. `Đurić`, `Djuric`, `Djurich`, `Dzhurich`, `Djuritsch`, `Ђурић`, `Duric` → `duric`;
 * `Krasniqi`, `Krasnići`, `Краснићи` → `krasnici`; `Hoxha`, `Hodža` → `hoda`; `Stoyanov`, `Stojanov`, `Стоянов`, `Stojanow` → `stoianov`.
 */
export function skeleton(token: string): string {
  return spelled(token).replace(/(.)\1+/gu, '$1');
}

/** The skeleton before doubled letters are written once (`shteev` keeps its two e's: a typo distance needs them). */
export function spelled(token: string): string {
  let s = latinise(token);
  if (/\p{L}/u.test(s) && /\d/.test(s)) s = s.replace(/\d/g, (d) => LEET[d] ?? d);
  let out = '';
  for (let i = 0; i < s.length;) {
    const hit = DIGRAPHS.find(([from]) => s.startsWith(from, i));
    if (hit) {
      out += hit[1];
      i += hit[0].length;
    } else {
      out += s[i];
      i += 1;
    }
  }
  let folded = '';
  for (const ch of out) folded += SKELETON_LETTERS[ch] ?? SPECIAL_FOLD[ch] ?? ch;
  folded = folded.normalize('NFD').replace(/\p{M}/gu, '');
  return folded.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * ICAO 9303 MRZ name field: SURNAME<<GIVEN<NAMES, A–Z and `<` only. ICAO writes Đ/Ђ as D; Serbian and Montenegrin
 * documents write DJ (`DJURIC<<DJORDJE`): `dj` chooses that.
 */
export function mrzName(surname: string, given: string, dj = false): string {
  const part = (text: string): string => {
    let out = '';
    for (const ch of text.normalize('NFC').toLowerCase()) out += dj && (ch === 'đ' || ch === 'ђ') ? 'dj' : (ICAO_CYRILLIC[ch] ?? ICAO_LATIN[ch] ?? ch);
    return out
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toUpperCase()
      .replace(/[^A-Z]+/g, '<')
      .replace(/^<+|<+$/g, '');
  };
  return `${part(surname)}<<${part(given)}`;
}
