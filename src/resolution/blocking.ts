/**
 * Blocking keys: a few indexed keys per record such that two records of one person share at least one and a key
 * is not shared by crowds. The store indexes them with the statements; candidates for a record are the records
 * sharing a key (no all-pairs scan). Keys are built from the skeletons' Daitch–Mokotoff codes, so spelling,
 * script and transliteration do not change them; a short form (Đole) also yields the keys of its full form (Đorđe).
 *
 * - `n2:` two name parts together (given name + surname, in any order): the main key;
 * - `y:` one name part with the birth year (and the next year, so a year off by one still meets): catches a typo
 *   or an unknown short form in the other part;
 * - `i:` the first letter of one part with the code of another: `Đ. Đurić` meets `Đorđe Đurić`;
 * - `o:` organisations and locations: each word's code with the country, and two words together.
 * A store should not use a key held by more than a few hundred records (a crowd, e.g. `i:` of a common surname).
 */
import { parseDate } from './dates';
import { fullForms } from './names/hypocoristics';
import { daitchMokotoff } from './names/phonetic';
import { parseName, type NameToken } from './names/tokens';
import type { MatchRecord } from './score';

/** Codes kept per name part: Daitch–Mokotoff gives up to a few branches; two keep the key set small. */
const CODES_PER_TOKEN = 2;
/** Name parts per name used for keys (the longest ones: short parts are common). */
const TOKENS_PER_NAME = 4;

function codes(token: NameToken): string[] {
  const out = new Set<string>();
  for (const form of fullForms(token.skeleton)) for (const code of daitchMokotoff(form).slice(0, CODES_PER_TOKEN)) out.add(code);
  return [...out];
}

/** The blocking keys of a record (sorted, unique). */
export function blockingKeys(record: MatchRecord): string[] {
  const keys = new Set<string>();
  const person = record.type.toLowerCase() === 'person';
  const year = parseDate(record.birthDate)?.year;
  const country = record.country?.trim().toUpperCase() ?? '';
  for (const name of [record.name, ...(record.aliases ?? [])]) {
    const parsed = parseName(name);
    const words = parsed.tokens.filter((t) => !t.initial && t.skeleton.length >= 2);
    const chosen = [...words].sort((a, b) => b.skeleton.length - a.skeleton.length).slice(0, TOKENS_PER_NAME);
    const codesOf = chosen.map(codes);
    for (let i = 0; i < chosen.length; i++) {
      for (let j = i + 1; j < chosen.length; j++)
        for (const a of codesOf[i]) for (const b of codesOf[j]) keys.add(`${person ? 'n2' : 'o2'}:${a < b ? `${a}|${b}` : `${b}|${a}`}`);
      if (person) {
        if (year !== undefined) for (const code of codesOf[i]) for (const y of [year, year + 1]) keys.add(`y:${code}|${y}`);
        // the first letter of each other part with this part's code
        // (as an initial is written: the skeleton's first letter or the ASCII fold's, X. for Xhevdet)
        for (const other of parsed.tokens) {
          if (other === chosen[i]) continue;
          for (const letter of new Set([other.skeleton[0], other.ascii.replace(/[^a-z]/g, '')[0]]))
            if (letter) for (const code of codesOf[i]) keys.add(`i:${letter}|${code}`);
        }
      } else {
        for (const code of codesOf[i]) keys.add(`o:${code}|${country}`);
      }
    }
    if (chosen.length === 1 && person) for (const code of codesOf[0]) keys.add(`n1:${code}`);
  }
  return [...keys].sort();
}
