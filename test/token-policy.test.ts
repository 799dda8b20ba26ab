import { SignJWT } from 'jose';
import { releasableKind, releasableToCaller } from '../src/auth/markings';
import { TokenVerifier } from '../src/auth/tokens';
import { ReportImporter } from '../src/import/importer';
import { BadInputError } from '../src/errors';
import { allTypesReport } from './support/fixtures';
import { connect, testConfig, testJwtSecret } from './support/harness';

/** Issue 9 item 10: token lifetimes and claims, and one unambiguous releasability convention. */

const key = new TextEncoder().encode(testJwtSecret());
const now = () => Math.floor(Date.now() / 1000);
const CLAIMS = { roles: ['analyst'], agency: 'IT-PS', country: 'IT', clearance: 'RESTRICTED' };

async function sign(claims: Record<string, unknown>, times: { iat?: number | null; exp?: number | null }): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('policy-user');
  if (times.iat !== null) jwt.setIssuedAt(times.iat ?? now());
  if (times.exp !== null && times.exp !== undefined) jwt.setExpirationTime(times.exp);
  return jwt.sign(key);
}

describe('token policy', () => {
  const verifier = new TokenVerifier(testConfig().auth);
  const outcome = async (token: string) =>
    verifier.verify(`Bearer ${token}`).then(
      (p) => `ok:${p.agency}/${p.country}`,
      (err: Error) => err.message,
    );

  it('accepts a well-formed 12-hour token', async () => {
    expect(await outcome(await sign(CLAIMS, { exp: now() + 12 * 3600 }))).toBe('ok:IT-PS/IT');
  });

  it('requires exp, refuses lifetimes over MAX_TOKEN_TTL and iat in the future', async () => {
    expect(await outcome(await sign(CLAIMS, { exp: null }))).toMatch(/invalid or expired|no expiry/);
    expect(await outcome(await sign(CLAIMS, { exp: Date.UTC(3000, 0, 1) / 1000 }))).toMatch(/longer than the allowed 43200 s/);
    expect(await outcome(await sign(CLAIMS, { iat: null, exp: now() + 13 * 3600 }))).toMatch(/longer than the allowed/);
    expect(await outcome(await sign(CLAIMS, { iat: now() + 10 * 365 * 86400, exp: now() + 10 * 365 * 86400 + 3600 }))).toMatch(/issued in the future/);
    // within the clock skew is fine
    expect(await outcome(await sign(CLAIMS, { iat: now() + 30, exp: now() + 3600 }))).toBe('ok:IT-PS/IT');
    const shortTtl = new TokenVerifier(testConfig({ MAX_TOKEN_TTL: '1h' }).auth);
    await expect(shortTtl.verify(`Bearer ${await sign(CLAIMS, { exp: now() + 2 * 3600 })}`)).rejects.toThrow(/3600 s/);
  });

  it('validates the claims: ISO country, clearance enum, agency pattern', async () => {
    const exp = now() + 3600;
    expect(await outcome(await sign({ ...CLAIMS, country: 'ZZ' }, { exp }))).toMatch(/country claim/);
    expect(await outcome(await sign({ ...CLAIMS, country: 'ITA' }, { exp }))).toMatch(/country claim/);
    expect(await outcome(await sign({ ...CLAIMS, clearance: 'TOP_SECRET' }, { exp }))).toMatch(/required claims/);
    // an agency of two letters would collide with a country in releasableTo
    expect(await outcome(await sign({ ...CLAIMS, agency: 'IT', country: 'ES' }, { exp }))).toMatch(/agency claim/);
    expect(await outcome(await sign({ ...CLAIMS, agency: 'IT PS' }, { exp }))).toMatch(/agency claim/);
    expect(await outcome(await sign({ ...CLAIMS, agency: 'es-pn', country: 'es' }, { exp }))).toBe('ok:ES-PN/ES');
  });

  it('releasableTo: two letters are countries, longer codes agencies, never one for the other', () => {
    expect(['IT', 'XK', 'EUROPOL', 'ES-PN', 'ZZ', 'X', 'IT PS'].map((x) => releasableKind(x))).toEqual([
      'country',
      'country',
      'agency',
      'agency',
      { problem: expect.stringMatching(/not one/) },
      { problem: expect.stringMatching(/neither/) },
      { problem: expect.stringMatching(/neither/) },
    ]);
    expect(releasableToCaller(['IT'], { agency: 'IT-PS', country: 'ES' })).toBe(false);
    expect(releasableToCaller(['IT'], { agency: 'EUROPOL', country: 'IT' })).toBe(true);
    expect(releasableToCaller(['ES-PN'], { agency: 'ES-PN', country: 'NL' })).toBe(true);
    expect(releasableToCaller(['ES-PN'], { agency: 'ES-GC', country: 'ES' })).toBe(false);
    expect(releasableToCaller([], { agency: 'ES-GC', country: 'ES' })).toBe(true);
  });

  it('an import with releasableTo entries outside the convention is refused with their paths, and the visibility rule applies it', async () => {
    const db = await connect();
    try {
      const doc = allTypesReport({ id: 'TEST-RELEASE-1', releasableTo: ['ZZ', 'X', 'EUROPOL', 'IT'] });
      const err = await new ReportImporter(db).import(doc, 'test').catch((e: BadInputError) => e);
      expect(err).toBeInstanceOf(BadInputError);
      expect((err as BadInputError).problems.map((p) => p.path)).toEqual(['report.releasableTo[0]', 'report.releasableTo[1]']);
      const agency = await new ReportImporter(db).import({ ...doc, report: { ...doc.report, agency: 'ES' } }, 'test').catch((e: BadInputError) => e);
      expect((agency as BadInputError).problems.map((p) => p.path)).toContain('report.agency');

      // The Cypher prelude: a two-letter entry matches only the caller's country, a longer one only the agency.
      await db.write(`MERGE (m:Marking {key: 'test-release-raw'}) SET m.level = 0, m.releasableTo = ['IT', 'ES-PN']`);
      const { cypher } = await import('../src/db/cypher');
      const visibleTo = async (agency: string, country: string) => {
        const [row] = await db.read<{ visible: string[] }>(`${cypher('visible-markings')} RETURN visible`, {
          auth: { clearance: 3, principals: [agency, country], agency, country },
        });
        return row.visible.includes('test-release-raw');
      };
      expect(await visibleTo('EUROPOL', 'IT')).toBe(true);
      expect(await visibleTo('ES-PN', 'NL')).toBe(true);
      expect(await visibleTo('IT-PS', 'ES')).toBe(false);
      // "IT" as an agency name never matches a country entry (and tokens cannot carry it anyway)
      expect(await visibleTo('IT', 'ES')).toBe(false);
      await db.write(`MATCH (m:Marking {key: 'test-release-raw'}) DELETE m`);
    } finally {
      await db.close();
    }
  });
});
