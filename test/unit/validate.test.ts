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
