/**
 * Scoring a pair of records (Fellegi–Sunter style): every feature adds a log-odds contribution, the sum maps to
 * 0..1 with the logistic function, and the decision reads the sum and the kind of evidence behind it.
 * SAME needs overwhelming evidence that is not the name alone; a name-only pair is at best POSSIBLE.
 */
import { dateBand, parseDate, type DateBand } from './dates';
import { alignNames, type NameAlignment, type PairClass } from './names/compare';
import { parseName, type NameToken, type ParsedName } from './names/tokens';

export type MatchDecision = 'SAME' | 'POSSIBLE' | 'DIFFERENT';

export interface MatchRecord {
  /** Person, Organisation, Location (other types are compared like organisations) */
  readonly type: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  /** YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY */
  readonly birthDate?: string | null;
  /** ISO 3166 alpha-2 or alpha-3 codes; compared upper-cased */
  readonly nationalities?: readonly string[];
  readonly country?: string | null;
  /** ids of organisations, operations and other linked entities (given by the caller, only those it may see) */
  readonly neighbours?: readonly string[];
}

export interface Feature {
  readonly name: string;
  readonly weight: number;
}

export interface MatchResult {
  /** logistic(sum of the feature weights), 0..1 */
  readonly score: number;
  readonly decision: MatchDecision;
  readonly reasons: string[];
  readonly features: Feature[];
}

/** Log-odds contributions. Positive: evidence for the same individual; negative: against. */
export const WEIGHTS = {
  /** prior log-odds that two candidate records (sharing a blocking key) are one person */
  prior: -3,
  name: {
    exact: 3,
    /** a token of one or two letters written out in full (`Li`, `Ko`) says less */
    exactShort: 1.5,
    transliteration: 3,
    typo: 2,
    hypocoristic: 1.5,
    phonetic: 1.2,
    near: 0.8,
    initial: 0.6,
    /** Ivanova/Ivanov when the given names agree too */
    feminineWithGivenName: 1,
    /** Ivanova/Ivanov and nothing else agreeing: two people of one family */
    feminineAlone: -6,
    /** a token of one name with no counterpart while the other has a different one: Marko/Nikola */
    conflict: -6,
    /** with a conflicting part, the name evidence is at most this (four equal parts do not outweigh a fifth that differs) */
    conflictCap: 1.5,
    /** a token of the longer name left over: a middle or father's name */
    extra: -0.8,
    extraInitial: -0.3,
    /** the names differ only by spaces (SergeiLavrov) */
    joined: 5,
    /** no token of one name meets the other */
    none: -8,
  },
  birthDate: {
    equal: 4.5,
    swapped: 3,
    yearOffByOne: 2.5,
    sameYearOnly: 1,
    yearOffByOnePartial: 0.3,
    sameYearOtherDay: -2.5,
    missing: 0,
    conflicting: -9,
  } satisfies Record<DateBand, number>,
  nationality: { shared: 1, disjoint: -1.5 },
  country: { same: 0.3, personDifferent: 0, organisationSame: 1.5, organisationDifferent: -3 },
  neighbour: { each: 2, max: 6 },
} as const;

/** Decision thresholds on the sum of contributions. */
export const THRESHOLDS = {
  /** POSSIBLE from here (score 0.5) */
  possible: 0,
  /** SAME from here (score ≈ 0.9975) … */
  same: 6,
  /** … and only with this much name evidence from parts written alike, transliterated or mistyped (a short form or an initial is for review) … */
  sameName: 4,
  /** … and this much evidence that is not the name (a birth date equal or swapped, or shared neighbours) */
  sameOther: 3,
} as const;

const CLASS_LABEL: Record<PairClass, string> = {
  exact: 'exact',
  transliteration: 'transliteration',
  hypocoristic: 'hypocoristic: short form',
  typo: 'typo',
  near: 'similar spelling',
  phonetic: 'phonetic',
  initial: 'initial',
  feminine: 'feminine form',
};

const DATE_LABEL: Record<DateBand, string> = {
  equal: 'birth date equal',
  swapped: 'birth date day/month swapped',
  yearOffByOne: 'birth year off by one (same day and month)',
  sameYearOnly: 'birth year equal (no full date on one side)',
  yearOffByOnePartial: 'birth year off by one (no full date on one side)',
  sameYearOtherDay: 'birth date differs in the day or the month only',
  missing: 'birth date missing on one side',
  conflicting: 'birth dates conflict',
};

