/** Phonetic keys: Daitch–Mokotoff Soundex from talisman (Vucic, Vuchich and Wutschitsch share a code). */
import dm from 'talisman/phonetics/daitch-mokotoff';
import jw from 'talisman/metrics/jaro-winkler';

/** Daitch–Mokotoff codes of an ASCII word (sorted, unique); [] when it has no Latin letters. */
export function daitchMokotoff(word: string): string[] {
  const ascii = word.toLowerCase().replace(/[^a-z]/g, '');
  if (ascii.length === 0) return [];
  return [...new Set(dm(ascii))].sort();
}

/** Jaro–Winkler similarity of two strings. */
export function jaroWinkler(a: string, b: string): number {
  return jw(a, b);
}
