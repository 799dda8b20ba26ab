import { TestServer, token, TokenSpec } from './harness';

/**
 * Two reports that differ in visibility, for the exports and the explorer (issue 12), in the
 * shape of the leak matrix's fixture (test/security.test.ts): PUB is UNCLASSIFIED and releasable
 * to everyone; CONF is CONFIDENTIAL and releasable to IT only. Imported through the public API.
 */
export const PUB = 'EXPTEST-PUB-0001';
export const CONF = 'EXPTEST-CONF-IT-0001';

const personA = { ref: 'a', type: 'Person', name: 'Andrej Amaro', nationalities: ['ME'] };
const personB = { ref: 'b', type: 'Person', name: 'Bojan Brasko', nationalities: ['RS'] };
const groupG = { ref: 'g', type: 'Organisation', name: 'Grom clan', kind: 'CRIMINAL_GROUP', country: 'ME' };

export const REPORTS = {
  [PUB]: {
    report: {
      id: PUB,
      title: 'Operation Oriole: arrests in Bar',
      date: '2021-03-15',
      agency: 'ME-UP',
      classification: 'UNCLASSIFIED',
      releasableTo: [],
      handlingCodes: ['H0'],
      sourceReliability: 'B',
      informationAccuracy: 2,
    },
    entities: [
      personA,
      personB,
      { ref: 'c', type: 'Person', name: 'Cvetko Cetinjanin', nationalities: ['ME'] },
      groupG,
      { ref: 'op1', type: 'Operation', name: 'Operation Oriole', kind: 'INVESTIGATION', startDate: '2021-03-01', endDate: '2021-03-15', countries: ['ME'] },
      { ref: 'sz1', type: 'Seizure', commodity: 'COCAINE', quantity: 100, unit: 'KG', valueEur: 3000000, date: '2021-03-10' },
      { ref: 'bar', type: 'Location', name: 'Bar port <&> "quay"', kind: 'PORT', country: 'ME' },
    ],
    links: [
      { type: 'TARGETED', from: 'op1', to: 'g' },
      { type: 'ARRESTED', from: 'op1', to: 'a', date: '2021-03-10', place: 'Bar' },
      { type: 'ASSOCIATE_OF', from: 'a', to: 'b', kind: 'CRIMINAL', since: '2019-05-01' },
      { type: 'MEMBER_OF', from: 'a', to: 'g', since: '2018-01-01', role: 'enforcer' },
      { type: 'MEMBER_OF', from: 'c', to: 'g' },
      { type: 'SEIZED_FROM', from: 'sz1', to: 'a' },
      { type: 'SEIZED_IN', from: 'sz1', to: 'op1' },
      { type: 'SEIZED_AT', from: 'sz1', to: 'bar' },
    ],
  },
  [CONF]: {
    report: {
      id: CONF,
      title: 'Heron investigation',
      date: '2022-06-01',
      agency: 'IT-PS',
      classification: 'CONFIDENTIAL',
      releasableTo: ['IT'],
      handlingCodes: ['H2'],
      sourceReliability: 'A',
      informationAccuracy: 1,
    },
    entities: [
      personA,
      personB,
      groupG,
      { ref: 'h', type: 'Person', name: 'Hektor Hoxha', aliases: ['Heki'], nationalities: ['AL'] },
      { ref: 'g2', type: 'Organisation', name: 'Vlora crew', kind: 'CRIMINAL_GROUP', country: 'AL' },
      {
        ref: 'op2',
        type: 'Operation',
        name: 'Operation Heron',
        kind: 'JOINT_INVESTIGATION_TEAM',
        startDate: '2022-05-01',
        endDate: '2022-06-01',
        countries: ['AL', 'IT'],
      },
    ],
    links: [
      { type: 'ASSOCIATE_OF', from: 'h', to: 'a', kind: 'CRIMINAL', since: '2022-04-01' },
      { type: 'ASSOCIATE_OF', from: 'a', to: 'b', kind: 'CRIMINAL' }, // restated: A–B gets a CONFIDENTIAL source too
      { type: 'MEMBER_OF', from: 'h', to: 'g2', role: 'leader' },
      { type: 'ARRESTED', from: 'op2', to: 'h', date: '2022-05-20' },
      { type: 'TARGETED', from: 'op2', to: 'g' },
    ],
  },
} as const;

/** What must never appear in a file for a caller who cannot see CONF (case-insensitive). */
export const CONF_SECRETS = [CONF, 'IT-PS', 'hektor', 'hoxha', 'heki', 'vlora', 'heron', 'confidential'];

export const USERS: Record<'low' | 'it' | 'admin', TokenSpec> = {
  // RESTRICTED clearance in Croatia: sees PUB only.
  low: { sub: 'exp_low', roles: ['analyst'], agency: 'HR-PN', country: 'HR', clearance: 'RESTRICTED' },
  // CONFIDENTIAL in Italy: sees PUB and CONF.
  it: { sub: 'exp_it', roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'CONFIDENTIAL' },
  admin: { sub: 'exp_admin', roles: ['admin'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' },
};

const IMPORT = `mutation importForExport($report: ReportInput!) { importReport(report: $report) { reportId entities { ref id } } }`;

/** Imports both reports (each by a loader of its agency); returns the entity id of each ref. */
export async function importFixture(server: TestServer): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const doc of Object.values(REPORTS)) {
    const loader = await token({
      sub: `loader-${doc.report.agency}`,
      roles: ['loader'],
      agency: doc.report.agency,
      country: doc.report.agency.slice(0, 2),
      clearance: 'SECRET',
    });
    const res = await server.gql<{ importReport: { entities: Array<{ ref: string; id: string }> } }>(IMPORT, { report: doc }, loader);
    if (res.errors) throw new Error(`import of ${doc.report.id} failed: ${JSON.stringify(res.errors)}`);
    for (const e of res.data!.importReport.entities) ids[e.ref] = e.id;
  }
  return ids;
}
