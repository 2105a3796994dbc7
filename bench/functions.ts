/** Standard test functions for hyperparameter optimization, with their known minima. */
import type { SearchSpace } from '../src/core';

export interface TestFunction {
  name: string;
  space: SearchSpace;
  optimum: number;
  f: (p: Record<string, number>) => number;
}

export const branin: TestFunction = {
  name: 'Branin',
  space: { x1: { type: 'float', low: -5, high: 10 }, x2: { type: 'float', low: 0, high: 15 } },
  optimum: 0.397887357729738,
  f: ({ x1, x2 }) => {
    const b = 5.1 / (4 * Math.PI ** 2), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
    return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - t) * Math.cos(x1) + 10;
  },
};

const hA = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]];
const hP = [
  [1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
  [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381],
].map((r) => r.map((v) => v * 1e-4));
const hAlpha = [1, 1.2, 3, 3.2];

export const hartmann6: TestFunction = {
  name: 'Hartmann-6',
  space: Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`x${i + 1}`, { type: 'float' as const, low: 0, high: 1 }])),
  optimum: -3.32236801141551,
  f: (p) => {
    const x = Array.from({ length: 6 }, (_, i) => p[`x${i + 1}`]);
    let s = 0;
    for (let i = 0; i < 4; i++) {
      let inner = 0;
      for (let j = 0; j < 6; j++) inner += hA[i][j] * (x[j] - hP[i][j]) ** 2;
      s += hAlpha[i] * Math.exp(-inner);
    }
    return -s;
  },
};
