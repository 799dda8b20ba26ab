// Property tests (fast-check): a name and each of its renderings score SAME or POSSIBLE; a namesake with a
// conflicting birth date does not score SAME. Names are drawn from regional given names and surnames.
import fc from 'fast-check';
import { asciiFold, asciiFoldDigraphs, germanSpelling, mrzName } from '../../../src/resolution/names/fold';
import { toSerbianCyrillic } from '../../../src/resolution/names/tables';
import { scorePair } from '../../../src/resolution/score';

const GIVEN = [
  'Đorđe',
  'Predrag',
  'Aleksandar',
  'Milan',
  'Branislav',
  'Dragana',
  'Nenad',
  'Ljubomir',
  'Srđan',
  'Dušan',
  'Jelena',
  'Željko',
  'Vuk',
  'Nikola',
  'Snežana',
  'Miloš',
  'Radoje',
  'Ćamil',
  'Džemal',
  'Šefik',
];
const SURNAME = [
  'Đurić',
  'Vučić',
  'Jovanović',
  'Šljivančanin',
  'Ćosić',
  'Džajić',
  'Njegoš',
  'Ljubičić',
  'Čolić',
  'Živković',
  'Hodžić',
  'Kecman',
  'Ražnatović',
  'Petrović',
  'Radulović',
  'Šćekić',
  'Lukić',
  'Begić',
  'Mujić',
  'Ulemek',
];

const cap = (s: string): string => s.replace(/(^|\s)(\p{L})/gu, (_m, sp: string, c: string) => sp + c.toUpperCase());
const RENDER: Record<string, (g: string, s: string) => string> = {
  cyrillic: (g, s) => cap(toSerbianCyrillic(`${g} ${s}`)),
  asciiFold: (g, s) => cap(asciiFold(`${g} ${s}`)),
  djChFold: (g, s) => cap(asciiFoldDigraphs(`${g} ${s}`)),
  djCFold: (g, s) => cap(asciiFoldDigraphs(`${g} ${s}`, 'c')),
  german: (g, s) => cap(germanSpelling(`${g} ${s}`)),
  mrzIcao: (g, s) => mrzName(s, g),
  mrzDj: (g, s) => mrzName(s, g, true),
  surnameFirst: (g, s) => `${asciiFoldDigraphs(s).toUpperCase()} ${g}`,
  surnameComma: (g, s) => `${s}, ${g}`,
};

const given = fc.constantFrom(...GIVEN);
const surname = fc.constantFrom(...SURNAME);
const rendering = fc.constantFrom(...Object.keys(RENDER));
const date = fc.record({ y: fc.integer({ min: 1950, max: 2004 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });
const iso = ({ y, m, d }: { y: number; m: number; d: number }): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

describe('resolution properties', () => {
  it('a name and each of its renderings score SAME or POSSIBLE (name only: POSSIBLE)', () => {
    fc.assert(
      fc.property(given, surname, rendering, (g, s, r) => {
        const result = scorePair({ type: 'Person', name: `${g} ${s}` }, { type: 'Person', name: RENDER[r](g, s) });
        expect([r, result.decision]).toEqual([r, 'POSSIBLE']);
      }),
      { numRuns: 150 },
    );
  });

  // German spelling is left out here: it writes c as z (Kecman/Kezman), a one-letter change that is read as a typo,
  // and two typos with an equal birth date are for review, not joined
  it('with an equal birth date a full rendering (script, folds, MRZ, surname first) scores SAME', () => {
    fc.assert(
      fc.property(given, surname, fc.constantFrom(...Object.keys(RENDER).filter((r) => r !== 'german')), date, (g, s, r, d) => {
        const result = scorePair({ type: 'Person', name: `${g} ${s}`, birthDate: iso(d) }, { type: 'Person', name: RENDER[r](g, s), birthDate: iso(d) });
        expect([r, result.decision]).toEqual([r, 'SAME']);
      }),
      { numRuns: 100 },
    );
  });

  it('a namesake with a conflicting birth date does not score SAME', () => {
    fc.assert(
      fc.property(given, surname, rendering, date, fc.integer({ min: 2, max: 40 }), fc.boolean(), (g, s, r, d, gap, later) => {
        const other = { ...d, y: d.y + (later ? gap : -gap), m: (d.m % 12) + 1 };
        const result = scorePair(
          { type: 'Person', name: `${g} ${s}`, birthDate: iso(d), nationalities: ['RS'], neighbours: ['op:1'] },
          { type: 'Person', name: RENDER[r](g, s), birthDate: iso(other), nationalities: ['RS'], neighbours: ['op:1'] },
        );
        expect(result.decision).not.toBe('SAME');
      }),
      { numRuns: 150 },
    );
  });
});
