/**
 * npm run bench:names — precision, recall and F1 of scorePair (src/resolution) on
 * - the OpenSanctions name benchmark (data/resolution/opensanctions-name-bench/cases.csv, Person rows, names only);
 * - our Western Balkan set (data/resolution/balkan-pairs.csv), tuning half and held-out half apart.
 * A match is read two ways: SAME or POSSIBLE (what reaches a person: joined or queued for review) and SAME only.
 */
import { join } from 'node:path';
import { evaluate, type Evaluation } from '../src/resolution/evaluate';
import { loadBalkanPairs, loadNameBenchPersonPairs } from '../src/resolution/balkan-set';

const root = join(__dirname, '..', '..');
const pct = (x: number): string => x.toFixed(3);

function line(label: string, e: Evaluation): string {
  const a = e.samePossible;
  const s = e.sameOnly;
  return (
    `${label.padEnd(34)} pairs ${String(a.pairs).padStart(4)} | SAME|POSSIBLE P ${pct(a.precision)} R ${pct(a.recall)} F1 ${pct(a.f1)}` +
    ` (tp ${a.tp} fp ${a.fp} fn ${a.fn}) | SAME only P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} | wrong SAME ${e.wrongSame}` +
    ` | blocking misses ${e.blockingMisses}`
  );
}

function main(): void {
  const verbose = process.argv.includes('--verbose');
  const started = process.hrtime.bigint();
  const os = loadNameBenchPersonPairs(join(root, 'data/resolution/opensanctions-name-bench/cases.csv'));
  const osEval = evaluate(os, true);
  console.log(line('OpenSanctions name_bench, Person', osEval));
  const balkan = loadBalkanPairs(join(root, 'data/resolution/balkan-pairs.csv'));
  for (const split of ['tune', 'holdout'])
    console.log(
      line(
        `Western Balkan set, ${split}`,
        evaluate(
          balkan.filter((p) => p.split === split),
          true,
        ),
      ),
    );
  const all = evaluate(balkan, true);
  console.log(line('Western Balkan set, all', all));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const n = os.length + balkan.length * 2;
  console.log(`${n} pair scorings in ${ms.toFixed(0)} ms (${((ms * 1000) / n).toFixed(0)} µs a pair, blocking keys included)`);
  if (verbose) {
    // the held-out half is never printed: errors are read on the tuning half only
    for (const e of [osEval, all])
      for (const { pair, result } of e.results) {
        if (pair.split === 'holdout') continue;
        const predicted = result.decision !== 'DIFFERENT';
        if (predicted !== pair.same || (!pair.same && result.decision === 'SAME'))
          console.log(
            `${pair.same ? 'FN' : 'FP'} ${result.decision} ${result.score.toFixed(3)} ${pair.id} ${pair.left.name} | ${pair.right.name} :: ${result.reasons.join('; ')}`,
          );
      }
  }
}

main();
