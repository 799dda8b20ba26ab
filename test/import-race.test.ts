import { Database } from '../src/db/database';
import { ReportImporter } from '../src/import/importer';
import { connect, resetDatabase } from './support/harness';

/**
 * Issue 16, item 1: an acknowledged import never loses its facts. Report X alone states some
 * persons; X is retracted (or revised so that it no longer states them) at the same moment as
 * report Y of another agency imports the same persons. Whatever the interleaving, an import that
 * answers ok has every statement and link it planned in the database, on anchors that exist, and
 * the retraction or revision has done exactly its own work. Checked with the raw driver, against
 * what each document states, over hundreds of rounds.
 */

const ROUNDS = Number(process.env.RACE_ROUNDS ?? 300);
const PERSONS = 4;
const LANES = 4;

function person(round: number, i: number) {
  return { ref: `p${i}`, type: 'Person', name: `Racer ${round} Number ${i}`, birthDate: '1980-01-0' + (1 + (i % 9)), nationalities: ['RS'] };
}

function report(id: string, agency: string, entities: Array<Record<string, unknown>>, links: Array<Record<string, unknown>>) {
  return {
    report: { id, title: 'race', date: '2024-02-02', agency, classification: 'RESTRICTED', releasableTo: [], sourceReliability: 'B', informationAccuracy: 2 },
    entities,
    links,
  };
}

/** A chain of ASSOCIATE_OF links through the persons of a document. */
function chain(count: number) {
  return Array.from({ length: count - 1 }, (_, i) => ({ type: 'ASSOCIATE_OF', from: `p${i}`, to: `p${i + 1}`, kind: 'CRIMINAL', weight: 1 }));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an acknowledged import keeps its facts when a retraction or revision races it', () => {
  let db: Database;
  let importer: ReportImporter;

  beforeAll(async () => {
    db = await connect();
    await resetDatabase(db);
    importer = new ReportImporter(db);
  });
  afterAll(() => db.close());

  it(`${ROUNDS} rounds of imports against retractions and revisions of the same persons: nothing acknowledged is missing`, async () => {
    const missing: string[] = [];
    let acknowledged = 0;
    let done = 0;
    const refusals = new Map<string, number>();

    async function round(n: number): Promise<void> {
      const persons = Array.from({ length: PERSONS }, (_, i) => person(n, i));
      const x = report(`RACE-X-${n}`, 'AG-XX', persons, chain(PERSONS));
      await importer.import(x);
      const y = report(`RACE-Y-${n}`, 'AG-YY', persons, chain(PERSONS));
      const revise = n % 2 === 1;
      const loner = { ref: 'q', type: 'Person', name: `Loner ${n}`, nationalities: ['HR'] };
      const delay = n % 5;
      const [yOutcome, otherOutcome] = await Promise.allSettled([
        pause(delay % 3).then(() => importer.import(y)),
        pause(delay === 4 ? 1 : 0).then((): Promise<unknown> =>
          revise ? importer.import(report(x.report.id, 'AG-XX', [loner], [])) : importer.retract(x.report.id),
        ),
      ]);
      done += 1;
      if (otherOutcome.status === 'rejected') throw otherOutcome.reason;
      if (yOutcome.status === 'rejected') {
        // not acknowledged: nothing to keep (but say why, should too many be refused)
        const reason = String((yOutcome.reason as Error)?.message ?? yOutcome.reason).slice(0, 160);
        refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
        return;
      }
      acknowledged += 1;
      const outcome = yOutcome.value;
      const ids = outcome.entities.map((e) => e.id);
      const [stored] = await db.read<{ states: string[]; links: number; anchors: number }>(
        `MATCH (rep:Report {id: $y})
         RETURN COLLECT { MATCH (rep)-[:STATES]->(n:Entity) RETURN n.id } AS states,
                COUNT { MATCH (:Entity)-[l:ASSOCIATE_OF]->(:Entity) WHERE l.report = $y } AS links,
                COUNT { MATCH (n:Entity) WHERE n.id IN $ids } AS anchors`,
        { y: y.report.id, ids },
      );
      const problems = [];
      if (!stored) problems.push('no report node');
      else {
        if ([...stored.states].sort().join() !== [...ids].sort().join()) problems.push(`states ${stored.states.length} of ${ids.length}`);
        if (stored.links !== PERSONS - 1) problems.push(`links ${stored.links} of ${PERSONS - 1}`);
        if (stored.anchors !== PERSONS) problems.push(`anchors ${stored.anchors} of ${PERSONS}`);
      }
      // the other side did its own work, and only that
      const [xs] = await db.read<{ report: number; states: string[] }>(
        `OPTIONAL MATCH (rep:Report {id: $x})
         RETURN count(rep) AS report, COLLECT { MATCH (:Report {id: $x})-[:STATES]->(n:Entity) RETURN n.id } AS states`,
        { x: x.report.id },
      );
      if (revise ? xs.report !== 1 || xs.states.length !== 1 : xs.report !== 0 || xs.states.length !== 0) problems.push(`report X: ${JSON.stringify(xs)}`);
      if (problems.length > 0) missing.push(`round ${n} (${revise ? 'revision' : 'retraction'}): ${problems.join(', ')}`);
    }

    // LANES rounds at a time (each round its own persons), so that hundreds of rounds stay fast
    let next = 0;
    await Promise.all(
      Array.from({ length: LANES }, async () => {
        while (next < ROUNDS && missing.length === 0) await round(next++);
      }),
    );
    expect(missing).toEqual([]);
    expect(done).toBe(ROUNDS);
    // the harness tested something: most imports were acknowledged
    expect({ acknowledged: acknowledged > ROUNDS * 0.9, refusals: Object.fromEntries(refusals) }).toEqual({ acknowledged: true, refusals: {} });
  }, 240000);
});
