/** Standard test functions for samplers, with their known optima (used by tests and benchmarks). */
import type { SearchSpace } from '../space';

export interface TestObjective {
  space: SearchSpace;
  f(params: Record<string, unknown>): number;
  /** The global minimum's value. */
  optimum: number;
}

/** Branin-Hoo on [-5, 10] x [0, 15]; three global minima of 0.397887. */
export const branin: TestObjective = {
  space: { x1: { type: 'float', low: -5, high: 10 }, x2: { type: 'float', low: 0, high: 15 } },
  f(p) {
    const x1 = p.x1 as number, x2 = p.x2 as number;
    const b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
  },
  optimum: 0.39788735772973816,
};

/** (x - 0.3)^2 on [-2, 2]. */
export const quadratic1d: TestObjective = {
  space: { x: { type: 'float', low: -2, high: 2 } },
  f: (p) => ((p.x as number) - 0.3) ** 2,
  optimum: 0,
};
