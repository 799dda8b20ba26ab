import { SignJWT } from 'jose';
import { AuditEntry } from '../src/audit/audit-log';
import { mintToken } from '../src/auth/tokens';
import { ReportImporter } from '../src/import/importer';
import { entityIdOf } from './support/fixtures';
import { forgeSignature, GqlResponse, resetDatabase, startServer, TestServer, testJwtSecret, token, TokenSpec } from './support/harness';
// The leak matrix's store entries (issue 8), in modules of their own so each keeps its fixtures:
// loader ids of another type or of a country; restated names, kinds and countries by hidden
// reports; decoded cursors, list order, search totals and caps, crossBorder and import counts,
// each checked against a database that holds only what the user may see. Issue 16: audit entries
// marked at least as their requester, cursors bound to their list and the caller's visibility
// class, retractions of hidden reports answered as for unknown ones, the owner's reach, and ties
// in paths and linked operations broken by id whatever order hidden imports store.
import './leak-matrix/loader-ids';
import './leak-matrix/hidden-statements';
import './leak-matrix/owner-reach';
import './leak-matrix/audit-cursors-retraction';
import './leak-matrix/tie-order';

/**
 * The need-to-know leak matrix (issue 5): users × reports × every query.
 *
 * Three reports: PUB (unclassified, releasable to all), CONF (CONFIDENTIAL, releasable to IT only)
 * and SEC (SECRET, releasable to ES-PN only). Each user sees a subset of them. For every user and
 * every query of the API the test checks that
 *   1. nothing of a hidden report (its ids, names, report id, agency) appears anywhere in the
 *      answer, not even inside pagination cursors;
 *   2. the answer is exactly the one the same query gets from a database that holds ONLY the
 *      reports the user may see (a differential "control" run): hidden data changes no count,
 *      score, path, community, figure or error, and a hidden id answers exactly like a missing one;
 *   3. the data the user may see is really there (so the test cannot pass by showing nothing).
 */

// ---------------------------------------------------------------------------------------------
// Fixture
// ---------------------------------------------------------------------------------------------

const PUB = 'SECTEST-PUB-0001';
const CONF = 'SECTEST-CONF-IT-0001';
const SEC = 'SECTEST-SECRET-ES-0001';
const REPORT_ORDER = [PUB, CONF, SEC];

const A = entityIdOf({ type: 'Person', name: 'Andrej Amaro' });
const B = entityIdOf({ type: 'Person', name: 'Bojan Brasko' });
const C = entityIdOf({ type: 'Person', name: 'Cvetko Cetinjanin' });
const D = entityIdOf({ type: 'Person', name: 'Dario Draganic' });
const G = entityIdOf({ type: 'Organisation', name: 'Grom clan', country: 'ME' });
const OP1 = entityIdOf({ type: 'Operation', name: 'Operation Oriole' });
const OP3 = entityIdOf({ type: 'Operation', name: 'Operation Kestrel' });
const SZ1 = entityIdOf({ type: 'Seizure', commodity: 'COCAINE', quantity: 100, unit: 'KG', date: '2021-03-10' });
const BAR = entityIdOf({ type: 'Location', name: 'Bar port', country: 'ME' });
// only in CONF
const H = entityIdOf({ type: 'Person', name: 'Hektor Hoxha' });
const G2 = entityIdOf({ type: 'Organisation', name: 'Vlora crew', country: 'AL' });
const OP2 = entityIdOf({ type: 'Operation', name: 'Operation Heron' });
const SZ2 = entityIdOf({ type: 'Seizure', commodity: 'HEROIN', quantity: 50, unit: 'KG', date: '2022-05-20' });
const DUR = entityIdOf({ type: 'Location', name: 'Durres port', country: 'AL' });
// only in SEC
const S = entityIdOf({ type: 'Person', name: 'Sergio Sombra' });
const RT = entityIdOf({ type: 'Route', name: 'Silent Atlantic route' });
// imported by a loader during the test
const ZETA = entityIdOf({ type: 'Person', name: 'Zeta Loaderson' });

const PUB_NODES = [A, B, C, D, G, OP1, OP3, SZ1, BAR];
const CONF_NODES = [H, G2, OP2, SZ2, DUR];
const SEC_NODES = [S, RT];

const personA = { ref: 'a', type: 'Person', name: 'Andrej Amaro', nationalities: ['ME'] };
const personB = { ref: 'b', type: 'Person', name: 'Bojan Brasko', nationalities: ['RS'] };
const personC = { ref: 'c', type: 'Person', name: 'Cvetko Cetinjanin', nationalities: ['ME'] };
const personD = { ref: 'd', type: 'Person', name: 'Dario Draganic', nationalities: ['HR'] };
const groupG = { ref: 'g', type: 'Organisation', name: 'Grom clan', kind: 'CRIMINAL_GROUP', country: 'ME' };

const REPORTS: Record<string, object> = {
  [PUB]: {
    report: {
      id: PUB,
      title: 'Operation Oriole: arrests in Bar',
      date: '2021-03-15',
      agency: 'ME-UP',
      classification: 'UNCLASSIFIED',
      releasableTo: [],
      sourceReliability: 'B',
      informationAccuracy: 2,
    },
    entities: [
      personA,
      personB,
      personC,
      personD,
      groupG,
      { ref: 'op1', type: 'Operation', name: 'Operation Oriole', kind: 'INVESTIGATION', startDate: '2021-03-01', endDate: '2021-03-15', countries: ['ME'] },
      { ref: 'op3', type: 'Operation', name: 'Operation Kestrel', kind: 'ACTION_DAY', startDate: '2020-06-01', countries: ['ME'] },
      { ref: 'sz1', type: 'Seizure', commodity: 'COCAINE', quantity: 100, unit: 'KG', valueEur: 3000000, date: '2021-03-10' },
      { ref: 'bar', type: 'Location', name: 'Bar port', kind: 'PORT', country: 'ME' },
    ],
    links: [
      { type: 'TARGETED', from: 'op1', to: 'g' },
      { type: 'ARRESTED', from: 'op1', to: 'a', date: '2021-03-10', place: 'Bar' },
      { type: 'TARGETED', from: 'op3', to: 'g' },
      { type: 'ASSOCIATE_OF', from: 'a', to: 'b', kind: 'CRIMINAL' },
      { type: 'ASSOCIATE_OF', from: 'd', to: 'b', kind: 'BUSINESS' },
      { type: 'MEMBER_OF', from: 'a', to: 'g', since: '2018-01-01' },
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
      sourceReliability: 'A',
      informationAccuracy: 1,
    },
    entities: [
      personA,
      personB,
      personC,
      personD,
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
      { ref: 'sz2', type: 'Seizure', commodity: 'HEROIN', quantity: 50, unit: 'KG', valueEur: 1500000, date: '2022-05-20' },
      { ref: 'dur', type: 'Location', name: 'Durres port', kind: 'PORT', country: 'AL' },
    ],
    links: [
      { type: 'ASSOCIATE_OF', from: 'h', to: 'a', kind: 'CRIMINAL', since: '2022-04-01' },
      { type: 'ASSOCIATE_OF', from: 'h', to: 'b', kind: 'CRIMINAL' },
      { type: 'ASSOCIATE_OF', from: 'h', to: 'c', kind: 'COMMUNICATION' },
      { type: 'ASSOCIATE_OF', from: 'h', to: 'd', kind: 'COMMUNICATION' },
      { type: 'MEMBER_OF', from: 'h', to: 'g2', role: 'leader' },
      { type: 'ARRESTED', from: 'op2', to: 'h', date: '2022-05-20' },
      { type: 'TARGETED', from: 'op2', to: 'g' },
      { type: 'SEIZED_FROM', from: 'sz2', to: 'h' },
      { type: 'SEIZED_IN', from: 'sz2', to: 'op2' },
      { type: 'SEIZED_AT', from: 'sz2', to: 'dur' },
    ],
  },
  [SEC]: {
    report: {
      id: SEC,
      title: 'Source report on the Atlantic route',
      date: '2023-02-01',
      agency: 'ES-PN',
      classification: 'SECRET',
      releasableTo: ['ES-PN'],
      sourceReliability: 'C',
      informationAccuracy: 3,
    },
    entities: [
      personA,
      personB,
      groupG,
      { ref: 's', type: 'Person', name: 'Sergio Sombra', nationalities: ['ES'] },
      { ref: 'rt', type: 'Route', name: 'Silent Atlantic route', commodities: ['COCAINE'], legs: ['CO', 'ES', 'ME'], mode: 'SEA' },
    ],
    links: [
      { type: 'ASSOCIATE_OF', from: 's', to: 'a', kind: 'BUSINESS', since: '2022-11-01' },
      { type: 'ASSOCIATE_OF', from: 'a', to: 'b', kind: 'CRIMINAL' }, // restated: the A–B link gets a SECRET source too
      { type: 'USES_ROUTE', from: 'g', to: 'rt', since: '2022-01-01' },
    ],
  },
};

/** What must never appear in an answer for a caller who cannot see the report (case-insensitive). */
const SECRETS: Record<string, { ids: string[]; words: string[] }> = {
  [CONF]: { ids: [...CONF_NODES, CONF, 'IT-PS'], words: ['hektor', 'hoxha', 'heki', 'vlora', 'heron', 'durres', 'heroin'] },
  [SEC]: { ids: [...SEC_NODES, SEC, 'ES-PN'], words: ['sergio', 'sombra', 'silent', 'atlantic'] },
};

// ---------------------------------------------------------------------------------------------
// Users
// ---------------------------------------------------------------------------------------------

