import { mulberry32 } from '../src/analysis/algorithms';

/**
 * The benchmarks' synthetic network: a ring, second neighbours and random long-range ties (about
 * 2.5 `ASSOCIATE_OF` links per person), split into `reports` reports with loader ids `bench:p<i>`.
 */
export function syntheticReports(persons: number, reports: number) {
  const rnd = mulberry32(1);
  const perReport = Math.ceil(persons / reports);
  const docs = [];
  for (let r = 0; r < reports; r++) {
    const lo = r * perReport;
    const hi = Math.min(persons, lo + perReport);
    const refs = new Map<number, string>();
    const entities: Array<Record<string, unknown>> = [];
    const ref = (i: number) => {
      let x = refs.get(i);
      if (!x) {
        x = `p${i}`;
        refs.set(i, x);
        entities.push({
          ref: x,
          type: 'Person',
          id: `bench:p${i}`,
          name: `Bench Person ${i}`,
          nationalities: [['RS', 'ME', 'AL', 'BA', 'MK', 'HR', 'IT', 'DE'][i % 8]],
        });
      }
      return x;
    };
    const links: Array<Record<string, unknown>> = [];
    const seen = new Set<string>();
    const add = (a: number, b: number, extra: Record<string, unknown>) => {
      const key = [a, b].sort().join('|');
      if (a === b || seen.has(key)) return;
      seen.add(key);
      links.push({ type: 'ASSOCIATE_OF', from: ref(a), to: ref(b), ...extra });
    };
    for (let i = lo; i < hi; i++) {
      ref(i);
      add(i, (i + 1) % persons, { weight: 1 + (i % 3) });
      add(i, (i + 2) % persons, { weight: 1 });
      if (rnd() < 0.5) add(i, Math.floor(rnd() * persons), { kind: 'COMMUNICATION' });
    }
    docs.push({
      report: { id: `BENCH-${r}`, title: `Benchmark report ${r}`, date: '2024-01-01', agency: 'BENCH', classification: 'RESTRICTED' },
      entities,
      links,
    });
  }
  return docs;
}
