import { declaredMarkings, mayReadEntry, redactVariables, requesterMarking } from '../../src/audit/audit-log';

/**
 * The floor of an audit entry's marking, computed in TypeScript (issue 16): the requester's own
 * marking and the markings the import documents in its variables declare. Expectations are
 * written by hand: levels are UNCLASSIFIED 0, RESTRICTED 1, CONFIDENTIAL 2, SECRET 3.
 */
describe('audit entry marking floor', () => {
  const reader = (clearance: number, agency: string, country: string) => ({ clearance, principals: [agency, country], agency, country });

  it('requester: their clearance, releasable to their agency or country only (upper case, sorted)', () => {
    expect(requesterMarking({ agency: 'es-pn', country: 'ES' }, reader(2, 'ES-PN', 'ES'))).toEqual({ classificationLevel: 2, releasability: ['ES|ES-PN'] });
    // no caller: the most restrictive level; no agency or country: no releasability set
    expect(requesterMarking({ agency: '', country: '' })).toEqual({ classificationLevel: 3, releasability: [] });
    const floor = requesterMarking({ agency: 'ES-PN', country: 'ES' }, reader(2, 'ES-PN', 'ES'));
    expect(mayReadEntry(floor, reader(2, 'ES-GC', 'ES'))).toBe(true); // same country
    expect(mayReadEntry(floor, reader(3, 'EUROPOL', 'NL'))).toBe(false); // neither
    expect(mayReadEntry(floor, reader(1, 'ES-PN', 'ES'))).toBe(false); // clearance too low
  });

  it('declared: the classification and releasability of every import document in the variables', () => {
    const variables = redactVariables({
      a: { report: { id: 'R1', classification: 'confidential', releasableTo: ['nl', 'EUROPOL'] }, entities: [{}], links: [] },
      b: [{ report: { id: 'R2', classification: 'BOGUS' }, entities: [] }],
    });
    expect(declaredMarkings(variables)).toEqual([
      { classificationLevel: 2, releasability: ['EUROPOL|NL'] },
      { classificationLevel: 0, releasability: [] }, // an unknown classification adds nothing
    ]);
    expect(declaredMarkings('{"query": "no document"}')).toEqual([]);
    expect(declaredMarkings('[truncated')).toEqual([]);
  });
});
