import { mulberry32 } from '../src/analysis/algorithms/prng';

/**
 * A synthetic small-world network of `persons` persons: a ring (each person tied to the next) plus
 * one random long-range tie each, as ASSOCIATE_OF links, deterministic per seed. Split into
 * `reports` report documents `<reportPrefix>-<k>` (a person referenced by several reports is one
 * node: ids are given, `<idPrefix>:p<i>`).
 */
export function syntheticNetworkReports(
  persons: number,
  options: { reports?: number; seed?: number; agency?: string; idPrefix?: string; reportPrefix?: string } = {},
) {
  const rnd = mulberry32(options.seed ?? 1);
  const idPrefix = options.idPrefix ?? 'synthetic';
  const reports = options.reports ?? 1;
  const perReport = Math.ceil(persons / reports);
  const seen = new Set<string>();
  return Array.from({ length: reports }, (_, r) => {
    const entities = new Map<number, { ref: string; type: 'Person'; id: string; name: string }>();
    const ref = (i: number) => {
      if (!entities.has(i)) entities.set(i, { ref: `p${i}`, type: 'Person', id: `${idPrefix}:p${i}`, name: `Synthetic Person ${i}` });
      return `p${i}`;
    };
    const links: Array<{ type: 'ASSOCIATE_OF'; from: string; to: string }> = [];
    const tie = (a: number, b: number) => {
      const key = a < b ? `${a}|${b}` : `${b}|${a}`;
      if (a === b || seen.has(key)) return;
      seen.add(key);
      links.push({ type: 'ASSOCIATE_OF', from: ref(a), to: ref(b) });
    };
    for (let i = r * perReport; i < Math.min(persons, (r + 1) * perReport); i++) {
      ref(i);
      tie(i, (i + 1) % persons);
      tie(i, Math.floor(rnd() * persons));
    }
    const id = `${options.reportPrefix ?? 'SYNTHETIC'}-${r}`;
    return {
      report: { id, title: `Synthetic network, part ${r}`, date: '2024-01-01', agency: options.agency ?? 'EUROPOL', classification: 'RESTRICTED' },
      entities: [...entities.values()],
      links,
    };
  });
}
