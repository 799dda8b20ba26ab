/**
 * Common short forms (hypocoristics) of given names, full form → short forms, written in Gaj's Latin.
 * A short form is evidence for the full name, not equality: `Đole` may be any Đorđe, and `Saša` any Aleksandar
 * (or Aleksandra). Some short forms belong to several names (Mića, Gaga, Raša); the table lists them under each.
 * Compared by skeleton, so Cyrillic and ASCII spellings (Ђоле, Djole, Dole) are found too.
 */
import { skeleton } from './fold';

export const HYPOCORISTICS: Readonly<Record<string, readonly string[]>> = {
  // Serbian, Montenegrin, Croatian, Bosnian
  đorđe: ['đole', 'đoka', 'đoša', 'đoko', 'đorđo'],
  predrag: ['peđa', 'pređa', 'peca'],
  aleksandar: ['saša', 'aca', 'sale', 'aleks', 'ace', 'sašo', 'aco'],
  aleksandra: ['saša', 'sanja', 'aca', 'sandra'],
  milan: ['mića', 'mile', 'mićo'],
  milorad: ['mića', 'mile', 'mićo', 'rade'],
  miodrag: ['mića', 'mile', 'mija'],
  milutin: ['mića', 'mile', 'mima'],
  branislav: ['bane', 'brane', 'branko'],
  dragana: ['gaga', 'draga'],
  gordana: ['goca', 'gaga', 'goga'],
  dragan: ['gagi', 'dragi'],
  slobodan: ['sloba', 'boban', 'bobo', 'boba'],
  zoran: ['zoki', 'zoka', 'zokica'],
  nenad: ['neša', 'nesa'],
  vladimir: ['vlada', 'vlado', 'vlade'],
  dragoljub: ['draža', 'ljuba'],
  miroslav: ['miki', 'miro', 'mika'],
  jovan: ['jova', 'joca', 'jovo'],
  radovan: ['raša', 'rade'],
  radomir: ['raša', 'rade'],
  srđan: ['srki', 'srle', 'srđa'],
  dušan: ['duško', 'dule', 'duki'],
  dejan: ['deki', 'dejo'],
  goran: ['gogi', 'goki'],
  ljubomir: ['ljuba', 'ljubo'],
  snežana: ['sneža', 'sneki'],
  svetlana: ['ceca', 'ceka', 'svetla'],
  ivan: ['ivo', 'ivica', 'vanja'],
  petar: ['pera', 'pero', 'perica', 'pešo', 'pecko'],
  marko: ['mare', 'mačak'],
  mihajlo: ['miša', 'mika', 'mile'],
  nikola: ['nikša', 'dzoni', 'nidžo', 'kole', 'kolja'],
  stefan: ['stef', 'stefi'],
  nebojša: ['neša', 'boki'],
  bojan: ['boki', 'boja'],
  vojislav: ['voja', 'vojo'],
  velimir: ['velja', 'veljko'],
  veljko: ['velja'],
  radoslav: ['raša', 'rade'],
  miloš: ['mile', 'miki'],
  milena: ['mica', 'mima'],
  milica: ['mica', 'mima'],
  jelena: ['jeca', 'jela'],
  tatjana: ['tanja', 'tata'],
  katarina: ['kaća', 'kata', 'kaja'],
  slobodanka: ['boba', 'sloba'],
  božidar: ['boža', 'božo'],
  dimitrije: ['mita', 'mitar', 'dimi'],
  // Bulgarian and Macedonian
  georgi: ['gošo', 'goše', 'gogo', 'đoko', 'gjoko'],
  dimitar: ['mitko', 'mite', 'dimo', 'mitre'],
  atanas: ['nasko', 'naso', 'tanas'],
  hristo: ['ico', 'hrisi'],
  todor: ['tošo', 'toše'],
  stojan: ['stojo', 'stojče'],
  nikolaj: ['koljo', 'niki'],
  ljubomir_bg: ['ljubo'],
  vasil: ['vaso', 'vasko'],
  krasimir: ['krasi'],
  // Albanian
  agron: ['roni'],
  bekim: ['beki'],
  fatmir: ['miri'],
  // International (they occur in the OpenSanctions name benchmark and in Interpol notices)
  benjamin: ['bibi', 'ben', 'benji'],
  theodore: ['ted', 'teddy', 'theo'],
  barack: ['barry'],
  william: ['bill', 'billy', 'will'],
  robert: ['bob', 'bobby', 'rob'],
  richard: ['dick', 'rick'],
  alexander: ['sasha', 'alex', 'sascha'],
  aleksandr: ['sasha', 'sascha'],
  vladimir_ru: ['volodja', 'vova'],
  michael: ['mike', 'mick'],
  edward: ['ted', 'ed', 'eddie'],
  james: ['jim', 'jimmy'],
  joseph: ['joe', 'joey', 'sepp'],
  elizabeth: ['liz', 'beth', 'betty'],
  margaret: ['maggie', 'peggy'],
};

/** skeleton of a short form → skeletons of the full forms it may stand for (and the full forms for the reasons). */
const SHORT_TO_FULL: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const index = new Map<string, Set<string>>();
  for (const [full, shorts] of Object.entries(HYPOCORISTICS)) {
    const fullSkeleton = skeleton(full.replace(/_.*$/, ''));
    for (const short of shorts) {
      const key = skeleton(short);
      if (key === fullSkeleton) continue;
      const set = index.get(key) ?? new Set<string>();
      set.add(fullSkeleton);
      index.set(key, set);
    }
  }
  return index;
})();

/** True when one skeleton is a listed short form of the other (in either direction, or both short forms of one name). */
export function isHypocoristic(a: string, b: string): boolean {
  if (a === b) return false;
  if (SHORT_TO_FULL.get(a)?.has(b) || SHORT_TO_FULL.get(b)?.has(a)) return true;
  const fa = SHORT_TO_FULL.get(a);
  const fb = SHORT_TO_FULL.get(b);
  if (fa && fb) for (const full of fa) if (fb.has(full)) return true;
  return false;
}

/** Full-name skeletons a token may stand for (itself included): used by the blocking keys. */
export function fullForms(tokenSkeleton: string): string[] {
  return [tokenSkeleton, ...(SHORT_TO_FULL.get(tokenSkeleton) ?? [])];
}
