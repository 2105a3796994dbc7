import { describe, expect, test } from 'vitest';
import { minimizeLbfgs } from './lbfgs';

describe('L-BFGS', () => {
  test('minimizes the Rosenbrock function', () => {
    const res = minimizeLbfgs(
      (x, g) => {
        const a = 1 - x[0], b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
      },
      [-1.2, 1],
      { maxIterations: 500, gradientTolerance: 1e-9, relativeTolerance: 0 },
    );
    expect(res.x[0]).toBeCloseTo(1, 5);
    expect(res.x[1]).toBeCloseTo(1, 5);
  });

  test('respects bounds and stops on the boundary when the minimum lies outside', () => {
    const res = minimizeLbfgs(
      (x, g) => {
        g[0] = 2 * (x[0] - 3);
        g[1] = 2 * (x[1] + 1);
        return (x[0] - 3) ** 2 + (x[1] + 1) ** 2;
      },
      [0.5, 0.5],
      { lower: [0, 0], upper: [1, 1] },
    );
    expect(res.x[0]).toBeCloseTo(1, 10);
    expect(res.x[1]).toBeCloseTo(0, 10);
    expect(res.converged).toBe(true);
  });

  test('backs off from infeasible points (non-finite values)', () => {
    const res = minimizeLbfgs(
      (x, g) => {
        if (x[0] <= 0) return Infinity;
        g[0] = 1 - 1 / x[0];
        return x[0] - Math.log(x[0]);
      },
      [5],
    );
    expect(res.x[0]).toBeCloseTo(1, 6);
  });
});
