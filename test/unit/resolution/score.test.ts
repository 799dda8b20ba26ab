// scorePair: the sign of every feature's contribution, the logistic mapping, and the decision rules.
import { scorePair, THRESHOLDS, WEIGHTS, type MatchRecord } from '../../../src/resolution/score';

const person = (name: string, extra: Partial<MatchRecord> = {}): MatchRecord => ({ type: 'Person', name, ...extra });
const weightOf = (r: ReturnType<typeof scorePair>, prefix: string): number =>
  r.features.filter((f) => f.name.startsWith(prefix)).reduce((s, f) => s + f.weight, 0);

describe('scorePair features', () => {
  it('the score is the logistic of the sum of the feature weights', () => {
    const r = scorePair(person('Đorđe Đurić', { birthDate: '1978-04-12' }), person('Djordje Djuric', { birthDate: '1978-04-12' }));
    const sum = r.features.reduce((s, f) => s + f.weight, 0);
    expect(r.score).toBeCloseTo(1 / (1 + Math.exp(-sum)), 12);
    expect(weightOf(r, 'prior')).toBeLessThan(0);
  });

  it('name parts: agreement positive, conflict and extra parts negative', () => {
    const agree = scorePair(person('Đorđe Đurić'), person('Djordje Djuric'));
    expect(agree.features.filter((f) => f.name.startsWith('name:')).every((f) => f.weight > 0)).toBe(true);
    expect(agree.reasons).toContain('surname Đurić ≈ Djuric (transliteration)');
    const conflict = scorePair(person('Marko Petrović'), person('Nikola Petrović'));
    expect(weightOf(conflict, 'name: conflicting part')).toBeLessThan(0);
    const extra = scorePair(person('Đorđe Milan Đurić'), person('Đorđe Đurić'));
    expect(weightOf(extra, 'name: extra part')).toBeLessThan(0);
    const none = scorePair(person('Marko Marković'), person('Ilir Berisha'));
    expect(weightOf(none, 'name: no part in common')).toBeLessThan(0);
  });

  it('every token class adds a positive weight, in the order of its strength', () => {
    const w = WEIGHTS.name;
    for (const v of [w.exact, w.transliteration, w.typo, w.hypocoristic, w.phonetic, w.near, w.initial, w.feminineWithGivenName]) expect(v).toBeGreaterThan(0);
    expect(w.exact).toBeGreaterThanOrEqual(w.transliteration);
    expect(w.transliteration).toBeGreaterThan(w.typo);
    expect(w.typo).toBeGreaterThan(w.hypocoristic);
    expect(w.hypocoristic).toBeGreaterThan(w.initial);
    for (const v of [w.conflict, w.extra, w.extraInitial, w.none, w.feminineAlone]) expect(v).toBeLessThan(0);
  });

  it('birth-date bands: equal > swapped > year off by one > same year > missing = 0 > conflicting', () => {
    const d = (a: string, b: string | null) =>
      weightOf(scorePair(person('Đorđe Đurić', { birthDate: a }), person('Đorđe Đurić', { birthDate: b })), 'birth date');
    const equal = d('1978-04-12', '1978-04-12');
    const swapped = d('1978-04-12', '1978-12-04');
    const offByOne = d('1978-04-12', '1979-04-12');
    const sameYear = d('1978-04-12', '1978');
    const missing = d('1978-04-12', null);
    const oneField = d('1978-04-12', '1978-04-21');
    const conflicting = d('1978-04-12', '1985-09-30');
    expect(equal).toBeGreaterThan(swapped);
    expect(swapped).toBeGreaterThan(offByOne);
    expect(offByOne).toBeGreaterThan(sameYear);
    expect(sameYear).toBeGreaterThan(0);
    expect(missing).toBe(0);
    expect(oneField).toBeLessThan(0);
    expect(conflicting).toBeLessThan(oneField);
  });

  it('nationality shared is for, disjoint against; shared neighbours are for', () => {
    const shared = scorePair(person('Đorđe Đurić', { nationalities: ['RS'] }), person('Đorđe Đurić', { nationalities: ['rs', 'ME'] }));
    expect(weightOf(shared, 'nationality')).toBeGreaterThan(0);
    const disjoint = scorePair(person('Đorđe Đurić', { nationalities: ['RS'] }), person('Đorđe Đurić', { nationalities: ['HR'] }));
    expect(weightOf(disjoint, 'nationality')).toBeLessThan(0);
    const one = scorePair(person('Đorđe Đurić', { neighbours: ['op:1', 'org:2'] }), person('Đorđe Đurić', { neighbours: ['op:1'] }));
    const two = scorePair(person('Đorđe Đurić', { neighbours: ['op:1', 'org:2'] }), person('Đorđe Đurić', { neighbours: ['op:1', 'org:2'] }));
    expect(weightOf(one, 'neighbours')).toBeGreaterThan(0);
    expect(weightOf(two, 'neighbours')).toBeGreaterThan(weightOf(one, 'neighbours'));
    expect(one.reasons).toContain('1 shared neighbour (op:1)');
  });

  it('feminine forms are other persons unless the given names agree too', () => {
    const family = scorePair(person('Мария Иванова'), person('Georgi Ivanov'));
    expect(family.decision).toBe('DIFFERENT');
    const alone = scorePair(person('Ivanova'), person('Ivanov'));
    expect(weightOf(alone, 'name:')).toBeLessThan(0);
    const same = scorePair(person('Мария Иванова', { birthDate: '1986-06-16' }), person('Maria Ivanov', { birthDate: '1986-06-16' }));
    expect(same.decision).not.toBe('DIFFERENT');
  });
});

