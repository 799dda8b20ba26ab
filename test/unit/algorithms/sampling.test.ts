import { resolveSampleSize, samplePivots } from '../../../src/analysis/algorithms';

describe('pivot sampling', () => {
  it('draws k distinct pivots in range, the same for the same seed', () => {
    const pivots = samplePivots(100, 30, 5);
    expect(pivots).toHaveLength(30);
    expect(new Set(pivots).size).toBe(30);
    expect(Array.from(pivots).every((p) => p >= 0 && p < 100)).toBe(true);
    expect(samplePivots(100, 30, 5)).toEqual(pivots);
    expect(samplePivots(100, 30, 6)).not.toEqual(pivots);
    expect(Array.from(samplePivots(4, 4, 1)).sort()).toEqual([0, 1, 2, 3]);
  });

  it('sampleSize: none or >= n means exact; below 1 or not finite is refused', () => {
    expect(resolveSampleSize(undefined, 10)).toBeNull();
    expect(resolveSampleSize({ sampleSize: 10 }, 10)).toBeNull();
    expect(resolveSampleSize({ sampleSize: 3.7 }, 10)).toBe(3);
    expect(() => resolveSampleSize({ sampleSize: 0 }, 10)).toThrow(RangeError);
    expect(() => resolveSampleSize({ sampleSize: NaN }, 10)).toThrow(RangeError);
  });
});
