import { CursorScope, openCursor, sealCursor } from '../../src/graphql/cursors';

/**
 * Issue 16 item 8: a sealed cursor is bound to the list that issued it and to the caller's
 * visibility class, and padded so that its length says nothing of the position it holds.
 */
const SECRET = 'unit-test-identity-secret-0123456789abcdef';
const isKeyset = (v: unknown): v is { sortKey: string; id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { sortKey?: unknown }).sortKey === 'string' && typeof (v as { id?: unknown }).id === 'string';

const secretEs = { clearance: 3, agency: 'ES-PN', country: 'ES' };
const persons = (auth = secretEs, filters: Record<string, unknown> = { nameClean: null, nationality: null }): CursorScope => ({
  list: 'persons',
  filters,
  auth,
});
const position = { sortKey: 'aaron secretname', id: 'person:abcdefghijklmnopqrst' };

const refused = (scope: CursorScope, cursor: string) => {
  try {
    openCursor(SECRET, scope, cursor, isKeyset);
  } catch (err) {
    return { code: (err as { code?: string }).code, problems: (err as { problems?: unknown }).problems };
  }
  return 'accepted';
};
const REFUSAL = { code: 'BAD_USER_INPUT', problems: [{ path: 'after', message: 'not a cursor returned by this API' }] };

describe('sealed cursors', () => {
  it('open for the same list, filters and visibility class (any caller of that class)', () => {
    const cursor = sealCursor(SECRET, persons(), position);
    expect(openCursor(SECRET, persons(), cursor, isKeyset)).toEqual(position);
    // another SECRET analyst of ES-PN in Spain: the same class, the same cursor
    expect(sealCursor(SECRET, persons({ clearance: 3, agency: 'es-pn', country: 'es' }), position)).toBe(cursor);
    // filters built in another key order bind the same
    const f = { nationality: 'ES', nameClean: 'brkic' };
    const g = { nameClean: 'brkic', nationality: 'ES' };
    expect(openCursor(SECRET, persons(secretEs, g), sealCursor(SECRET, persons(secretEs, f), position), isKeyset)).toEqual(position);
  });

  it('are refused by another visibility class: lower clearance, other agency, other country', () => {
    const cursor = sealCursor(SECRET, persons(), position);
    for (const auth of [
      { clearance: 1, agency: 'ES-PN', country: 'ES' },
      { clearance: 3, agency: 'ES-GC', country: 'ES' },
      { clearance: 3, agency: 'ES-PN', country: 'PT' },
    ]) {
      expect({ auth, answer: refused(persons(auth), cursor) }).toEqual({ auth, answer: REFUSAL });
    }
  });

  it('are refused by another list or other filters', () => {
    const cursor = sealCursor(SECRET, persons(), position);
    expect(refused({ list: 'operations', filters: { nameClean: null, nationality: null }, auth: secretEs }, cursor)).toEqual(REFUSAL);
    expect(refused({ list: 'seizures', filters: { nameClean: null, nationality: null }, auth: secretEs }, cursor)).toEqual(REFUSAL);
    expect(refused(persons(secretEs, { nameClean: null, nationality: 'ES' }), cursor)).toEqual(REFUSAL);
  });

  it('all have one length, whatever the name, id or list', () => {
    const cursors = [
      sealCursor(SECRET, persons(), { sortKey: 'a', id: 'person:a' }),
      sealCursor(SECRET, persons(), { sortKey: 'al bo', id: 'person:abcdefghijklmnopqrst' }),
      sealCursor(SECRET, persons(), { sortKey: 'x'.repeat(300), id: 'ES-PN:' + 'y'.repeat(190) }),
      sealCursor(SECRET, { list: 'reports', filters: { agency: null }, auth: secretEs }, { date: '2024-01-01', id: 'R-1' }),
      sealCursor(SECRET, { list: 'search', filters: { text: 'brkic', types: [] }, auth: secretEs }, { offset: 3 }),
      sealCursor(SECRET, { list: 'search', filters: { text: 'brkic', types: [] }, auth: secretEs }, { offset: 123456 }),
    ];
    expect(new Set(cursors.map((c) => c.length)).size).toBe(1);
    // and nothing readable in them
    for (const c of cursors) expect(Buffer.from(c, 'base64url').toString('latin1')).not.toMatch(/aaron|brkic|person:|offset|sortKey/i);
  });

  it('a tampered or truncated cursor is refused', () => {
    const cursor = sealCursor(SECRET, persons(), position);
    const raw = Buffer.from(cursor, 'base64url');
    raw[40] ^= 1;
    expect(refused(persons(), raw.toString('base64url'))).toEqual(REFUSAL);
    expect(refused(persons(), cursor.slice(0, -10))).toEqual(REFUSAL);
    expect(refused(persons(), Buffer.from(JSON.stringify(position)).toString('base64url'))).toEqual(REFUSAL);
  });
});
