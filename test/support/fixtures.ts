import { entityIdentity } from '../../src/import/plan';

/** A report that uses every entity type and every link type, for round-trip tests. */
export function allTypesReport(overrides: { id?: string; classification?: string; releasableTo?: string[] } = {}) {
  return {
    report: {
      id: overrides.id ?? 'TEST-ALL-0001',
      title: 'Every type once',
      date: '2021-08-19',
      agency: 'ES-PN',
      classification: overrides.classification ?? 'RESTRICTED',
      releasableTo: overrides.releasableTo ?? [],
      handlingCodes: ['H1'],
      sourceReliability: 'B',
      informationAccuracy: 2,
    },
    entities: [
      { ref: 'p1', type: 'Person', name: 'Marko Testić', aliases: ['Tesla'], birthDate: '1984-02-11', gender: 'MALE', nationalities: ['ME'] },
      { ref: 'p2', type: 'Person', name: 'Ardit Provë', nationalities: ['AL'], sourceReliability: 'A', informationAccuracy: 1 },
      { ref: 'o1', type: 'Organisation', name: 'Škaljari clan', kind: 'CRIMINAL_GROUP', country: 'ME', aliases: ['Skaljari'] },
      { ref: 'o2', type: 'Organisation', name: 'Policía Nacional', kind: 'LAW_ENFORCEMENT', country: 'ES' },
      {
        ref: 'op',
        type: 'Operation',
        name: 'Operation Testwind',
        kind: 'JOINT_OPERATION',
        startDate: '2021-06-01',
        endDate: '2021-08-19',
        countries: ['ES', 'ME'],
      },
      { ref: 's1', type: 'Seizure', commodity: 'COCAINE', quantity: 408, unit: 'KG', valueEur: 12000000, date: '2021-08-08' },
      { ref: 'r1', type: 'Route', name: 'Atlantic test route', commodities: ['COCAINE'], legs: ['EC', 'l1'], mode: 'SEA' },
      { ref: 'l1', type: 'Location', name: 'Las Palmas test port', kind: 'PORT', country: 'ES', latitude: 28.14, longitude: -15.43 },
      { ref: 'l2', type: 'Location', name: 'Gran Canaria', kind: 'REGION', country: 'ES' },
      { ref: 'e1', type: 'Event', name: 'Test meeting', kind: 'MEETING', date: '2021-06-22', location: 'l1' },
    ],
    links: [
      { type: 'MEMBER_OF', from: 'p1', to: 'o1', role: 'cell leader', since: '2019-01-01' },
      { type: 'ASSOCIATE_OF', from: 'p1', to: 'p2', kind: 'CRIMINAL', weight: 3 },
      { type: 'NATIONAL_OF', from: 'p2', to: 'AL' },
      { type: 'BASED_IN', from: 'l1', to: 'l2' },
      { type: 'PARTICIPATED_IN', from: 'o2', to: 'op', role: 'LEAD' },
      { type: 'TARGETED', from: 'op', to: 'o1' },
      { type: 'ARRESTED', from: 'op', to: 'p1', date: '2021-08-08', place: 'Las Palmas' },
      { type: 'SEIZED_IN', from: 's1', to: 'op' },
      { type: 'SEIZED_AT', from: 's1', to: 'l1' },
      { type: 'SEIZED_FROM', from: 's1', to: 'p1' },
      { type: 'USES_ROUTE', from: 'o1', to: 'r1' },
      { type: 'ATTENDED', from: 'p2', to: 'e1' },
      { type: 'HELD_AT', from: 'e1', to: 'l1' },
    ],
  };
}

/**
 * The id an entity of a document gets (with the run's IDENTITY_SECRET, test/support/global-setup.ts):
 * the loader's own `id`, or the opaque keyed hash of its identity key.
 */
export function entityIdOf(entity: Record<string, unknown>, reportId = ''): string {
  return entityIdentity(entity, reportId, process.env.IDENTITY_SECRET!).id;
}
