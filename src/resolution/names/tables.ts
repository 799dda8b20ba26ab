/**
 * Our own transliteration tables (issue 18). The npm transliteration packages read every Cyrillic text as
 * Russian and produce `Vuchitsh` for `Вучић`; these tables are per language and 1:1 where the language is.
 * Keys are lower-case letters; callers keep the case of the first letter themselves.
 */

export type LetterTable = Readonly<Record<string, string>>;

/** Serbian, Montenegrin and Bosnian Cyrillic → Gaj's Latin: 30 letters, 1:1 (Montenegrin's rare с́/з́ fold to с/з). */
export const SERBIAN_CYRILLIC: LetterTable = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i',
  ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'ć', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
}; // prettier-ignore

/** Macedonian Cyrillic → Latin (the official 1:1 romanisation with gj/kj as digraphs; ǵ/ḱ are the one-letter forms). */
export const MACEDONIAN_CYRILLIC: LetterTable = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ѓ: 'gj', е: 'e', ж: 'ž', з: 'z', ѕ: 'dz',
  и: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', ќ: 'kj', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', џ: 'dž', ш: 'š',
}; // prettier-ignore

/** The one-letter variants of the Macedonian romanisation (ISO 9 style). */
export const MACEDONIAN_ACCENTED: LetterTable = { ѓ: 'ǵ', ќ: 'ḱ' };

/** Bulgarian Cyrillic → Latin, the official system (Transliteration Act 2009, also BGN/PCGN 2013). */
export const BULGARIAN_OFFICIAL: LetterTable = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sht', ъ: 'a', ь: 'y', ю: 'yu', я: 'ya',
}; // prettier-ignore

/** Bulgarian Cyrillic written the Serbo-Croatian way (as Balkan agencies and Macedonian documents do). */
export const BULGARIAN_SERBOCROATIAN: LetterTable = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ж: 'ž', з: 'z', и: 'i', й: 'j',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'h', ц: 'c', ч: 'č', ш: 'š', щ: 'št', ъ: 'ă', ь: 'j', ю: 'ju', я: 'ja',
}; // prettier-ignore

/** Bulgarian Cyrillic written the German way (German and Austrian agencies). */
export const BULGARIAN_GERMAN: LetterTable = {
  а: 'a', б: 'b', в: 'w', г: 'g', д: 'd', е: 'e', ж: 'sch', з: 's', и: 'i', й: 'j',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u',
  ф: 'f', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ъ: 'a', ь: 'j', ю: 'ju', я: 'ja',
}; // prettier-ignore

/** Russian-language Cyrillic → Latin (BGN/PCGN-like, as Russian-language documents render Balkan names). */
export const RUSSIAN: LetterTable = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya',
}; // prettier-ignore

/**
 * Every Cyrillic letter → the canonical Latin used for comparison (Gaj's Latin where Serbian has the sound).
 * Letters of Ukrainian, Belarusian, Kazakh and Mongolian are included so that such names are at least comparable.
 */
export const CYRILLIC_CANONICAL: LetterTable = {
  ...SERBIAN_CYRILLIC,
  ѓ: 'đ', ќ: 'ć', ѕ: 'dz', // Macedonian: ѓ and ќ are the sounds of đ and ć
  й: 'j', щ: 'št', ъ: 'a', ь: '', ю: 'ju', я: 'ja', ё: 'jo', ы: 'i', э: 'e',
  є: 'je', і: 'i', ї: 'ji', ґ: 'g', ў: 'u', ү: 'u', ұ: 'u', қ: 'k', ғ: 'g', ң: 'n', ә: 'a', ө: 'o', һ: 'h',
}; // prettier-ignore

/** Gaj's Latin → Serbian Cyrillic (the inverse of SERBIAN_CYRILLIC; digraphs first). */
export const LATIN_TO_SERBIAN_CYRILLIC: ReadonlyArray<readonly [string, string]> = [
  ['dž', 'џ'], ['lj', 'љ'], ['nj', 'њ'],
  ...Object.entries(SERBIAN_CYRILLIC).filter(([c, l]) => l.length === 1 && c.length === 1).map(([c, l]) => [l, c] as const),
]; // prettier-ignore

/**
 * Albanian spelling → Serbian (Gaj's Latin) transcription of the same sound. Albanian digraphs are single letters.
 * Order matters: digraphs before their first letter.
 */
export const ALBANIAN_TO_SERBIAN: ReadonlyArray<readonly [string, string]> = [
  ['xh', 'dž'], ['gj', 'đ'], ['sh', 'š'], ['zh', 'ž'], ['th', 't'], ['dh', 'd'], ['ll', 'l'], ['rr', 'r'], ['nj', 'nj'],
  ['q', 'ć'], ['ç', 'č'], ['ë', 'e'], ['x', 'dz'], ['y', 'i'],
]; // prettier-ignore

/** ICAO Doc 9303 part 3 (MRZ) transliteration of the Latin letters with diacritics used in the region. */
export const ICAO_LATIN: LetterTable = {
  ć: 'c', č: 'c', đ: 'd', š: 's', ž: 'z', ë: 'e', ç: 'c', ǵ: 'g', ḱ: 'k', ă: 'a', ś: 's', ź: 'z',
}; // prettier-ignore

/** ICAO Doc 9303 part 3 (MRZ) transliteration of Cyrillic (the Serbian and Macedonian letters included). */
export const ICAO_CYRILLIC: LetterTable = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'd', ѓ: 'g', е: 'e', ё: 'e', ж: 'zh', з: 'z', ѕ: 'dz',
  и: 'i', й: 'i', ј: 'j', к: 'k', л: 'l', љ: 'lj', м: 'm', н: 'n', њ: 'nj', о: 'o', п: 'p', р: 'r',
  с: 's', т: 't', ћ: 'c', ќ: 'k', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', џ: 'dz', ш: 'sh', щ: 'shch',
  ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
}; // prettier-ignore

/** A few other scripts, letter by letter, so that a Greek record still meets its Latin spelling. */
export const GREEK: LetterTable = {
  α: 'a', ά: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', έ: 'e', ζ: 'z', η: 'i', ή: 'i', θ: 'th', ι: 'i', ί: 'i', ϊ: 'i',
  κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', ό: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', ύ: 'y',
  φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o', ώ: 'o',
}; // prettier-ignore

/** Transliterates text letter by letter with a table (lower-cased); letters not in the table are kept. */
export function transliterate(text: string, table: LetterTable): string {
  let out = '';
  for (const ch of text.toLowerCase()) out += table[ch] ?? ch;
  return out;
}

/** Gaj's Latin → Serbian Cyrillic (lower case), digraphs lj/nj/dž first. */
export function toSerbianCyrillic(text: string): string {
  const lower = text.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length;) {
    const pair = LATIN_TO_SERBIAN_CYRILLIC.find(([latin]) => lower.startsWith(latin, i));
    if (pair) {
      out += pair[1];
      i += pair[0].length;
    } else {
      out += lower[i];
      i += 1;
    }
  }
  return out;
}