type U = 'u_low' | 'u_it' | 'u_es' | 'u_all' | 'u_es_conf';
const USERS: Record<U, { spec: TokenSpec; sees: string[] }> = {
  // RESTRICTED: CONF is above the clearance, SEC both above it and not releasable.
  u_low: { spec: { sub: 'u_low', roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'RESTRICTED' }, sees: [PUB] },
  u_it: { spec: { sub: 'u_it', roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'CONFIDENTIAL' }, sees: [PUB, CONF] },
  // SECRET, but CONF is not releasable to ES / ES-PN.
  u_es: { spec: { sub: 'u_es', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'SECRET' }, sees: [PUB, SEC] },
  // SECRET at EUROPOL in IT: CONF releasable to IT; SEC not releasable to EUROPOL or IT.
  u_all: { spec: { sub: 'u_all', roles: ['analyst'], agency: 'EUROPOL', country: 'IT', clearance: 'SECRET' }, sees: [PUB, CONF] },
  // The right agency for SEC, but cleared only to CONFIDENTIAL.
  u_es_conf: { spec: { sub: 'u_es_conf', roles: ['analyst'], agency: 'ES-PN', country: 'ES', clearance: 'CONFIDENTIAL' }, sees: [PUB] },
};
const USER_NAMES = Object.keys(USERS) as U[];
/** Sees everything that is in the database: used on the control databases. */
const GOD: TokenSpec = { sub: 'u_control', roles: ['analyst'], agency: 'ES-PN', country: 'IT', clearance: 'SECRET' };

interface View {
  u: U;
  conf: boolean;
  sec: boolean;
}
const view = (u: U): View => ({ u, conf: USERS[u].sees.includes(CONF), sec: USERS[u].sees.includes(SEC) });
const visibleNodes = (v: View) => [...PUB_NODES, ...(v.conf ? CONF_NODES : []), ...(v.sec ? SEC_NODES : [])].sort();

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

type Call = (query: string, variables?: Record<string, unknown>) => Promise<GqlResponse>;

const sorted = <T>(xs: T[]) => [...xs].sort();
const ids = (xs: Array<{ id: string }> | null | undefined) => sorted((xs ?? []).map((x) => x.id));
const ends = (links: Array<{ entity: { id: string } | null }> | null | undefined) => sorted((links ?? []).map((l) => l.entity?.id ?? '<null>'));
const nodeIds = (edges: Array<{ node: { id: string } }>) => sorted(edges.map((e) => e.node.id));
const reportIds = (sources: Array<{ reportId: string }>) => sorted(sources.map((s) => s.reportId));
const when = <T>(cond: boolean, xs: T[]): T[] => (cond ? xs : []);

/** Order-insensitive, float-tolerant canonical form, for comparing an answer with the control. */
function canonical(v: unknown): unknown {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toPrecision(9));
  if (Array.isArray(v)) return v.map(canonical).sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : JSON.stringify(x) > JSON.stringify(y) ? 1 : 0));
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

