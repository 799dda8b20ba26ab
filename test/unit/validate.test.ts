import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';
import { jsonPath, validateReport } from '../../src/import/validate';

/** A valid document (the README's example with a fresh id); each test breaks one thing. */
function document(): any {
  return {
    report: {
      id: 'TEST-UNIT-0001',
      title: 'Unit test report',
      date: '2021-08-19',
      agency: 'ES-PN',
      classification: 'RESTRICTED',
      releasableTo: ['ME', 'EUROPOL'],
      sourceReliability: 'B',
      informationAccuracy: 2,
    },
    entities: [
      { ref: 'p1', type: 'Person', name: 'Luka Perović', birthDate: '1986-03-14', nationalities: ['ME'] },
      { ref: 'o1', type: 'Organisation', name: 'Škaljari clan', kind: 'CRIMINAL_GROUP', country: 'ME' },
      { ref: 's1', type: 'Seizure', commodity: 'COCAINE', quantity: 408, unit: 'KG', date: '2021-08-08' },
    ],
    links: [
      { type: 'MEMBER_OF', from: 'p1', to: 'o1', role: 'cell leader' },
      { type: 'SEIZED_FROM', from: 's1', to: 'p1' },
    ],
  };
}

const paths = (doc: unknown) => validateReport(doc).map((p) => p.path);

describe('validateReport', () => {
  it('accepts the valid document', () => {
    expect(validateReport(document())).toEqual([]);
  });

  it('an impossible birth date: its path and a readable message', () => {
    const doc = document();
    doc.entities[0].birthDate = '1986-02-30';
    const problems = validateReport(doc);
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('entities[0].birthDate');
    expect(problems[0].message).toMatch(/date/);
  });

  it('a dangling ref and a wrong endpoint type', () => {
    const doc = document();
    doc.links[0].to = 'nobody';
    doc.links.push({ type: 'ARRESTED', from: 's1', to: 'p1' });
    const problems = validateReport(doc);
    expect(problems.map((p) => p.path).sort()).toEqual(['links[0].to', 'links[2].from']);
    expect(problems.find((p) => p.path === 'links[0].to')!.message).toMatch(/nobody/);
    expect(problems.find((p) => p.path === 'links[2].from')!.message).toMatch(/Seizure/);
  });

  it('every problem in one answer: duplicate ref, unknown country, self-link, missing field', () => {
    const doc = document();
    doc.entities[1].ref = 'p1';
    doc.entities[0].nationalities = ['ME', 'XK', 'QQ'];
    doc.links.push({ type: 'ASSOCIATE_OF', from: 'p1', to: 'p1' });
    delete doc.report.title;
    const found = paths(doc);
    for (const expected of ['entities[1].ref', 'entities[0].nationalities[2]', 'links[2].to', 'report.title']) expect(found).toContain(expected);
  });

  it('a non-object document', () => {
    expect(validateReport([1, 2])).not.toEqual([]);
    expect(validateReport(null).length).toBeGreaterThan(0);
  });

  it('refuses loader ids that look like country ids, in any case and for any code (issue 16 item 8)', () => {
    for (const id of ['Country:ES', 'country:es', 'country:QQ', 'COUNTRY:IT', 'country:ES', 'cOuNtRy:xk-1']) {
      const doc = document();
      doc.entities[1].id = id;
      expect({ id, problems: validateReport(doc) }).toEqual({
        id,
        problems: [{ path: 'entities[1].id', message: expect.stringMatching(/country/) }],
      });
    }
    // an id that merely contains the word elsewhere is a loader id like any other
    const doc = document();
    doc.entities[1].id = 'ES-PN:country-desk:7';
    expect(validateReport(doc)).toEqual([]);
  });
});

describe('jsonPath', () => {
  it('turns JSON pointers into dotted paths', () => {
    expect(jsonPath('/entities/3/birthDate')).toBe('entities[3].birthDate');
    expect(jsonPath('/report/a~1b')).toBe('report.a/b');
    expect(jsonPath('')).toBe('');
  });
});

/**
 * Issue 16 item 7: one text policy for every free-text field. The cases are written out by hand:
 * which code points are blank, bidirectional or control characters is Unicode's, not the code's.
 */