function roleLabel(a: NameToken, b: NameToken, aIndex: number, aCount: number): string {
  const role = a.role !== 'unknown' ? a.role : b.role;
  if (role === 'surname') return 'surname';
  if (role === 'given') return 'given name';
  // unknown order: regional records are written Given Surname
  return aCount > 1 && aIndex === aCount - 1 ? 'surname' : aCount > 1 ? 'given name' : 'name';
}

interface NameEvidence {
  readonly weight: number;
  /** the part of the weight from parts written alike, transliterated or mistyped (no short forms, initials, sound-alikes) */
  readonly strong: number;
  readonly features: Feature[];
  readonly reasons: string[];
}

function nameEvidence(left: ParsedName, right: ParsedName, alignment: NameAlignment): NameEvidence {
  const w = WEIGHTS.name;
  const features: Feature[] = [];
  const reasons: string[] = [];
  if (alignment.joined) {
    features.push({ name: 'name: equal but for spaces', weight: w.joined });
    reasons.push(`names ${left.original} = ${right.original} (equal but for spaces)`);
    return { weight: w.joined, strong: w.joined, features, reasons };
  }
  if (alignment.pairs.length === 0) {
    features.push({ name: 'name: no part in common', weight: w.none });
    reasons.push(`names ${left.original} and ${right.original} have no part in common`);
    return { weight: w.none, strong: 0, features, reasons };
  }
  const agreeingOther = alignment.pairs.filter((p) => p.kind !== 'feminine' && p.kind !== 'initial' && p.kind !== 'near').length > 0;
  for (const pair of alignment.pairs) {
    let weight: number;
    if (pair.kind === 'exact') weight = pair.left.skeleton.length <= 2 ? w.exactShort : w.exact;
    else if (pair.kind === 'feminine') weight = agreeingOther ? w.feminineWithGivenName : w.feminineAlone;
    else weight = w[pair.kind];
    const index = left.tokens.indexOf(pair.left);
    const label = roleLabel(pair.left, pair.right, index, left.tokens.length);
    features.push({ name: `name: ${label} ${CLASS_LABEL[pair.kind]}`, weight });
    const same = pair.kind === 'exact' ? '=' : pair.kind === 'feminine' && !agreeingOther ? '≠' : '≈';
    reasons.push(`${label} ${pair.left.raw} ${same} ${pair.right.raw} (${CLASS_LABEL[pair.kind]})`);
  }
  for (const [a, b] of alignment.conflicts) {
    features.push({ name: 'name: conflicting part', weight: w.conflict });
    reasons.push(`name parts differ: ${a.raw} ≠ ${b.raw}`);
  }
  for (const token of alignment.extra) {
    const weight = token.initial ? w.extraInitial : w.extra;
    features.push({ name: token.initial ? 'name: extra initial' : 'name: extra part', weight });
    reasons.push(`${token.raw} on one side only (middle or father's name)`);
  }
  const sum = features.reduce((s, f) => s + f.weight, 0);
  const strong = alignment.pairs
    .map((p): number =>
      p.kind === 'exact'
        ? p.left.skeleton.length <= 2
          ? w.exactShort
          : w.exact
        : p.kind === 'transliteration'
          ? w.transliteration
          : p.kind === 'typo'
            ? w.typo
            : 0,
    )
    .reduce((s: number, v: number) => s + v, 0);
  if (alignment.conflicts.length > 0 && sum > w.conflictCap) {
    features.push({ name: 'name: capped by a conflicting part', weight: w.conflictCap - sum });
    return { weight: w.conflictCap, strong: Math.min(strong, w.conflictCap), features, reasons };
  }
  return { weight: sum, strong, features, reasons };
}

const logistic = (x: number): number => 1 / (1 + Math.exp(-x));

function allNames(record: MatchRecord): string[] {
  return [record.name, ...(record.aliases ?? [])].filter((n) => n.trim().length > 0);
}

