// Tokenising and token classes: honorifics, father's names, MRZ, initials, hypocoristics, feminine forms.
import { alignNames, classify, damerauLevenshtein, isFeminineForm } from '../../../src/resolution/names/compare';
import { isHypocoristic } from '../../../src/resolution/names/hypocoristics';
import { skeleton } from '../../../src/resolution/names/fold';
import { parseName } from '../../../src/resolution/names/tokens';

const tok = (word: string) => parseName(word).tokens[0];
const kind = (a: string, b: string) => classify(tok(a), tok(b));

describe('tokenising', () => {
  it('drops honorifics and keeps a parenthesised father name aside', () => {
    const p = parseName('Dr. Đorđe (Milan) Đurić');
    expect(p.tokens.map((t) => t.raw)).toEqual(['Đorđe', 'Đurić']);
    expect(p.parenthesised).toEqual(['Milan']);
    expect(parseName('Mr. Rami Makhlouf').tokens.map((t) => t.raw)).toEqual(['Rami', 'Makhlouf']);
  });

  it('reads MRZ, comma and capitalised-surname forms', () => {
    const mrz = parseName('DJURIC<<DJORDJE<MILAN');
    expect(mrz.tokens.map((t) => [t.raw, t.role])).toEqual([
      ['DJURIC', 'surname'],
      ['DJORDJE', 'given'],
      ['MILAN', 'given'],
    ]);
    expect(parseName('Đurić, Đorđe').tokens.map((t) => t.role)).toEqual(['surname', 'given']);
    expect(parseName('DJURIC Djordje').tokens.map((t) => [t.raw, t.role])).toEqual([
      ['DJURIC', 'surname'],
      ['Djordje', 'given'],
    ]);
    expect(parseName('Đorđe Đurić').tokens.map((t) => t.role)).toEqual(['unknown', 'unknown']);
  });

  it('recognises initials, joined words and particles', () => {
    expect(parseName('Đ. Đurić').tokens.map((t) => t.initial)).toEqual([true, false]);
    expect(parseName('X. Qerimi').tokens[0].skeleton).toBe('x');
    expect(parseName('SergeiLavrov').tokens.map((t) => t.raw)).toEqual(['Sergei', 'Lavrov']);
    expect(parseName('Bashar al-Assad').tokens.map((t) => t.raw)).toEqual(['Bashar', 'Assad']);
  });
});

describe('token classes', () => {
  it('exact, transliteration, typo, initial, phonetic', () => {
    expect(kind('Đurić', 'Đurić')).toBe('exact');
    expect(kind('Đurić', 'Djuric')).toBe('transliteration');
    expect(kind('Đurić', 'Ђурић')).toBe('transliteration');
    expect(kind('Đurić', 'Dzhurich')).toBe('transliteration');
    expect(kind('Đurić', 'Đruić')).toBe('typo');
    expect(kind('Đ', 'Đorđe')).toBe('initial');
    expect(kind('D', 'Đorđe')).toBe('initial');
    expect(kind('M', 'Đorđe')).toBeNull();
    expect(kind('Marko', 'Nikola')).toBeNull();
  });

  it('hypocoristics are their own class (evidence, not equality)', () => {
    const pairs: Array<[string, string]> = [
      ['Đole', 'Đorđe'], ['Peđa', 'Predrag'], ['Pedja', 'Predrag'], ['Saša', 'Aleksandar'], ['Aca', 'Aleksandar'],
      ['Mića', 'Milan'], ['Bane', 'Branislav'], ['Gaga', 'Dragana'], ['Ђоле', 'Djordje'],
    ]; // prettier-ignore
    for (const [a, b] of pairs) {
      expect([a, b, isHypocoristic(skeleton(a), skeleton(b))]).toEqual([a, b, true]);
      expect([a, b, kind(a, b)]).toEqual([a, b, 'hypocoristic']);
    }
    expect(isHypocoristic(skeleton('Peđa'), skeleton('Đorđe'))).toBe(false);
  });

  it('feminine surname forms are recognised, not read as typos', () => {
    expect(isFeminineForm(skeleton('Ivanova'), skeleton('Ivanov'))).toBe(true);
    expect(isFeminineForm(skeleton('Petrovska'), skeleton('Petrovski'))).toBe(true);
    expect(isFeminineForm(skeleton('Стоянова'), skeleton('Stoyanov'))).toBe(true);
    expect(isFeminineForm(skeleton('Petrović'), skeleton('Petković'))).toBe(false);
    expect(kind('Ivanova', 'Ivanov')).toBe('feminine');
  });

  it('Damerau–Levenshtein counts a transposition as one edit', () => {
    expect(damerauLevenshtein('duric', 'druic')).toBe(1);
    expect(damerauLevenshtein('petrovic', 'petkovic')).toBe(1);
    expect(damerauLevenshtein('', 'abc')).toBe(3);
    expect(damerauLevenshtein('marko', 'nikola')).toBe(5);
  });
});

describe('alignment', () => {
  it('ignores word order and keeps a middle name as extra', () => {
    const a = alignNames(parseName('Đorđe Milan Đurić'), parseName('DJURIC Djordje'));
    expect(a.pairs).toHaveLength(2);
    expect(a.extra.map((t) => t.raw)).toEqual(['Milan']);
    expect(a.conflicts).toHaveLength(0);
  });

  it('a different given name is a conflict', () => {
    const a = alignNames(parseName('Marko Petrović'), parseName('Nikola Petrović'));
    expect(a.pairs).toHaveLength(1);
    expect(a.conflicts.map(([l, r]) => [l.raw, r.raw])).toEqual([['Marko', 'Nikola']]);
  });
});
