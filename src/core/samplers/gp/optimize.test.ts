import { describe, expect, test } from 'vitest';
import { createRng } from '../../rng';
import { maximizeAcquisition, snapToBox, type AcquisitionProblem, type SearchDim } from './optimize';

/** A problem from a value function and its gradient. */
function problem(dims: SearchDim[], f: (x: Float64Array, g: Float64Array) => number, extra: Partial<AcquisitionProblem> = {}): AcquisitionProblem {
  const scratch = new Float64Array(dims.length);
  return { dims, value: (x) => f(x, scratch), valueAndGradient: f, ...extra };
}

const continuous = (n: number): SearchDim[] => Array.from({ length: n }, () => ({ kind: 'continuous' as const }));

describe('acquisition optimizer', () => {
  test('finds the maximum of a smooth bump in the cube to high precision', () => {
    const c = [0.31, 0.77, 0.52, 0.08];
    const f = (x: Float64Array, g: Float64Array): number => {
      let s = 0;
      for (let d = 0; d < 4; d++) s += ((x[d] - c[d]) / 0.3) ** 2;
      const v = Math.exp(-s);
      for (let d = 0; d < 4; d++) g[d] = (-2 * (x[d] - c[d])) / 0.09 * v;
      return v;
    };
    const res = maximizeAcquisition(problem(continuous(4), f), createRng(1))!;
    for (let d = 0; d < 4; d++) expect(res.x[d]).toBeCloseTo(c[d], 5);
    expect(res.value).toBeCloseTo(1, 10);
  });

  test('finds a narrow global peak next to a broad local one', () => {
    const a = [0.2, 0.3], b = [0.81, 0.64];
    const f = (x: Float64Array, g: Float64Array): number => {
      const da = (x[0] - a[0]) ** 2 + (x[1] - a[1]) ** 2, db = (x[0] - b[0]) ** 2 + (x[1] - b[1]) ** 2;
      const va = 0.5 * Math.exp(-da / 0.1), vb = Math.exp(-db / 0.003);
      for (let d = 0; d < 2; d++) g[d] = (-2 * (x[d] - a[d]) / 0.1) * va + (-2 * (x[d] - b[d]) / 0.003) * vb;
      return va + vb;
    };
    const res = maximizeAcquisition(problem(continuous(2), f), createRng(2))!;
    // (the broad bump's tail moves the true maximum a hair away from b)
    expect(res.x[0]).toBeCloseTo(b[0], 3);
    expect(res.x[1]).toBeCloseTo(b[1], 3);
    expect(res.value).toBeGreaterThanOrEqual(f(new Float64Array(b), new Float64Array(2)));
  });

  test('stops on the boundary when the maximum lies outside the cube', () => {
    const f = (x: Float64Array, g: Float64Array): number => {
      g[0] = 1;
      g[1] = -1;
      return x[0] - x[1];
    };
    const res = maximizeAcquisition(problem(continuous(2), f), createRng(3))!;
    expect(Array.from(res.x)).toEqual([1, 0]);
  });

  test('mixed box: continuous optimum, nearest grid value, best choice', () => {
    const dims: SearchDim[] = [
      { kind: 'continuous' },
      { kind: 'discrete', values: new Float64Array([0, 0.25, 0.5, 0.75, 1]) },
      { kind: 'categorical', levels: 4 },
    ];
    const bonus = [0, 0.3, 1, 0.2];
    const f = (x: Float64Array, g: Float64Array): number => {
      g[0] = -2 * (x[0] - 0.4);
      return -((x[0] - 0.4) ** 2) - (x[1] - 0.62) ** 2 + bonus[x[2]];
    };
    const res = maximizeAcquisition(problem(dims, f), createRng(4))!;
    expect(res.x[0]).toBeCloseTo(0.4, 6);
    expect(res.x[1]).toBe(0.5);
    expect(res.x[2]).toBe(2);
  });

  test('a small discrete box is searched exhaustively, skipping excluded points', () => {
    const dims: SearchDim[] = [
      { kind: 'discrete', values: new Float64Array([0.1, 0.5, 0.9]) },
      { kind: 'categorical', levels: 3 },
    ];
    let calls = 0;
    const f = (x: Float64Array): number => {
      calls++;
      return x[0] + x[1];
    };
    const best = [0.9, 2];
    const excluded = (x: Float64Array): boolean => x[0] === best[0] && x[1] === best[1];
    const res = maximizeAcquisition(problem(dims, f, { excluded }), createRng(5))!;
    expect(calls).toBe(8);
    expect(Array.from(res.x)).toEqual([0.5, 2]);
    expect(maximizeAcquisition(problem(dims, f, { excluded: () => true }), createRng(5))).toBeNull();
  });

  test('snapToBox puts coordinates on allowed values', () => {
    const dims: SearchDim[] = [{ kind: 'continuous' }, { kind: 'discrete', values: new Float64Array([0.1, 0.5, 0.9]) }, { kind: 'categorical', levels: 3 }];
    expect(Array.from(snapToBox(dims, new Float64Array([1.3, 0.68, 2.7])))).toEqual([1, 0.5, 2]);
    expect(Array.from(snapToBox(dims, new Float64Array([-0.2, 0.71, -1])))).toEqual([0, 0.9, 0]);
  });
});
