/** One-mode projection of a two-mode (person–event) network. */
import { AnalysisGraph } from './csr';

/**
 * Co-attendance projection of a two-mode network: persons linked when they attended a common
 * event, weight = number of common events (repeated attendance records count once).
 */
export function coAttendanceProjection(persons: string[], attendance: Array<{ person: string; event: string }>): AnalysisGraph {
  const indexOf = new Map<string, number>();
  const nodes: string[] = [];
  for (const p of persons) {
    if (!indexOf.has(p)) {
      indexOf.set(p, nodes.length);
      nodes.push(p);
    }
  }
  const n = nodes.length;
  const attendees = new Map<string, Set<number>>();
  for (const { person, event } of attendance) {
    const i = indexOf.get(person);
    if (i === undefined) throw new Error(`attendance references unknown person ${JSON.stringify(person)}`);
    let set = attendees.get(event);
    if (!set) {
      set = new Set<number>();
      attendees.set(event, set);
    }
    set.add(i);
  }
  const weights = new Map<number, number>();
  for (const set of attendees.values()) {
    const list = Int32Array.from(set).sort();
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = list[x] * n + list[y];
        weights.set(key, (weights.get(key) ?? 0) + 1);
      }
    }
  }
  const keys = Array.from(weights.keys()).sort((p, q) => p - q);
  const edges = keys.map((key) => ({
    source: nodes[Math.floor(key / n)],
    target: nodes[key % n],
    weight: weights.get(key) ?? 0,
  }));
  return { nodes, edges };
}