/** The best name evidence over the names and aliases of both records. */
function bestNames(left: MatchRecord, right: MatchRecord): NameEvidence {
  let best: NameEvidence | null = null;
  for (const a of allNames(left)) {
    const pa = parseName(a);
    for (const b of allNames(right)) {
      const pb = parseName(b);
      const evidence = nameEvidence(pa, pb, alignNames(pa, pb));
      if (!best || evidence.weight > best.weight) best = evidence;
    }
  }
  return best ?? { weight: WEIGHTS.name.none, strong: 0, features: [{ name: 'name: missing', weight: WEIGHTS.name.none }], reasons: ['a name is missing'] };
}

const upper = (codes: readonly string[] | undefined): Set<string> => new Set((codes ?? []).map((c) => c.trim().toUpperCase()).filter((c) => c));

function isPerson(record: MatchRecord): boolean {
  return record.type.toLowerCase() === 'person';
}

/** Scores two records. Pure; stores nothing. */
export function scorePair(left: MatchRecord, right: MatchRecord): MatchResult {
  const features: Feature[] = [{ name: 'prior', weight: WEIGHTS.prior }];
  const reasons: string[] = [];
  if (left.type.toLowerCase() !== right.type.toLowerCase()) {
    return {
      score: 0,
      decision: 'DIFFERENT',
      reasons: [`types differ: ${left.type} ≠ ${right.type}`],
      features: [{ name: 'type: different', weight: -Infinity }],
    };
  }
  const names = bestNames(left, right);
  features.push(...names.features);
  reasons.push(...names.reasons);
  let other = 0;
  let dateConflict = false;
  const person = isPerson(left);
  if (person) {
    const band = dateBand(parseDate(left.birthDate), parseDate(right.birthDate));
    const weight = WEIGHTS.birthDate[band];
    features.push({ name: `birth date: ${band}`, weight });
    reasons.push(DATE_LABEL[band]);
    dateConflict = band === 'conflicting' || band === 'sameYearOtherDay';
    if (weight > 0 && band !== 'sameYearOnly' && band !== 'yearOffByOnePartial') other += weight;
    const ln = upper(left.nationalities);
    const rn = upper(right.nationalities);
    if (ln.size > 0 && rn.size > 0) {
      const shared = [...ln].filter((c) => rn.has(c));
      if (shared.length > 0) {
        features.push({ name: 'nationality: shared', weight: WEIGHTS.nationality.shared });
        reasons.push(`nationality ${shared.join(', ')} on both`);
      } else {
        features.push({ name: 'nationality: disjoint', weight: WEIGHTS.nationality.disjoint });
        reasons.push(`nationalities differ: ${[...ln].join(', ')} ≠ ${[...rn].join(', ')}`);
      }
    }
  }
  const lc = left.country?.trim().toUpperCase();
  const rc = right.country?.trim().toUpperCase();
  if (lc && rc) {
    if (lc === rc) {
      const weight = person ? WEIGHTS.country.same : WEIGHTS.country.organisationSame;
      features.push({ name: 'country: same', weight });
      reasons.push(`country ${lc} on both`);
      if (!person) other += weight;
    } else {
      const weight = person ? WEIGHTS.country.personDifferent : WEIGHTS.country.organisationDifferent;
      features.push({ name: 'country: different', weight });
      reasons.push(`countries differ: ${lc} ≠ ${rc}`);
      if (!person) dateConflict = true;
    }
  }
  const ln = new Set(left.neighbours ?? []);
  const shared = [...new Set(right.neighbours ?? [])].filter((id) => ln.has(id));
  if (shared.length > 0) {
    const weight = Math.min(WEIGHTS.neighbour.max, WEIGHTS.neighbour.each * shared.length);
    features.push({ name: 'neighbours: shared', weight });
    reasons.push(`${shared.length} shared neighbour${shared.length > 1 ? 's' : ''} (${shared.slice(0, 3).join(', ')})`);
    other += weight;
  }
  const total = features.reduce((s, f) => s + f.weight, 0);
  let decision: MatchDecision = 'DIFFERENT';
  if (total >= THRESHOLDS.possible) decision = 'POSSIBLE';
  if (total >= THRESHOLDS.same && names.strong >= THRESHOLDS.sameName && other >= THRESHOLDS.sameOther && !dateConflict) decision = 'SAME';
  return { score: logistic(total), decision, reasons, features };
}
