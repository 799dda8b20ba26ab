// talisman 1.1.4 ships no type declarations; these cover the two modules resolution uses.
declare module 'talisman/phonetics/daitch-mokotoff' {
  /** Daitch–Mokotoff Soundex: every 6-digit code a (lower-case) name may have. */
  function daitchMokotoff(name: string): string[];
  export = daitchMokotoff;
}

declare module 'talisman/metrics/jaro-winkler' {
  /** Jaro–Winkler similarity in [0, 1]. */
  function jaroWinkler(a: string, b: string): number;
  export = jaroWinkler;
}
