/** Measuring scorePair on labelled pairs: precision, recall and F1 for a chosen reading of "match". */
import { blockingKeys } from './blocking';
import { scorePair, type MatchDecision, type MatchRecord, type MatchResult } from './score';

export interface LabelledPair {
  readonly id: string;
  readonly left: MatchRecord;
  readonly right: MatchRecord;
  readonly same: boolean;
  readonly category?: string;
  readonly split?: string;
}

export interface Measure {
  readonly pairs: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly tn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Evaluation {
  /** a match is SAME or POSSIBLE */
  readonly samePossible: Measure;
  /** a match is SAME only */
  readonly sameOnly: Measure;
  /** pairs decided SAME that are two people */
  readonly wrongSame: number;
  /** pairs of one person that share no blocking key */
  readonly blockingMisses: number;
  readonly results: ReadonlyArray<{ pair: LabelledPair; result: MatchResult }>;
}

function measure(rows: ReadonlyArray<{ same: boolean; predicted: boolean }>): Measure {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const r of rows) {
    if (r.same && r.predicted) tp++;
    else if (!r.same && r.predicted) fp++;
    else if (r.same) fn++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { pairs: rows.length, tp, fp, fn, tn, precision, recall, f1 };
}

const isMatch = (d: MatchDecision): boolean => d === 'SAME' || d === 'POSSIBLE';

/** Scores every pair and measures both readings; also counts true pairs the blocking keys would not propose. */
export function evaluate(pairs: readonly LabelledPair[], withBlocking = false): Evaluation {
  const results = pairs.map((pair) => ({ pair, result: scorePair(pair.left, pair.right) }));
  let blockingMisses = 0;
  if (withBlocking) {
    for (const { pair } of results) {
      if (!pair.same) continue;
      const keys = new Set(blockingKeys(pair.left));
      if (!blockingKeys(pair.right).some((k) => keys.has(k))) blockingMisses++;
    }
  }
  return {
    samePossible: measure(results.map((r) => ({ same: r.pair.same, predicted: isMatch(r.result.decision) }))),
    sameOnly: measure(results.map((r) => ({ same: r.pair.same, predicted: r.result.decision === 'SAME' }))),
    wrongSame: results.filter((r) => !r.pair.same && r.result.decision === 'SAME').length,
    blockingMisses,
    results,
  };
}
