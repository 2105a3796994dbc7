import { describe, expect, test } from 'vitest';
import { createRng } from '../../rng';
import { sobolPoints } from './sobol';

/** Counts of points per cell of a (2^a x 2^b) grid over dims (i, j). */
function cellCounts(pts: Float64Array, dims: number, i: number, j: number, a: number, b: number): number[] {
  const counts = Array.from({ length: 2 ** (a + b) }, () => 0);
  for (let p = 0; p < pts.length / dims; p++) {
    const ci = Math.floor(pts[p * dims + i] * 2 ** a), cj = Math.floor(pts[p * dims + j] * 2 ** b);
    counts[ci * 2 ** b + cj]++;
  }
  return counts;
}

describe('Sobol points', () => {
  test('the unscrambled sequence starts with the textbook points', () => {
    const p = sobolPoints(4, 3);
    expect(Array.from(p)).toEqual([0, 0, 0, 0.5, 0.5, 0.5, 0.75, 0.25, 0.25, 0.25, 0.75, 0.75]);
  });

  test('each 1-D projection of 2^m points hits every interval of width 2^-m once', () => {
    for (const rng of [undefined, createRng(3)]) {
      const dims = 12;
      const pts = sobolPoints(64, dims, rng);
      for (let d = 0; d < dims; d++) {
        const cells = new Set<number>();
        for (let p = 0; p < 64; p++) cells.add(Math.floor(pts[p * dims + d] * 64));
        expect(cells.size).toBe(64);
      }
    }
  });

  test('2-D projections of the first dims are (0, m, 2)-nets: every elementary box holds one point', () => {
    const pts = sobolPoints(256, 3, createRng(9));
    for (const [a, b] of [[4, 4], [2, 6], [8, 0], [1, 7]]) expect(cellCounts(pts, 3, 0, 1, a, b).every((c) => c === 1)).toBe(true);
  });

  test('scrambling depends on the seed and stays in [0, 1)', () => {
    const a = sobolPoints(32, 5, createRng(1)), b = sobolPoints(32, 5, createRng(2));
    expect(Array.from(a)).not.toEqual(Array.from(b));
    expect(Array.from(a)).toEqual(Array.from(sobolPoints(32, 5, createRng(1))));
    for (const v of a) expect(v >= 0 && v < 1).toBe(true);
  });

  test('more dims than the table still gives numbers in [0, 1)', () => {
    const pts = sobolPoints(8, 40, createRng(1));
    for (const v of pts) expect(v >= 0 && v < 1).toBe(true);
  });
});