/** The whole answer as lower-case text, with every pagination cursor decoded and appended. */
function haystack(res: unknown): string {
  // values only: the response keys are the query's own aliases
  const parts: string[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') parts.push(/cursor/i.test(key) ? `${v} ${Buffer.from(v, 'base64url').toString('utf8')}` : v);
    else if (typeof v === 'number') parts.push(String(v));
    else if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(res, '');
  return parts.join('\n').toLowerCase();
}

/** Every hidden id or word found in an answer (ids the caller itself sent are not counted). */
function leaks(res: unknown, hiddenReports: string[], sent: string): string[] {
  let text = haystack(res);
  const sentLower = sent.toLowerCase();
  const found: string[] = [];
  for (const r of hiddenReports) {
    // an id the caller passed in may be echoed (e.g. `entity "x" not found`): that reveals nothing
    for (const id of SECRETS[r].ids) if (sentLower.includes(id.toLowerCase())) text = text.split(id.toLowerCase()).join('<sent>');
  }
  for (const r of hiddenReports) {
    for (const s of [...SECRETS[r].ids, ...SECRETS[r].words]) if (text.includes(s.toLowerCase())) found.push(s);
  }
  return found;
}

const ENT = 'id type label sources { reportId sourceReliability informationAccuracy report { id classification releasableTo } }';
const LNK = 'id type kind role since date sources { reportId report { id } } from { id } to { id } entity { id label }';
const PAGE = 'totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id type label } }';
const SUBGRAPH = 'nodes { id type label properties } edges { id type source target properties sources { reportId } } truncated';
const PATHS = 'length nodes { id type label } edges { id type source target sources { reportId } }';
const SCORES = 'entity { id type label sources { reportId } } score approximate';

// ---------------------------------------------------------------------------------------------
// The battery: every read query of the API (schema.graphql), each run by every user
// ---------------------------------------------------------------------------------------------

interface Entry {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** Variables computed with earlier requests of the same caller (cursors). */
  prepare?: (call: Call) => Promise<Record<string, unknown>>;
  /** The query names an id of this report: callers who cannot see it get NOT_FOUND. */
  notFoundUnless?: 'conf' | 'sec';
  /** Replaces exact equality with the control answer. */
  compare?: (full: GqlResponse, control: GqlResponse) => void;
  /** What this user must (and must not) see. */
  check?: (res: GqlResponse, v: View) => void;
}

const compareScores = (full: GqlResponse, control: GqlResponse) => {
  expect(full.errors).toEqual(control.errors);
  const asMap = (r: GqlResponse) =>
    new Map<string, number>((r.data?.centrality ?? []).map((s: { entity: { id: string }; score: number }) => [s.entity.id, s.score]));
  const f = asMap(full);
  const c = asMap(control);
  expect(sorted([...f.keys()])).toEqual(sorted([...c.keys()]));
  for (const [id, score] of c) expect(Math.abs(f.get(id)! - score)).toBeLessThan(1e-6);
};

const CENTRALITY = ['DEGREE', 'BETWEENNESS', 'CLOSENESS', 'PAGERANK', 'EIGENVECTOR'] as const;

const BATTERY: Entry[] = [
  // ----- entity and nested link fields ---------------------------------------------------------
  {
    name: 'qEntityA',
    query: `query qEntityA($id: ID!) { entity(id: $id) { ${ENT} ... on Person { name aliases nationalities
      associates { ${LNK} } memberships { ${LNK} } arrests { ${LNK} } seizures { ${LNK} } places { ${LNK} }
      routes { ${LNK} } targetedBy { ${LNK} } attended { ${LNK} } links { ${LNK} } } } }`,
    variables: { id: A },
    check: ({ data }, v) => {
      const a = data!.entity;
      expect(a.id).toBe(A);
      expect(reportIds(a.sources)).toEqual(sorted([PUB, ...when(v.conf, [CONF]), ...when(v.sec, [SEC])]));
      expect(ends(a.associates)).toEqual(sorted([B, ...when(v.conf, [H]), ...when(v.sec, [S])]));
      const ab = a.associates.find((l: { entity: { id: string } }) => l.entity.id === B);
      expect(reportIds(ab.sources)).toEqual(sorted([PUB, ...when(v.sec, [SEC])]));
      for (const s of ab.sources) expect(s.report).not.toBeNull();
      expect(ends(a.memberships)).toEqual([G]);
      expect(ends(a.arrests)).toEqual([OP1]);
      expect(ends(a.seizures)).toEqual([SZ1]);
      expect(ends(a.places)).toEqual(['country:ME']);
      expect(ends(a.links)).toEqual(sorted([B, G, OP1, SZ1, 'country:ME', ...when(v.conf, [H]), ...when(v.sec, [S])]));
    },
  },
  {
    name: 'qEntityB',
    query: `query qEntityB($id: ID!) { entity(id: $id) { ${ENT} ... on Person { associates { ${LNK} } links(direction: BOTH, first: 50) { ${LNK} } } } }`,
    variables: { id: B },
    check: ({ data }, v) => {
      expect(ends(data!.entity.associates)).toEqual(sorted([A, D, ...when(v.conf, [H])]));
    },
  },
  {
    name: 'qEntityG',
    query: `query qEntityG($id: ID!) { entity(id: $id) { ${ENT} ... on Organisation { name country kind
      members { ${LNK} } targetedBy { ${LNK} } routes { ${LNK} entity { id ... on Route { legs { id } users { entity { id } } } } }
      seizures { ${LNK} } basedIn { ${LNK} } participations { ${LNK} } links { ${LNK} } } } }`,
    variables: { id: G },
    check: ({ data }, v) => {
      const g = data!.entity;
      expect(reportIds(g.sources)).toEqual(sorted([PUB, ...when(v.conf, [CONF]), ...when(v.sec, [SEC])]));
      expect(ends(g.members)).toEqual(sorted([A, C]));
      expect(ends(g.targetedBy)).toEqual(sorted([OP1, OP3, ...when(v.conf, [OP2])]));
      expect(ends(g.routes)).toEqual(when(v.sec, [RT]));
      expect(ends(g.basedIn)).toEqual(['country:ME']);
    },
  },
  {
    name: 'qEntityOp1',
    query: `query qEntityOp1($id: ID!) { entity(id: $id) { ${ENT} ... on Operation { countries
      arrests { ${LNK} } targets { ${LNK} } seizures { ${LNK} } participants { ${LNK} } links { ${LNK} } } } }`,
    variables: { id: OP1 },
    check: ({ data }) => {
      const op = data!.entity;
      expect(op.countries).toEqual(['ME']);
      expect(ends(op.arrests)).toEqual([A]);
      expect(ends(op.targets)).toEqual([G]);
      expect(ends(op.seizures)).toEqual([SZ1]);
    },
  },
  {
    name: 'qEntitySeizure',
    query: `query qEntitySeizure($id: ID!) { entity(id: $id) { ${ENT} ... on Seizure { commodity quantity
      context { ${LNK} } seizedFrom { ${LNK} } operations { ${LNK} } locations { ${LNK} entity { id ... on Location { seizures { entity { id } } } } } } } }`,
    variables: { id: SZ1 },
    check: ({ data }) => {
      expect(ends(data!.entity.context)).toEqual(sorted([A, OP1, BAR]));
      expect(data!.entity.locations[0].entity.seizures).toEqual([{ entity: { id: SZ1 } }]);
    },
  },
  {
    name: 'qCountries',
    query: `query qCountries {
      al: entity(id: "country:AL") { ${ENT} links(first: 100) { ${LNK} } ... on Country { code linked { ${LNK} } } }
      es: entity(id: "country:ES") { ${ENT} links(first: 100) { ${LNK} } ... on Country { code linked { ${LNK} } } }
      co: entity(id: "country:CO") { ${ENT} links(first: 100) { ${LNK} } ... on Country { code linked { ${LNK} } } }
      me: entity(id: "country:ME") { ${ENT} links(first: 100) { ${LNK} } ... on Country { code linked { ${LNK} } } } }`,
    check: ({ data }, v) => {
      // countries are reference data: visible to all; their links only through visible reports
      for (const k of ['al', 'es', 'co', 'me']) expect(data![k]).not.toBeNull();
      expect(ends(data!.al.linked)).toEqual(when(v.conf, sorted([H, G2, DUR])));
      expect(ends(data!.al.links)).toEqual(when(v.conf, sorted([H, G2, DUR])));
      expect(ends(data!.es.linked)).toEqual(when(v.sec, [S]));
      expect(ends(data!.me.linked)).toEqual(sorted([A, C, G, BAR]));
    },
  },
  {
    name: 'qHiddenEntities',
    query: `query qHiddenEntities {
      h: entity(id: "${H}") { ${ENT} links { ${LNK} } }
      g2: entity(id: "${G2}") { ${ENT} links { ${LNK} } }
      op2: entity(id: "${OP2}") { ${ENT} links { ${LNK} } }
      sz2: entity(id: "${SZ2}") { ${ENT} links { ${LNK} } }
      dur: entity(id: "${DUR}") { ${ENT} links { ${LNK} } }
      s: entity(id: "${S}") { ${ENT} links { ${LNK} } }
      rt: entity(id: "${RT}") { ${ENT} links { ${LNK} } ... on Route { legs { id } users { ${LNK} } } } }`,
    check: ({ data, errors }, v) => {
      expect(errors).toBeUndefined();
      for (const k of ['h', 'g2', 'op2', 'sz2', 'dur']) expect(data![k] === null).toBe(!v.conf);
      for (const k of ['s', 'rt']) expect(data![k] === null).toBe(!v.sec);
      if (v.conf) expect(ends(data!.h.links)).toEqual(sorted([A, B, C, D, G2, OP2, SZ2, 'country:AL']));
      if (v.sec) expect(ids(data!.rt.legs)).toEqual(['country:CO', 'country:ES', 'country:ME']);
    },
  },
  // ----- reports ------------------------------------------------------------------------------
  {
    name: 'qReportById',
    query: `query qReportById {
      pub: report(id: "${PUB}") { id title agency classification releasableTo date entityCount linkCount handlingCodes }
      conf: report(id: "${CONF}") { id title agency classification releasableTo date entityCount linkCount handlingCodes }
      sec: report(id: "${SEC}") { id title agency classification releasableTo date entityCount linkCount handlingCodes } }`,
    check: ({ data, errors }, v) => {
      expect(errors).toBeUndefined();
      expect(data!.pub).toMatchObject({ id: PUB, classification: 'UNCLASSIFIED', releasableTo: [] });
      expect(data!.conf === null).toBe(!v.conf);
      expect(data!.sec === null).toBe(!v.sec);
      if (v.conf) expect(data!.conf).toMatchObject({ classification: 'CONFIDENTIAL', releasableTo: ['IT'], agency: 'IT-PS' });
    },
  },
  {
    name: 'qReports',
    query: `query qReports {
      all: reports(first: 100) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id agency classification releasableTo title } } }
      it: reports(agency: "IT-PS") { totalCount edges { node { id } } }
      es: reports(agency: "ES-PN") { totalCount edges { node { id } } }
      page: reports(first: 1) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
    check: ({ data }, v) => {
      const expected = [PUB, ...when(v.conf, [CONF]), ...when(v.sec, [SEC])];
      expect(data!.all.totalCount).toBe(expected.length);
      expect(nodeIds(data!.all.edges)).toEqual(sorted(expected));
      expect(data!.it.totalCount).toBe(v.conf ? 1 : 0);
      expect(data!.es.totalCount).toBe(v.sec ? 1 : 0);
      expect(data!.page.totalCount).toBe(expected.length);
      expect(data!.page.pageInfo.hasNextPage).toBe(expected.length > 1);
    },
  },
  {
    name: 'qReportsPage2',
    prepare: async (call) => ({ after: (await call('query qReportsPage1 { reports(first: 1) { pageInfo { endCursor } } }')).data!.reports.pageInfo.endCursor }),
    query: `query qReportsPage2($after: String) { reports(first: 1, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } } }`,
  },
  // ----- search ------------------------------------------------------------------------------
  {
    name: 'qSearch',
    query: `query qSearch {
      hoxha: search(text: "Hektor Hoxha") { ${PAGE} }
      hoxhaP: search(text: "hoxha", types: [Person]) { ${PAGE} }
      heki: search(text: "heki") { ${PAGE} }
      vlora: search(text: "vlora crew") { ${PAGE} }
      heron: search(text: "heron") { ${PAGE} }
      durres: search(text: "durres") { ${PAGE} }
      sombra: search(text: "Sergio Sombra") { ${PAGE} }
      silent: search(text: "silent atlantic") { ${PAGE} }
      operation: search(text: "operation", first: 100) { ${PAGE} }
      amaro: search(text: "amaro") { ${PAGE} }
      opPage: search(text: "operation", first: 1) { ${PAGE} } }`,
    check: ({ data }, v) => {
      for (const k of ['hoxha', 'hoxhaP', 'heki', 'vlora', 'heron', 'durres']) {
        expect(data![k].totalCount).toBe(v.conf ? 1 : 0);
        expect(data![k].edges).toHaveLength(v.conf ? 1 : 0);
      }
      expect(nodeIds(data!.hoxha.edges)).toEqual(when(v.conf, [H]));
      for (const k of ['sombra', 'silent']) expect(data![k].totalCount).toBe(v.sec ? 1 : 0);
      expect(nodeIds(data!.operation.edges)).toEqual(sorted([OP1, OP3, ...when(v.conf, [OP2])]));
      expect(data!.operation.totalCount).toBe(v.conf ? 3 : 2);
      expect(data!.opPage.totalCount).toBe(v.conf ? 3 : 2);
      expect(nodeIds(data!.amaro.edges)).toEqual([A]);
    },
  },
  {
    name: 'qSearchPage2',
    prepare: async (call) => ({
      after: (await call('query qSearchPage1 { search(text: "operation", first: 1) { pageInfo { endCursor } } }')).data!.search.pageInfo.endCursor,
    }),
    query: `query qSearchPage2($after: String) { search(text: "operation", first: 1, after: $after) { ${PAGE} } }`,
  },
  // ----- typed lists ------------------------------------------------------------------------------
  {
    name: 'qPersons',
    query: `query qPersons {
      all: persons(first: 100) { ${PAGE} }
      al: persons(nationality: "AL") { ${PAGE} }
      es: persons(nationality: "ES") { ${PAGE} }
      byName: persons(name: "hektor") { ${PAGE} }
      byAlias: persons(name: "heki") { ${PAGE} }
      first3: persons(first: 3) { ${PAGE} } }`,
    check: ({ data }, v) => {
      const expected = sorted([A, B, C, D, ...when(v.conf, [H]), ...when(v.sec, [S])]);
      expect(nodeIds(data!.all.edges)).toEqual(expected);
      expect(data!.all.totalCount).toBe(expected.length);
      expect(data!.al.totalCount).toBe(v.conf ? 1 : 0);
      expect(data!.es.totalCount).toBe(v.sec ? 1 : 0);
      expect(data!.byName.totalCount).toBe(v.conf ? 1 : 0);
      expect(data!.byAlias.totalCount).toBe(v.conf ? 1 : 0);
      expect(data!.first3.totalCount).toBe(expected.length);
      // in name order: Amaro, Brasko, Cetinjanin
      expect(data!.first3.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([A, B, C]);
    },
  },
  {
    name: 'qPersonsPage2',
    prepare: async (call) => ({ after: (await call('query qPersonsPage1 { persons(first: 3) { pageInfo { endCursor } } }')).data!.persons.pageInfo.endCursor }),
    query: `query qPersonsPage2($after: String) { persons(first: 3, after: $after) { ${PAGE} } }`,
    check: ({ data }, v) => {
      expect(nodeIds(data!.persons.edges)).toEqual(sorted([D, ...when(v.conf, [H]), ...when(v.sec, [S])]));
      expect(data!.persons.pageInfo.hasNextPage).toBe(false);
    },
  },
  {
    name: 'qOperations',
    query: `query qOperations {
      all: operations(first: 100) { ${PAGE} }
      al: operations(country: "AL") { ${PAGE} }
      it: operations(country: "IT") { ${PAGE} }
      jit: operations(kind: JOINT_INVESTIGATION_TEAM) { ${PAGE} }
      recent: operations(from: "2022-01-01") { ${PAGE} } }`,
    check: ({ data }, v) => {
      expect(nodeIds(data!.all.edges)).toEqual(sorted([OP1, OP3, ...when(v.conf, [OP2])]));
      expect(data!.all.totalCount).toBe(v.conf ? 3 : 2);
      for (const k of ['al', 'it', 'jit', 'recent']) expect(data![k].totalCount).toBe(v.conf ? 1 : 0);
    },
  },
  {
    name: 'qSeizures',
    query: `query qSeizures {
      all: seizures(first: 100) { ${PAGE} }
      al: seizures(country: "AL") { ${PAGE} }
      me: seizures(country: "ME") { ${PAGE} }
      heroin: seizures(commodity: HEROIN) { ${PAGE} }
      recent: seizures(from: "2022-01-01") { ${PAGE} }
      totals: seizureTotals { commodity unit quantity seizures valueEur }
      totalsAl: seizureTotals(country: "AL") { commodity unit quantity seizures valueEur }
      totalsHeroin: seizureTotals(commodity: HEROIN) { commodity unit quantity seizures valueEur } }`,
    check: ({ data }, v) => {
      expect(nodeIds(data!.all.edges)).toEqual(sorted([SZ1, ...when(v.conf, [SZ2])]));
      expect(data!.all.totalCount).toBe(v.conf ? 2 : 1);
      expect(nodeIds(data!.me.edges)).toEqual([SZ1]);
      for (const k of ['al', 'heroin', 'recent']) expect(data![k].totalCount).toBe(v.conf ? 1 : 0);
      const cocaine = { commodity: 'COCAINE', unit: 'KG', quantity: 100, seizures: 1, valueEur: 3000000 };
      const heroin = { commodity: 'HEROIN', unit: 'KG', quantity: 50, seizures: 1, valueEur: 1500000 };
      expect(data!.totals).toEqual([cocaine, ...when(v.conf, [heroin])]);
      expect(data!.totalsAl).toEqual(when(v.conf, [heroin]));
      expect(data!.totalsHeroin).toEqual(when(v.conf, [heroin]));
    },
  },
  // ----- neighbourhood -----------------------------------------------------------------------
  {
    name: 'qNeighbourhoodA',
    query: `query qNeighbourhoodA($id: ID!) { neighbourhood(id: $id, depth: 2) { ${SUBGRAPH} } }`,
    variables: { id: A },
    check: ({ data }, v) => {
      const n = data!.neighbourhood;
      const nodes = ids(n.nodes);
      for (const x of [A, B, C, D, G, OP1, OP3, SZ1, BAR, 'country:ME', 'country:RS']) expect(nodes).toContain(x);
      for (const x of [H, G2, OP2, SZ2]) expect(nodes.includes(x)).toBe(v.conf);
      for (const x of [S, RT]) expect(nodes.includes(x)).toBe(v.sec);
      const ab = n.edges.find(
        (e: { source: string; target: string; type: string }) => e.type === 'ASSOCIATE_OF' && [e.source, e.target].sort().join() === [A, B].sort().join(),
      );
      expect(reportIds(ab.sources)).toEqual(sorted([PUB, ...when(v.sec, [SEC])]));
      for (const e of n.edges) {
        expect(nodes).toContain(e.source);
        expect(nodes).toContain(e.target);
      }
    },
  },
  {
    name: 'qNeighbourhoodG',
    query: `query qNeighbourhoodG($id: ID!) { neighbourhood(id: $id, depth: 1, linkTypes: [TARGETED, USES_ROUTE, MEMBER_OF]) { ${SUBGRAPH} } }`,
    variables: { id: G },
    check: ({ data }, v) => {
      expect(ids(data!.neighbourhood.nodes)).toEqual(sorted([G, A, C, OP1, OP3, ...when(v.conf, [OP2]), ...when(v.sec, [RT])]));
    },
  },
  {
    name: 'qNeighbourhoodWindow',
    query: `query qNeighbourhoodWindow($id: ID!) { neighbourhood(id: $id, depth: 2, from: "2022-01-01", to: "2023-12-31", limit: 5) { ${SUBGRAPH} } }`,
    variables: { id: A },
  },
  {
    name: 'qNeighbourhoodH',
    query: `query qNeighbourhoodH($id: ID!) { neighbourhood(id: $id, depth: 2) { ${SUBGRAPH} } }`,
    variables: { id: H },
    notFoundUnless: 'conf',
  },
  { name: 'qNeighbourhoodS', query: `query qNeighbourhoodS($id: ID!) { neighbourhood(id: $id) { ${SUBGRAPH} } }`, variables: { id: S }, notFoundUnless: 'sec' },
  {
    name: 'qNeighbourhoodRoute',
    query: `query qNeighbourhoodRoute($id: ID!) { neighbourhood(id: $id) { ${SUBGRAPH} } }`,
    variables: { id: RT },
    notFoundUnless: 'sec',
  },
  // ----- paths -----------------------------------------------------------------------------
  {
    name: 'qPathsCD',
    query: `query qPathsCD($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, all: true) { ${PATHS} } }`,
    variables: { from: C, to: D },
    check: ({ data }, v) => {
      const paths = data!.shortestPaths as Array<{ length: number; nodes: Array<{ id: string }> }>;
      expect(paths.length).toBeGreaterThan(0);
      if (v.conf) {
        // the only short connection runs through H
        expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([[C, H, D]]);
      } else {
        expect(paths.map((p) => p.nodes.map((n) => n.id))).toEqual([[C, G, A, B, D]]);
        for (const p of paths) expect(p.length).toBe(4);
      }
    },
  },
  {
    name: 'qPathsCDShort',
    query: `query qPathsCDShort($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, maxLength: 3) { ${PATHS} } }`,
    variables: { from: C, to: D },
    check: ({ data }, v) => {
      expect(data!.shortestPaths.map((p: { nodes: Array<{ id: string }> }) => p.nodes.map((n) => n.id))).toEqual(when(v.conf, [[C, H, D]]));
    },
  },
  {
    name: 'qPathsAB',
    query: `query qPathsAB($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, linkTypes: [ASSOCIATE_OF], all: true) { ${PATHS} } }`,
    variables: { from: A, to: B },
    check: ({ data }, v) => {
      expect(data!.shortestPaths).toHaveLength(1);
      expect(reportIds(data!.shortestPaths[0].edges[0].sources)).toEqual(sorted([PUB, ...when(v.sec, [SEC])]));
    },
  },
  {
    name: 'qPathsDOp1',
    query: `query qPathsDOp1($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, all: true, maxLength: 8) { ${PATHS} } }`,
    variables: { from: D, to: OP3 },
  },
  {
    name: 'qPathsFromCountry',
    query: `query qPathsFromCountry($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to, all: true) { ${PATHS} } }`,
    variables: { from: 'country:AL', to: A },
    check: ({ data }, v) => {
      // countries are visible to all, but AL is linked only through CONF
      if (!v.conf) expect(data!.shortestPaths).toEqual([]);
      else expect(data!.shortestPaths.map((p: { nodes: Array<{ id: string }> }) => p.nodes.map((n) => n.id))).toEqual([['country:AL', H, A]]);
    },
  },
  {
    name: 'qTimelineCountry',
    query: `query qTimelineCountry($id: ID!) { timeline(id: $id) { date kind linkType entity { id } } neighbourhood(id: $id) { ${SUBGRAPH} } }`,
    variables: { id: 'country:AL' },
  },
  {
    name: 'qPathsCH',
    query: `query qPathsCH($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to) { ${PATHS} } }`,
    variables: { from: C, to: H },
    notFoundUnless: 'conf',
  },
  {
    name: 'qPathsSA',
    query: `query qPathsSA($from: ID!, $to: ID!) { shortestPaths(from: $from, to: $to) { ${PATHS} } }`,
    variables: { from: S, to: A },
    notFoundUnless: 'sec',
  },
  {
    name: 'qConnectCD',
    query: `query qConnectCD($ids: [ID!]!) { connectingNetwork(ids: $ids) { ${SUBGRAPH} } }`,
    variables: { ids: [C, D] },
    check: ({ data }, v) => {
      expect(ids(data!.connectingNetwork.nodes)).toEqual(v.conf ? sorted([C, H, D]) : sorted([C, G, A, B, D]));
    },
  },
  {
    name: 'qConnectMany',
    query: `query qConnectMany($ids: [ID!]!) { connectingNetwork(ids: $ids, maxLength: 3) { ${SUBGRAPH} } }`,
    variables: { ids: [A, C, D, OP3] },
  },
  {
    name: 'qSubgraphMixed',
    query: `query qSubgraphMixed($ids: [ID!]!) { subgraph(ids: $ids) { ${SUBGRAPH} } }`,
    variables: { ids: [A, B, H, G2, S, 'person:no-such-person'] },
    check: ({ data }, v) => {
      // hidden and unknown ids are left out alike; the links among the rest are the visible ones
      const nodes = data!.subgraph.nodes.map((n: { id: string }) => n.id).sort();
      expect(nodes).toEqual(sorted([A, B, ...when(v.conf, [H, G2]), ...when(v.sec, [S])]));
      for (const e of data!.subgraph.edges as Array<{ source: string; target: string }>) expect(nodes).toEqual(expect.arrayContaining([e.source, e.target]));
      expect(data!.subgraph.edges.length).toBeGreaterThanOrEqual(1); // A–B, a PUB link
    },
  },
  {
    name: 'qConnectAH',
    query: `query qConnectAH($ids: [ID!]!) { connectingNetwork(ids: $ids) { ${SUBGRAPH} } }`,
    variables: { ids: [A, H] },
    notFoundUnless: 'conf',
  },
  // ----- centrality --------------------------------------------------------------------------
  ...CENTRALITY.map((algorithm): Entry => ({
    name: `qCentrality${algorithm}`,
    query: `query qCentrality${algorithm} { centrality(algorithm: ${algorithm}, top: 50) { ${SCORES} } }`,
    compare: compareScores,
    check: ({ data }, v) => {
      const scores = data!.centrality as Array<{ entity: { id: string }; score: number }>;
      expect(sorted(scores.map((s) => s.entity.id))).toEqual(visibleNodes(v));
      if (algorithm === 'DEGREE') {
        // A's visible neighbours: B, G, OP1, the seizure; plus H or S for those who see them
        expect(scores.find((s) => s.entity.id === A)!.score).toBe(4 + (v.conf ? 1 : 0) + (v.sec ? 1 : 0));
        expect(scores.find((s) => s.entity.id === C)!.score).toBe(1 + (v.conf ? 1 : 0));
      }
    },
  })),
  {
    name: 'qCentralityAroundA',
    query: `query qCentralityAroundA($s: AnalysisScope) { centrality(algorithm: BETWEENNESS, scope: $s, top: 50) { ${SCORES} } }`,
    variables: { s: { around: A, depth: 1 } },
    compare: compareScores,
    check: ({ data }, v) => {
      expect(sorted(data!.centrality.map((s: { entity: { id: string } }) => s.entity.id))).toEqual(
        sorted([A, B, G, OP1, SZ1, ...when(v.conf, [H]), ...when(v.sec, [S])]),
      );
    },
  },
  {
    name: 'qCentralityAroundH',
    query: `query qCentralityAroundH($s: AnalysisScope) { centrality(algorithm: DEGREE, scope: $s, top: 50) { ${SCORES} } }`,
    variables: { s: { around: H, depth: 2 } },
    compare: compareScores,
    check: ({ data, errors }, v) => {
      expect(errors).toBeUndefined();
      if (!v.conf) expect(data!.centrality).toEqual([]);
    },
  },
  {
    name: 'qCentralityIds',
    query: `query qCentralityIds($s: AnalysisScope) { centrality(algorithm: CLOSENESS, scope: $s, top: 50) { ${SCORES} } }`,
    variables: { s: { ids: [A, B, C, D, H, S] } },
    compare: compareScores,
    check: ({ data }, v) => {
      expect(sorted(data!.centrality.map((s: { entity: { id: string } }) => s.entity.id))).toEqual(
        sorted([A, B, C, D, ...when(v.conf, [H]), ...when(v.sec, [S])]),
      );
    },
  },
  {
    name: 'qCentralityReports',
    query: `query qCentralityReports($s: AnalysisScope) { centrality(algorithm: PAGERANK, scope: $s, top: 50) { ${SCORES} } }`,
    variables: { s: { reports: [CONF, SEC] } },
    compare: compareScores,
    check: ({ data }, v) => {
      if (!v.conf && !v.sec) expect(data!.centrality).toEqual([]);
    },
  },
  {
    name: 'qCentralityPersons',
    query: `query qCentralityPersons($s: AnalysisScope) { centrality(algorithm: EIGENVECTOR, scope: $s, top: 50) { ${SCORES} } }`,
    variables: { s: { entityTypes: ['Person'], linkTypes: ['ASSOCIATE_OF'] } },
    compare: compareScores,
  },
  // ----- communities -------------------------------------------------------------------------
  {
    name: 'qCommunitiesCC',
    query: `query qCommunitiesCC { communities(algorithm: CONNECTED_COMPONENTS) { modularity communities { id size members { id label type } } } }`,
    check: ({ data }, v) => {
      const cs = data!.communities.communities as Array<{ size: number; members: Array<{ id: string }> }>;
      expect(cs).toHaveLength(1);
      expect(cs[0].size).toBe(visibleNodes(v).length);
      expect(ids(cs[0].members)).toEqual(visibleNodes(v));
    },
  },
  {
    name: 'qCommunitiesLouvain',
    query: `query qCommunitiesLouvain { communities(algorithm: LOUVAIN, seed: 7) { modularity communities { id size members { id label type } } } }`,
    // Louvain depends on node order, which differs between databases: compare the membership.
    compare: (full, control) => {
      const members = (r: GqlResponse) =>
        sorted((r.data!.communities.communities as Array<{ members: Array<{ id: string }> }>).flatMap((c) => c.members.map((m) => m.id)));
      expect(full.errors).toEqual(control.errors);
      expect(members(full)).toEqual(members(control));
    },
    check: ({ data }, v) => {
      const cs = data!.communities.communities as Array<{ size: number; members: Array<{ id: string }> }>;
      for (const c of cs) expect(c.size).toBe(c.members.length);
      expect(sorted(cs.flatMap((c) => c.members.map((m) => m.id)))).toEqual(visibleNodes(v));
    },
  },
  {
    name: 'qCommunitiesScoped',
    query: `query qCommunitiesScoped($s: AnalysisScope) { communities(algorithm: CONNECTED_COMPONENTS, scope: $s) { modularity communities { id size members { id label type } } } }`,
    variables: { s: { ids: [A, B, C, D, H, G2, S] } },
    check: ({ data }, v) => {
      const all = sorted((data!.communities.communities as Array<{ members: Array<{ id: string }> }>).flatMap((c) => c.members.map((m) => m.id)));
      expect(all).toEqual(sorted([A, B, C, D, ...when(v.conf, [H, G2]), ...when(v.sec, [S])]));
    },
  },
  {
    name: 'qCommunitiesAroundOp2',
    query: `query qCommunitiesAroundOp2($s: AnalysisScope) { communities(algorithm: CONNECTED_COMPONENTS, scope: $s) { modularity communities { id size members { id } } } }`,
    variables: { s: { around: OP2, depth: 3 } },
  },
  // ----- linked operations, timeline ---------------------------------------------------------
  {
    name: 'qLinkedOp1',
    query: `query qLinkedOp1($id: ID!) { linkedOperations(id: $id) { operation { id label } score shared { type entity { id } } } }`,
    variables: { id: OP1 },
    check: ({ data }, v) => {
      const linked = data!.linkedOperations as Array<{ operation: { id: string }; score: number; shared: Array<{ entity: { id: string } }> }>;
      expect(sorted(linked.map((l) => l.operation.id))).toEqual(sorted([OP3, ...when(v.conf, [OP2])]));
      const op3 = linked.find((l) => l.operation.id === OP3)!;
      expect(sorted(op3.shared.map((s) => s.entity.id))).toEqual(sorted([G, ...when(v.sec, [RT])]));
      expect(op3.score).toBe(v.sec ? 5 : 3);
    },
  },
  {
    name: 'qLinkedOp2',
    query: `query qLinkedOp2($id: ID!) { linkedOperations(id: $id) { operation { id label } score shared { type entity { id } } } }`,
    variables: { id: OP2 },
    notFoundUnless: 'conf',
  },
  {
    name: 'qTimelineA',
    query: `query qTimelineA($id: ID!) { timeline(id: $id) { date kind linkType entity { id label } } }`,
    variables: { id: A },
    check: ({ data }, v) => {
      const t = data!.timeline as Array<{ date: string; kind: string; entity: { id: string } | null }>;
      expect(t.filter((e) => e.entity?.id === H).map((e) => e.kind)).toEqual(when(v.conf, ['ASSOCIATE_OF_SINCE']));
      expect(t.filter((e) => e.entity?.id === S).map((e) => e.kind)).toEqual(when(v.sec, ['ASSOCIATE_OF_SINCE']));
      expect(t).toContainEqual({ date: '2021-03-10', kind: 'ARRESTED', linkType: 'ARRESTED', entity: { id: OP1, label: 'Operation Oriole' } });
      expect(t.length).toBe(4 + (v.conf ? 1 : 0) + (v.sec ? 1 : 0));
    },
  },
  {
    name: 'qTimelineG',
    query: `query qTimelineG($id: ID!) { timeline(id: $id, limit: 50) { date kind linkType entity { id label } } }`,
    variables: { id: G },
    check: ({ data }, v) => {
      const t = data!.timeline as Array<{ entity: { id: string } | null }>;
      expect(t.some((e) => e.entity?.id === OP2)).toBe(v.conf);
      expect(t.some((e) => e.entity?.id === RT)).toBe(v.sec);
      expect(t.some((e) => e.entity?.id === OP1)).toBe(true);
    },
  },
  {
    name: 'qTimelineH',
    query: `query qTimelineH($id: ID!) { timeline(id: $id) { date kind linkType entity { id } } }`,
    variables: { id: H },
    notFoundUnless: 'conf',
  },
  {
    name: 'qTimelineSz2',
    query: `query qTimelineSz2($id: ID!) { timeline(id: $id) { date kind linkType entity { id } } }`,
    variables: { id: SZ2 },
    notFoundUnless: 'conf',
  },
  // ----- cross-border --------------------------------------------------------------------------
  {
    name: 'qCrossBorder',
    query: `query qCrossBorder {
      all: crossBorder { countryLinks { countryA countryB links routeLegs } organisations { organisation { id } countries }
        bridges { person { id } countries groups { organisation { id } via countries } } }
      al: crossBorder(countries: ["AL", "IT"]) { countryLinks { countryA countryB links routeLegs } organisations { organisation { id } countries }
        bridges { person { id } countries groups { organisation { id } via countries } } }
      es: crossBorder(countries: ["ES", "CO"], minCountries: 1) { countryLinks { countryA countryB links routeLegs } organisations { organisation { id } countries }
        bridges { person { id } countries groups { organisation { id } via countries } } } }`,
    check: ({ data }, v) => {
      const countriesIn = (cb: {
        countryLinks: Array<{ countryA: string; countryB: string }>;
        organisations: Array<{ countries: string[] }>;
        bridges: Array<{ countries: string[]; groups: Array<{ countries: string[] }> }>;
      }) =>
        new Set([
          ...cb.countryLinks.flatMap((p) => [p.countryA, p.countryB]),
          ...cb.organisations.flatMap((o) => o.countries),
          ...cb.bridges.flatMap((b) => [...b.countries, ...b.groups.flatMap((g) => g.countries)]),
        ]);
      const all = countriesIn(data!.all);
      // AL and IT figures come only from CONF (H, G2, OP2); ES and CO only from SEC (S, the route)
      for (const c of ['AL', 'IT']) expect(all.has(c)).toBe(v.conf);
      for (const c of ['ES', 'CO']) expect(all.has(c)).toBe(v.sec);
      if (!v.conf) {
        expect(data!.al).toEqual({ countryLinks: [], organisations: [], bridges: [] });
        expect(data!.all.bridges).toEqual([]);
      }
      if (!v.sec) expect(data!.es).toEqual({ countryLinks: [], organisations: [], bridges: [] });
      if (!v.conf && !v.sec) {
        expect(data!.all).toEqual({
          countryLinks: [
            { countryA: 'HR', countryB: 'RS', links: 1, routeLegs: 0 },
            { countryA: 'ME', countryB: 'RS', links: 1, routeLegs: 0 },
          ],
          organisations: [],
          bridges: [],
        });
      }
      if (v.conf) {
        expect(sorted(data!.all.bridges.map((b: { person: { id: string } }) => b.person.id))).toEqual(sorted([A, B, C, H]));
        expect(data!.all.organisations).toContainEqual({ organisation: { id: G }, countries: v.sec ? ['AL', 'CO', 'ES', 'IT', 'ME'] : ['AL', 'IT', 'ME'] });
      }
      if (v.sec) {
        expect(data!.all.countryLinks).toContainEqual({ countryA: 'ES', countryB: 'ME', links: 2, routeLegs: 1 });
        expect(data!.all.countryLinks).toContainEqual({ countryA: 'CO', countryB: 'ES', links: 1, routeLegs: 1 });
      }
    },
  },
];

/** Templates that take one entity id, for "a hidden id answers exactly like a missing one". */
const ID_PROBES: Array<{ name: string; query: string; vars: (id: string) => Record<string, unknown> }> = [
  { name: 'probeEntity', query: 'query probeEntity($id: ID!) { entity(id: $id) { id type label sources { reportId } } }', vars: (id) => ({ id }) },
  {
    name: 'probeNeighbourhood',
    query: 'query probeNeighbourhood($id: ID!) { neighbourhood(id: $id, depth: 2) { nodes { id } edges { id } truncated } }',
    vars: (id) => ({ id }),
  },
  { name: 'probeTimeline', query: 'query probeTimeline($id: ID!) { timeline(id: $id) { date kind entity { id } } }', vars: (id) => ({ id }) },
  {
    name: 'probeLinkedOperations',
    query: 'query probeLinkedOperations($id: ID!) { linkedOperations(id: $id) { operation { id } score } }',
    vars: (id) => ({ id }),
  },
  {
    name: 'probePathTo',
    query: 'query probePathTo($a: ID!, $b: ID!) { shortestPaths(from: $a, to: $b) { length nodes { id } } }',
    vars: (id) => ({ a: A, b: id }),
  },
  {
    name: 'probePathFrom',
    query: 'query probePathFrom($a: ID!, $b: ID!) { shortestPaths(from: $a, to: $b, all: true) { length nodes { id } } }',
    vars: (id) => ({ a: id, b: C }),
  },
  {
    name: 'probeConnecting',
    query: 'query probeConnecting($ids: [ID!]!) { connectingNetwork(ids: $ids) { nodes { id } edges { id } } }',
    vars: (id) => ({ ids: [B, id] }),
  },
  {
    name: 'probeCentralityAround',
    query: 'query probeCentralityAround($s: AnalysisScope) { centrality(algorithm: DEGREE, scope: $s, top: 50) { entity { id } score } }',
    vars: (id) => ({ s: { around: id, depth: 3 } }),
  },
  {
    name: 'probeCentralityIds',
    query: 'query probeCentralityIds($s: AnalysisScope) { centrality(algorithm: BETWEENNESS, scope: $s, top: 50) { entity { id } score } }',
    vars: (id) => ({ s: { ids: [id, A, B, C, D] } }),
  },
  {
    name: 'probeCommunitiesIds',
    query: 'query probeCommunitiesIds($s: AnalysisScope) { communities(algorithm: CONNECTED_COMPONENTS, scope: $s) { communities { size members { id } } } }',
    vars: (id) => ({ s: { ids: [id, A, B, C, D] } }),
  },
];
const REPORT_PROBES: Array<{ name: string; query: string; vars: (id: string) => Record<string, unknown> }> = [
  { name: 'probeReport', query: 'query probeReport($id: ID!) { report(id: $id) { id title } }', vars: (id) => ({ id }) },
  {
    name: 'probeCentralityReports',
    query: 'query probeCentralityReports($s: AnalysisScope) { centrality(algorithm: DEGREE, scope: $s, top: 50) { entity { id } score } }',
    vars: (id) => ({ s: { reports: [id] } }),
  },
  {
    name: 'probeCommunitiesReports',
    query:
      'query probeCommunitiesReports($s: AnalysisScope) { communities(algorithm: CONNECTED_COMPONENTS, scope: $s) { modularity communities { size members { id } } } }',
    vars: (id) => ({ s: { reports: [id] } }),
  },
];
const HIDDEN_IDS: Record<string, string[]> = { [CONF]: CONF_NODES, [SEC]: SEC_NODES };

/** A missing id shaped like the hidden one (same type prefix). */
const missingLike = (id: string) => `${id.split(':')[0]}:zz-no-such-entity-${id.length}`;

// ---------------------------------------------------------------------------------------------

describe('need-to-know: the leak matrix (users × reports × every query)', () => {
  let server: TestServer;
  const tokens = {} as Record<U | 'admin' | 'loader' | 'god', string>;
  /**
   * Answers of the battery on a database holding only the reports a user may see, by user: asked
   * by the user themselves, since cursors are sealed for the caller's visibility class.
   */
  const control = new Map<U, Map<string, GqlResponse>>();
  /** Every request the users made, for the audit check. */
  const made: Array<{ subject: string; operationName: string; outcome: string; mustReturn?: string[] }> = [];

  const as =
    (bearer: string): Call =>
    (query, variables) =>
      server.gql(query, variables, bearer);
  const setKey = (reports: string[]) => sorted(reports).join('+');

  async function load(reports: string[]) {
    await resetDatabase(server.db);
    const importer = new ReportImporter(server.db);
    for (const id of REPORT_ORDER.filter((r) => reports.includes(r))) {
      const outcome = await importer.import(REPORTS[id], 'security-test');
      // the fixture's ids are the ones the assertions name
      for (const { id: entityId } of outcome.entities) {
        if (!entityId.startsWith('country:')) expect([...PUB_NODES, ...CONF_NODES, ...SEC_NODES]).toContain(entityId);
      }
    }
  }

  async function runEntry(call: Call, e: Entry): Promise<GqlResponse> {
    const variables = e.prepare ? await e.prepare(call) : e.variables;
    return call(e.query, variables);
  }

  beforeAll(async () => {
    server = await startServer();
    for (const u of USER_NAMES) tokens[u] = await token(USERS[u].spec);
    tokens.admin = await token({ sub: 'u_admin', roles: ['admin'], agency: 'EUROPOL', country: 'NL', clearance: 'SECRET' });
    tokens.loader = await token({ sub: 'u_loader', roles: ['loader'], agency: 'IT-PS', country: 'IT', clearance: 'SECRET' });
    tokens.god = await token(GOD);
    // Control runs: one database per distinct visible set, holding only those reports, asked by
    // each user who sees that set.
    for (const sees of new Set(USER_NAMES.map((u) => setKey(USERS[u].sees)))) {
      await load(sees.split('+'));
      for (const u of USER_NAMES.filter((x) => setKey(USERS[x].sees) === sees)) {
        const answers = new Map<string, GqlResponse>();
        for (const e of BATTERY) answers.set(e.name, await runEntry(as(tokens[u]), e));
        control.set(u, answers);
      }
    }
    // The real database: all three reports.
    await load(REPORT_ORDER);
    // one battery per user (not per visible set) for the control answers: more than one test's time
  }, 300_000);
  afterAll(() => server.stop());

  describe.each(USER_NAMES)('%s', (u) => {
    const v = view(u);
    const hiddenReports = REPORT_ORDER.filter((r) => !USERS[u].sees.includes(r));

    it.each(BATTERY.map((e) => [e.name, e] as const))(
      '%s: no hidden data, same answer as without the hidden reports, visible data present',
      async (_name, e) => {
        const res = await runEntry(as(tokens[u]), e);
        const hiddenTarget = e.notFoundUnless && !v[e.notFoundUnless];
        made.push({
          subject: u,
          operationName: e.name,
          outcome: hiddenTarget ? 'error:NOT_FOUND' : 'ok',
          mustReturn: e.name === 'qEntityA' ? [A] : e.name === 'qHiddenEntities' && v.conf ? [H] : undefined,
        });

        // 1. nothing of a hidden report anywhere (cursors decoded)
        expect(leaks(res, hiddenReports, e.query + JSON.stringify(e.variables ?? {}))).toEqual([]);

        // 2. errors: none, or NOT_FOUND exactly like a missing id
        if (hiddenTarget) {
          expect(res.errors?.map((x) => x.extensions?.code)).toEqual(['NOT_FOUND']);
          expect(res.data ?? null).toBeNull();
        } else {
          expect(res.errors).toBeUndefined();
        }

        // 3. the same answer as on a database that holds only the reports this user may see
        const ctrl = control.get(u)!.get(e.name)!;
        if (e.compare) e.compare(res, ctrl);
        else
          expect(canonical({ status: res.status, data: res.data, errors: res.errors })).toEqual(
            canonical({ status: ctrl.status, data: ctrl.data, errors: ctrl.errors }),
          );

        // 4. what this user may see is there
        if (e.check && !hiddenTarget) e.check(res, v);
      },
    );
  });

  describe('a hidden id answers exactly like a missing one (same JSON, same error)', () => {
    const cases = USER_NAMES.flatMap((u) =>
      REPORT_ORDER.filter((r) => !USERS[u].sees.includes(r)).flatMap((r) => [
        ...HIDDEN_IDS[r].flatMap((id) => ID_PROBES.map((p) => [u, p.name, id, p] as const)),
        ...REPORT_PROBES.map((p) => [u, p.name, r, p] as const),
      ]),
    );
    it.each(cases)('%s %s(%s)', async (u, _name, hiddenId, probe) => {
      const missing = probe.name.includes('Report') ? 'SECTEST-NO-SUCH-REPORT' : missingLike(hiddenId);
      const hidden = await as(tokens[u])(probe.query, probe.vars(hiddenId));
      const absent = await as(tokens[u])(probe.query, probe.vars(missing));
      made.push({ subject: u, operationName: probe.name, outcome: hidden.errors ? `error:${hidden.errors.map((x) => x.extensions?.code).join(',')}` : 'ok' });
      const norm = (r: GqlResponse, id: string) => JSON.stringify({ status: r.status, data: r.data, errors: r.errors }).split(id).join('<ID>');
      expect(norm(hidden, hiddenId)).toBe(norm(absent, missing));
      for (const err of hidden.errors ?? []) {
        expect(['NOT_FOUND', 'BAD_USER_INPUT']).toContain(err.extensions?.code);
        expect(err.message).not.toMatch(/hidden|classified|not allowed|forbidden|clearance|releasab|access/i);
      }
    });

    it('reports(agency) of a hidden report agency answers like an agency that has no report', async () => {
      const q = 'query probeAgency($a: String) { reports(agency: $a) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } }';
      const hidden = await as(tokens.u_low)(q, { a: 'IT-PS' });
      const none = await as(tokens.u_low)(q, { a: 'XX-NONE' });
      made.push({ subject: 'u_low', operationName: 'probeAgency', outcome: 'ok' });
      expect(hidden).toEqual(none);
      expect(hidden.data!.reports.totalCount).toBe(0);
    });
  });

  describe('authentication and roles', () => {
    const READS: Array<[string, string]> = [
      ['persons', 'query rolePersons { persons { totalCount edges { node { id } } } }'],
      ['entity', `query roleEntity { entity(id: "${A}") { id label } }`],
      ['search', 'query roleSearch { search(text: "amaro") { totalCount } }'],
      ['reports', 'query roleReports { reports { totalCount } }'],
      ['neighbourhood', `query roleNeighbourhood { neighbourhood(id: "${A}") { nodes { id } } }`],
      ['centrality', 'query roleCentrality { centrality(algorithm: DEGREE) { entity { id } score } }'],
      ['crossBorder', 'query roleCrossBorder { crossBorder { countryLinks { countryA countryB } } }'],
    ];

    it.each(READS)('anonymous %s → 401 UNAUTHENTICATED, no data', async (_n, q) => {
      const res = await server.gql(q, undefined, null);
      expect(res.status).toBe(401);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(res.data ?? null).toBeNull();
    });

    it('a forged, expired, wrongly signed or claim-less token → 401 UNAUTHENTICATED', async () => {
      const good = tokens.u_low;
      const wrongKey = await mintToken('another-secret-that-is-long-enough-0123456789', {
        sub: 'x',
        roles: ['analyst'],
        agency: 'IT-PS',
        country: 'IT',
        clearance: 'SECRET',
      });
      const key = new TextEncoder().encode(testJwtSecret());
      const expired = await new SignJWT({ roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'SECRET' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
        .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
        .sign(key);
      const noClearance = await new SignJWT({ roles: ['analyst'], agency: 'IT-PS', country: 'IT' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setExpirationTime('1h')
        .sign(key);
      const badClearance = await new SignJWT({ roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'COSMIC' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setExpirationTime('1h')
        .sign(key);
      const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: ['admin'], agency: 'A', country: 'IT', clearance: 'SECRET' })).toString('base64url')}.`;
      for (const bad of [forgeSignature(good), wrongKey, expired, noClearance, badClearance, unsigned, 'not-a-jwt']) {
        const res = await server.gql('query badToken { persons { totalCount } }', undefined, bad);
        expect(res.status).toBe(401);
        expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
        expect(res.data ?? null).toBeNull();
      }
      // a Basic header is not a bearer token
      const basic = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Basic dTpw' },
        body: JSON.stringify({ query: '{ persons { totalCount } }' }),
      });
      expect(basic.status).toBe(401);
    });

    it('an analyst calling importReport → FORBIDDEN, nothing written', async () => {
      const doc = {
        report: { id: 'SECTEST-BY-ANALYST', title: 't', date: '2024-01-01', agency: 'IT-PS', classification: 'UNCLASSIFIED' },
        entities: [{ ref: 'x', type: 'Person', name: 'Written By Analyst' }],
        links: [],
      };
      const res = await as(tokens.u_it)('mutation analystImport($r: ReportInput!) { importReport(report: $r) { reportId } }', { r: doc });
      made.push({ subject: 'u_it', operationName: 'analystImport', outcome: 'error:FORBIDDEN' });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      expect(res.data ?? null).toBeNull();
      const [row] = await server.db.read<{ n: number }>('MATCH (r:Report {id: "SECTEST-BY-ANALYST"}) RETURN count(r) AS n');
      expect(row.n).toBe(0);
      const [person] = await server.db.read<{ n: number }>("MATCH (:Report)-[s:STATES]->(:Person) WHERE s.name = 'Written By Analyst' RETURN count(s) AS n");
      expect(person.n).toBe(0);
    });

    it.each(READS)('a loader calling %s → FORBIDDEN, no data', async (_n, q) => {
      const res = await as(tokens.loader)(q);
      made.push({ subject: 'u_loader', operationName: q.split(' ')[1], outcome: 'error:FORBIDDEN' });
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      // nullable root fields answer null, non-null ones null the whole data
      const data = res.data ?? null;
      if (data) for (const value of Object.values(data)) expect(value).toBeNull();
    });

    it('a loader imports (and learns nothing it could not read from the answer but its own ids)', async () => {
      const doc = {
        report: { id: 'SECTEST-LOADER-0001', title: 'loader test', date: '2024-01-02', agency: 'IT-PS', classification: 'UNCLASSIFIED' },
        entities: [{ ref: 'z', type: 'Person', name: 'Zeta Loaderson' }],
        links: [],
      };
      const res = await as(tokens.loader)(
        'mutation loaderImport($r: ReportInput!) { importReport(report: $r) { reportId entities { ref id } nodes { created } } }',
        { r: doc },
      );
      made.push({ subject: 'u_loader', operationName: 'loaderImport', outcome: 'ok' });
      expect(res.errors).toBeUndefined();
      expect(res.data!.importReport).toEqual({ reportId: 'SECTEST-LOADER-0001', entities: [{ ref: 'z', id: ZETA }], nodes: { created: 1 } });
    });

    it('auditLog and auditChain are FORBIDDEN to analysts and loaders', async () => {
      for (const [subject, bearer] of [
        ['u_all', tokens.u_all],
        ['u_loader', tokens.loader],
      ] as const) {
        for (const q of [
          'query nonAdminAuditLog { auditLog { totalCount edges { node { subject } } } }',
          'query nonAdminAuditChain { auditChain { intact } }',
        ]) {
          const res = await as(bearer)(q);
          made.push({ subject, operationName: q.split(' ')[1], outcome: 'error:FORBIDDEN' });
          expect(res.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
          expect(res.data ?? null).toBeNull();
        }
      }
    });

    it('an admin reads like a fully cleared analyst of its own agency (EUROPOL/NL: PUB only)', async () => {
      const res = await as(tokens.admin)('query adminRead { persons(first: 100) { totalCount edges { node { id } } } }');
      made.push({ subject: 'u_admin', operationName: 'adminRead', outcome: 'ok' });
      expect(res.errors).toBeUndefined();
      expect(nodeIds(res.data!.persons.edges)).toEqual(sorted([A, B, C, D, ZETA]));
    });
  });

  describe('property-level provenance: facts restated by a hidden report', () => {
    // A SECRET ES-PN report restates A with an alias and a nationality, and the A–B link with a role
    // and a weight. Those values are facts of that report only: callers who cannot see it must not
    // get them (nor find A by the alias).
    const PROP = 'SECTEST-SECRET-ES-0002';
    beforeAll(async () => {
      await new ReportImporter(server.db).import(
        {
          report: { id: PROP, title: 'Amaro alias', date: '2023-03-01', agency: 'ES-PN', classification: 'SECRET', releasableTo: ['ES-PN'] },
          entities: [
            { ref: 'a', type: 'Person', name: 'Andrej Amaro', aliases: ['Zorro'], nationalities: ['ME', 'CO'] },
            { ref: 'b', type: 'Person', name: 'Bojan Brasko', nationalities: ['RS'] },
          ],
          links: [{ type: 'ASSOCIATE_OF', from: 'a', to: 'b', kind: 'CRIMINAL', role: 'financier', weight: 9 }],
        },
        'security-test',
      );
    });
    const Q = `query propertyLeak { a: entity(id: "${A}") { ... on Person { aliases nationalities associates { role weight entity { id } sources { reportId } } } }
      zorro: search(text: "zorro") { totalCount edges { node { id } } }
      co: persons(nationality: "CO") { totalCount }
      n: neighbourhood(id: "${A}", linkTypes: [ASSOCIATE_OF]) { nodes { id properties } edges { properties } } }`;

    it.each(['u_low', 'u_it', 'u_all', 'u_es_conf'] as U[])('%s does not get the hidden alias, nationality, link role or weight', async (u) => {
      const res = await as(tokens[u])(Q);
      made.push({ subject: u, operationName: 'propertyLeak', outcome: 'ok' });
      expect(res.errors).toBeUndefined();
      const ab = res.data!.a.associates.find((l: { entity: { id: string } }) => l.entity.id === B);
      const abEdge = res.data!.n.edges.find((e: { properties: Record<string, unknown> }) => e.properties.kind === 'CRIMINAL');
      // every aspect at once, so that a failure shows all that leaked
      expect({
        searchZorro: res.data!.zorro.totalCount,
        aliases: res.data!.a.aliases,
        nationalities: res.data!.a.nationalities,
        personsOfCO: res.data!.co.totalCount,
        linkSources: ab.sources.map((s: { reportId: string }) => s.reportId),
        linkRole: ab.role,
        linkWeight: ab.weight,
        neighbourhoodEdgeRole: abEdge?.properties.role ?? null,
        neighbourhoodNodeAliases: res.data!.n.nodes.find((n: { id: string }) => n.id === A).properties.aliases ?? [],
      }).toEqual({
        searchZorro: 0,
        aliases: [],
        nationalities: ['ME'],
        personsOfCO: 0,
        linkSources: [PUB],
        linkRole: null,
        linkWeight: null,
        neighbourhoodEdgeRole: null,
        neighbourhoodNodeAliases: [],
      });
    });

    it('u_es, who may see the report, gets them', async () => {
      const res = await as(tokens.u_es)(Q);
      made.push({ subject: 'u_es', operationName: 'propertyLeak', outcome: 'ok' });
      expect(res.data!.a.aliases).toEqual(['Zorro']);
      expect(res.data!.zorro.edges).toEqual([{ node: { id: A } }]);
      expect(res.data!.co.totalCount).toBe(1);
      const ab = res.data!.a.associates.find((l: { entity: { id: string } }) => l.entity.id === B);
      expect(ab.role).toBe('financier');
    });
  });

  describe('audit trail', () => {
    // what the API shows of an entry (the audit log's own type, as the GraphQL answer carries it)
    type AuditRow = Pick<
      AuditEntry,
      | 'seq'
      | 'subject'
      | 'agency'
      | 'country'
      | 'roles'
      | 'operationName'
      | 'operationType'
      | 'returnedIds'
      | 'changedIds'
      | 'outcome'
      | 'variables'
      | 'hash'
      | 'prevHash'
    >;
    async function entriesOf(subject: string): Promise<AuditRow[]> {
      // The audit log shows an entry in full only to admins whose clearance and releasability cover
      // what it touched and who made the request (issues 9 and 16; test/audit-trail.test.ts): an
      // auditor of the fixtures' agencies, and one of the requester's own agency and country.
      const spec = [
        ...Object.values(USERS).map((x) => x.spec),
        { sub: 'u_admin', agency: 'EUROPOL', country: 'NL' },
        { sub: 'u_loader', agency: 'IT-PS', country: 'IT' },
      ].find((x) => x.sub === subject);
      const auditors = [await token({ sub: 'u_auditor', roles: ['admin'], agency: GOD.agency, country: GOD.country, clearance: 'SECRET' })];
      if (spec) auditors.push(await token({ sub: 'u_auditor_own', roles: ['admin'], agency: spec.agency, country: spec.country, clearance: 'SECRET' }));
      const bySeq = new Map<number, AuditRow & { redacted?: boolean }>();
      for (const auditor of auditors) {
        for (const e of await entriesAs(auditor, subject)) if (!bySeq.get(e.seq) || bySeq.get(e.seq)!.redacted) bySeq.set(e.seq, e);
      }
      return [...bySeq.values()].sort((x, y) => y.seq - x.seq);
    }
    async function entriesAs(auditor: string, subject: string): Promise<Array<AuditRow & { redacted?: boolean }>> {
      const out: Array<AuditRow & { redacted?: boolean }> = [];
      let after: string | null = null;
      for (;;) {
        const res: GqlResponse = await as(auditor)(
          `query auditPage($subject: String, $after: String) { auditLog(first: 500, subject: $subject, after: $after) { totalCount pageInfo { hasNextPage endCursor }
            edges { node { seq at subject agency country roles operationName operationType variables returnedIds changedIds outcome durationMs prevHash hash redacted } } } }`,
          { subject, after },
        );
        expect(res.errors).toBeUndefined();
        out.push(...res.data!.auditLog.edges.map((e: { node: AuditRow }) => e.node));
        if (!res.data!.auditLog.pageInfo.hasNextPage) break;
        after = res.data!.auditLog.pageInfo.endCursor;
      }
      return out;
    }

    it('records every request above: subject, agency, operation, outcome and the ids returned (never a hidden one)', async () => {
      expect(made.length).toBeGreaterThan(100);
      const bySubject = new Map<string, AuditRow[]>();
      for (const subject of new Set(made.map((m) => m.subject))) bySubject.set(subject, await entriesOf(subject));
      const missing: string[] = [];
      for (const m of made) {
        const entries = bySubject.get(m.subject)!.filter((e) => e.operationName === m.operationName && e.outcome === m.outcome);
        if (entries.length === 0) {
          missing.push(`${m.subject} ${m.operationName} ${m.outcome}`);
          continue;
        }
        for (const e of entries) expect(e.subject).toBe(m.subject);
        if (m.mustReturn) expect(entries.some((x) => m.mustReturn!.every((id) => x.returnedIds.includes(id)))).toBe(true);
      }
      expect(missing).toEqual([]);
      for (const u of USER_NAMES) {
        const entries = bySubject.get(u) ?? [];
        const spec = USERS[u].spec;
        for (const e of entries) {
          expect(e).toMatchObject({ subject: u, agency: spec.agency, country: spec.country, roles: spec.roles });
          // the audit trail records what was returned: never an id the user could not see
          const hidden = REPORT_ORDER.filter((r) => !USERS[u].sees.includes(r)).flatMap((r) => HIDDEN_IDS[r]);
          for (const id of hidden) expect(e.returnedIds).not.toContain(id);
        }
        const entityA = entries.find((e) => e.operationName === 'qEntityA');
        if (!entityA) continue; // (only when run with a -t filter)
        expect(entityA.operationType).toBe('query');
        expect(JSON.parse(entityA.variables)).toEqual({ id: A });
        expect(entityA.returnedIds).toEqual(expect.arrayContaining([A, B, G, OP1, PUB]));
      }
      const imports = (bySubject.get('u_loader') ?? []).filter((e) => e.operationName === 'loaderImport');
      expect(imports).toHaveLength(1);
      expect(imports[0].operationType).toBe('mutation');
      expect(imports[0].changedIds).toContain(ZETA);
      // the import document is summarised, not stored
      expect(JSON.parse(imports[0].variables)).toEqual({ r: { report: 'SECTEST-LOADER-0001', classification: 'UNCLASSIFIED', entities: 1, links: 0 } });
      const refused = (bySubject.get('u_it') ?? []).filter((e) => e.operationName === 'analystImport');
      expect(refused.map((e) => [e.operationType, e.outcome, e.changedIds])).toEqual([['mutation', 'error:FORBIDDEN', []]]);
    });

    it('filters by time window and pages without overlap', async () => {
      const all = await entriesOf('u_low');
      expect(all.length).toBeGreaterThan(50);
      const seqs = all.map((e) => e.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(seqs).toEqual([...seqs].sort((x, y) => y - x)); // newest first
      const future = await as(tokens.admin)('query auditFuture { auditLog(from: "2999-01-01T00:00:00Z") { totalCount } }');
      expect(future.data!.auditLog.totalCount).toBe(0);
    });

    let baseline: { intact: boolean; brokenAt: number | null };
    it('the hash chain of the untouched trail verifies (auditChain intact)', async () => {
      const chain = await as(tokens.admin)('query auditChainOk { auditChain { entries intact brokenAt } }');
      expect(chain.errors).toBeUndefined();
      baseline = { intact: chain.data!.auditChain.intact, brokenAt: chain.data!.auditChain.brokenAt };
      const total = await as(tokens.admin)('query auditTotal { auditLog(first: 0) { totalCount } }');
      expect(chain.data!.auditChain.entries).toBeGreaterThanOrEqual(made.length);
      expect(total.data!.auditLog.totalCount).toBeGreaterThanOrEqual(chain.data!.auditChain.entries);
      let detail = '';
      if (!baseline.intact) {
        // show the entry the verification trips on
        const rows = await server.db.read<Record<string, unknown>>(
          'MATCH (a:AuditEntry {seq: $seq}) RETURN a.seq AS seq, toString(a.at) AS at, a.operationName AS op',
          { seq: baseline.brokenAt },
        );
        detail = JSON.stringify(rows);
      }
      expect({ ...chain.data!.auditChain, detail }).toEqual({ entries: expect.any(Number), intact: true, brokenAt: null, detail: '' });
    });

    it('changing one field of the first entry is detected at seq 1; restoring it restores the earlier verdict', async () => {
      const [{ subject }] = await server.db.read<{ subject: string }>('MATCH (a:AuditEntry) WITH a ORDER BY a.seq LIMIT 1 RETURN a.subject AS subject');
      await server.db.write('MATCH (a:AuditEntry) WITH a ORDER BY a.seq LIMIT 1 SET a.subject = "mallory"');
      const broken = await as(tokens.admin)('query auditChainBroken { auditChain { entries intact brokenAt } }');
      expect(broken.errors).toBeUndefined();
      expect(broken.data!.auditChain).toMatchObject({ intact: false, brokenAt: 1 });
      await server.db.write('MATCH (a:AuditEntry) WITH a ORDER BY a.seq LIMIT 1 SET a.subject = $subject', { subject });
      const restored = await as(tokens.admin)('query auditChainRestored { auditChain { intact brokenAt } }');
      expect(restored.data!.auditChain).toEqual(baseline);
    });

    it('deleting an entry in the middle is detected where it was', async () => {
      const [{ seq }] = await server.db.read<{ seq: number }>('MATCH (a:AuditEntry) WITH max(a.seq) AS m RETURN toInteger(m / 2) AS seq');
      await server.db.write('MATCH (a:AuditEntry {seq: $seq}) DELETE a', { seq });
      const deleted = await as(tokens.admin)('query auditChainDeleted { auditChain { intact brokenAt } }');
      const expected = baseline.brokenAt !== null && baseline.brokenAt < seq ? baseline.brokenAt : seq;
      expect(deleted.data!.auditChain).toEqual({ intact: false, brokenAt: expected });
    });
  });
});