describe('decisions', () => {
  it('never SAME on the name alone, however complete', () => {
    const r = scorePair(person('Đorđe Milan Đurić'), person('Đorđe Milan Đurić'));
    expect(r.decision).toBe('POSSIBLE');
    const nat = scorePair(
      person('Đorđe Milan Đurić', { nationalities: ['RS'], country: 'RS' }),
      person('Ђорђе Милан Ђурић', { nationalities: ['RS'], country: 'RS' }),
    );
    expect(nat.decision).toBe('POSSIBLE');
  });

  it('SAME on a name and an equal or swapped birth date', () => {
    expect(scorePair(person('Đorđe Đurić', { birthDate: '1978-04-12' }), person('DJURIC<<DJORDJE', { birthDate: '1978-04-12' })).decision).toBe('SAME');
    expect(scorePair(person('Đorđe Đurić', { birthDate: '1978-04-12' }), person('Djordje Djuric', { birthDate: '1978-12-04' })).decision).toBe('SAME');
  });

  it('an initial or a short form with an equal birth date is for review, not joined', () => {
    expect(scorePair(person('Đorđe Đurić', { birthDate: '1978-04-12' }), person('Đ. Đurić', { birthDate: '1978-04-12' })).decision).toBe('POSSIBLE');
    expect(scorePair(person('Đorđe Đurić', { birthDate: '1978-04-12' }), person('Đole Đurić', { birthDate: '1978-04-12' })).decision).toBe('POSSIBLE');
  });

  it('a namesake with a conflicting birth date, a father and son, siblings are DIFFERENT', () => {
    expect(scorePair(person('Đorđe Đurić', { birthDate: '1978-04-12' }), person('Đorđe Đurić', { birthDate: '1989-03-14' })).decision).toBe('DIFFERENT');
    expect(
      scorePair(
        person('Đorđe Đurić', { birthDate: '1978-04-12', neighbours: ['op:1'] }),
        person('Đorđe Đurić', { birthDate: '2004-04-12', neighbours: ['op:1'] }),
      ).decision,
    ).toBe('DIFFERENT');
    expect(scorePair(person('Đorđe Đurić', { birthDate: '1978-04-12' }), person('Nemanja Đurić', { birthDate: '1975-01-03' })).decision).toBe('DIFFERENT');
  });

  it('thresholds: POSSIBLE at sum 0, SAME needs name and other evidence', () => {
    expect(THRESHOLDS.possible).toBe(0);
    expect(THRESHOLDS.same).toBeGreaterThan(THRESHOLDS.possible);
    // name evidence alone above the SAME threshold still is not SAME
    const r = scorePair(person('Đorđe Milan Petar Đurić'), person('Đorđe Milan Petar Đurić'));
    expect(r.features.reduce((s, f) => s + f.weight, 0)).toBeGreaterThanOrEqual(THRESHOLDS.same);
    expect(r.decision).toBe('POSSIBLE');
  });

  it('organisations compare names and country', () => {
    const org = (name: string, country: string): MatchRecord => ({ type: 'Organisation', name, country });
    expect(scorePair(org('Balkan Trans DOO', 'RS'), org('Балкан Транс', 'RS')).decision).not.toBe('DIFFERENT');
    const other = scorePair(org('Balkan Trans DOO', 'RS'), org('Balkan Trans', 'BG'));
    expect(weightOf(other, 'country')).toBeLessThan(0);
    expect(other.decision).not.toBe('SAME');
    expect(scorePair(org('Balkan Trans', 'RS'), person('Balkan Trans')).decision).toBe('DIFFERENT');
  });
});
