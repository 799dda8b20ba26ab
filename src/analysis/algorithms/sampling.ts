/** Pivot sampling shared by the approximate betweenness and closeness (Brandes–Pich). */
import { mulberry32 } from './prng';

export interface SamplingOptions {
  /** Number of pivot sources; when set and smaller than n, an approximation is computed. */
  sampleSize?: number;
  /** Seed of the PRNG choosing the pivots (default DEFAULT_SEED). */
  seed?: number;
}

/** k distinct pivots out of n by a partial Fisher-Yates shuffle. */
export function samplePivots(n: number, k: number, seed: number): Int32Array {
  const rng = mulberry32(seed);
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, k);
}

/** Number of pivots to sample, or null for the exact computation. */
export function resolveSampleSize(opts: SamplingOptions | undefined, n: number): number | null {
  const k = opts?.sampleSize;
  if (k === undefined) return null;
  if (!Number.isFinite(k) || k < 1) throw new RangeError(`sampleSize must be a positive integer, got ${k}`);
  const kk = Math.floor(k);
  return kk >= n ? null : kk;
}
