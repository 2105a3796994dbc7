/** Cheap objectives for comparing tuning methods without training networks: a class sees 100 trials in seconds. */
import type { SearchSpace } from '../core';

export interface SyntheticObjective {
  id: string;
  name: string;
  description: string;
  space: SearchSpace;
  /** Always minimized. */
  f(p: Record<string, number | string | boolean>): number;
  optimum: number;
}

export const syntheticObjectives: readonly SyntheticObjective[] = [
  {
    id: 'branin',
    name: 'Branin (2-D)',
    description: 'A classic 2-D test surface with three equally good valleys; the minimum is 0.398.',
    space: { x1: { type: 'float', low: -5, high: 10 }, x2: { type: 'float', low: 0, high: 15 } },
    f: (p) => {
      const x1 = Number(p.x1), x2 = Number(p.x2);
      const b = 5.1 / (4 * Math.PI ** 2), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
      return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
    },
    optimum: 0.397887357729738,
  },
  {
    id: 'forrester',
    name: '1-D curve (Forrester)',
    description: 'A wiggly 1-D curve, (6x − 2)² sin(12x − 4) on [0, 1], with a false valley near x = 0.15; the minimum is −6.02 at x = 0.757.',
    space: { x: { type: 'float', low: 0, high: 1 } },
    f: (p) => {
      const x = Number(p.x);
      return (6 * x - 2) ** 2 * Math.sin(12 * x - 4);
    },
    optimum: -6.020740055767083,
  },
];

export function findSynthetic(id: string): SyntheticObjective | undefined {
  return syntheticObjectives.find((o) => o.id === id);
}