describe('the text policy of free-text fields', () => {
  const problemsAt = (doc: unknown) => Object.fromEntries(validateReport(doc).map((p) => [p.path, p.message]));

  it('refuses names and aliases without a visible letter or digit: Hangul fillers, Braille blank, tag characters, lone combining marks', () => {
    const blankNames = [
      '\u3164', // HANGUL FILLER
      '\u115F\u1160', // HANGUL CHOSEONG FILLER, JUNGSEONG FILLER
      '\u3164 \u3164',
      '\uFFA0', // HALFWIDTH HANGUL FILLER
      '\u2800\u2800', // BRAILLE PATTERN BLANK
      '\u{E0041}\u{E0042}\u{E007F}', // TAG LATIN CAPITAL A, B, CANCEL TAG
      '\u0301\u0308', // COMBINING ACUTE, DIAERESIS: no base letter
      '\u3164\u0301', // a mark on a filler
      '- . -', // punctuation only
    ];
    const doc = document();
    doc.entities = blankNames.map((name, i) => ({ ref: `p${i}`, type: 'Person', name }));
    doc.entities.push({ ref: 'o1', type: 'Organisation', name: 'Real Name', aliases: ['ok', '\u3164\u3164', '\u2800'] });
    doc.report.title = '\u115F';
    doc.links = [];
    const found = problemsAt(doc);
    for (const i of blankNames.keys()) expect(found[`entities[${i}].name`]).toMatch(/no visible|tag characters/);
    expect(found['entities[9].aliases[1]']).toMatch(/no visible/);
    expect(found['entities[9].aliases[2]']).toMatch(/no visible/);
    expect(found['entities[9].aliases[0]']).toBeUndefined();
    expect(found['report.title']).toMatch(/no visible/);
    expect(Object.keys(found)).toHaveLength(blankNames.length + 3);
  });

  it('refuses tag characters and a combining mark with no letter even inside an otherwise visible name', () => {
    const doc = document();
    doc.entities[0].name = 'Luka\u{E0020}Perović';
    doc.entities[1].name = '\u0301Škaljari clan';
    doc.entities[2] = { ref: 's1', type: 'Seizure', commodity: 'COCAINE', description: 'bags \u0308 on deck' };
    expect(problemsAt(doc)).toEqual({
      'entities[0].name': expect.stringMatching(/tag characters/),
      'entities[1].name': expect.stringMatching(/combining mark/),
      'entities[2].description': expect.stringMatching(/combining mark/),
    });
  });

  it('keeps real names in any script and normal form', () => {
    const doc = document();
    doc.entities = [
      'Luka Perovic\u0301', // NFD: c + combining acute
      'Лука Перовић',
      '김정남', // Hangul syllables
      '\u1100\u1161\u11A8', // conjoining jamo (a visible syllable)
      'محمد عبد الله',
      'Ο Δράκος',
      "Seán O'Brien-Smith",
      '7',
      'Bar 27\u200D',
    ].map((name, i) => ({ ref: `p${i}`, type: 'Person', name }));
    doc.links = [];
    expect(validateReport(doc)).toEqual([]);
  });

  it('refuses bidi overrides and isolates, BEL and NUL in role, place, description, handlingNote and title — at their path, once', () => {
    const doc = document();
    doc.report.handlingNote = 'Do not pass on \u2066without\u2069 approval';
    doc.report.title = 'Report\u0000';
    doc.entities[2].description = 'Bags \u202Ereversed\u202C in the hold';
    doc.links[0].role = 'leader\u0007';
    doc.links[1].place = 'Port of \u202DBar';
    doc.links.push({ type: 'MEMBER_OF', from: 'p1', to: 'o1', role: 'cashier', place: 'Kotor\nBudva' });
    expect(validateReport(doc).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
      { path: 'entities[2].description', message: 'contains bidirectional control characters' },
      { path: 'links[0].role', message: 'contains control characters' },
      { path: 'links[1].place', message: 'contains bidirectional control characters' },
      { path: 'links[2].place', message: 'contains control characters' },
      { path: 'report.handlingNote', message: 'contains bidirectional control characters' },
      { path: 'report.title', message: 'contains control characters' },
    ]);
  });

  it('lets descriptions and handling notes break lines, but never carry other controls; roles and places need a visible character', () => {
    const doc = document();
    doc.report.handlingNote = 'Line one\r\n\tLine two';
    doc.entities[2].description = 'First bag\nSecond bag';
    expect(validateReport(doc)).toEqual([]);
    doc.report.handlingNote = 'Line one\u001B[31m';
    doc.links[0].role = '\u2800';
    doc.links[1].place = ' \u200B ';
    expect(problemsAt(doc)).toEqual({
      'report.handlingNote': 'contains control characters',
      'links[0].role': expect.stringMatching(/no visible/),
      'links[1].place': expect.stringMatching(/no visible/),
    });
  });

  it('refuses weights below 10^-6 (and not above zero) as it refuses those above 10^6', () => {
    const weights = [1e-300, 1e-7, 0, -1, 1e6 + 1, 1e-6, 1, 1e6];
    const doc = document();
    doc.entities = weights.flatMap((_, i) => [
      { ref: `a${i}`, type: 'Person', name: `A ${i}` },
      { ref: `b${i}`, type: 'Person', name: `B ${i}` },
    ]);
    doc.links = weights.map((weight, i) => ({ type: 'ASSOCIATE_OF', from: `a${i}`, to: `b${i}`, weight }));
    expect(paths(doc).sort()).toEqual(['links[0].weight', 'links[1].weight', 'links[2].weight', 'links[3].weight', 'links[4].weight']);
  });
});

describe('the published JSON Schema carries the portable part of the policy', () => {
  // Any JSON Schema validator, not the service's: a fresh Ajv over the committed file.
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'schema', 'report.schema.json'), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv, ['date']);
  const check = ajv.compile(schema);
  const failing = (doc: unknown) => (check(doc) ? [] : (check.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => `${e.instancePath} ${e.keyword}`));

  it('refuses control and bidi characters in every free-text field, and tiny weights', () => {
    const doc = document();
    doc.report.title = 'A\u0007';
    doc.report.handlingNote = 'x\u2067y';
    doc.entities[0].aliases = ['Lu\u202Eka'];
    doc.entities[2].description = 'nul\u0000';
    doc.links[0].role = 'r\u202A';
    doc.links[1].place = 'p\u0085';
    doc.links.push({ type: 'ASSOCIATE_OF', from: 'p1', to: 'p1', weight: 1e-7 });
    expect(failing(doc).sort()).toEqual(
      [
        '/report/title pattern',
        '/report/handlingNote pattern',
        '/entities/0/aliases/0 pattern',
        '/entities/2/description pattern',
        '/links/0/role pattern',
        '/links/1/place pattern',
        '/links/2/weight minimum',
      ].sort(),
    );
    const fine = document();
    fine.entities[2].description = 'two\nlines\tand a tab';
    fine.links.push({ type: 'ASSOCIATE_OF', from: 'p1', to: 'p1', weight: 1e-6 });
    expect(failing(fine)).toEqual([]);
  });
});
