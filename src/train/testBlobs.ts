/** Test data for the trainers: two Gaussian features, 2 or 3 classes split along a + b, or a linear target. */
import { createRng } from '../core/rng';
import type { Dataset } from './datasets/types';

export function blobs(n: number, seed: number, task: 'classification' | 'regression', classes: 2 | 3 = 2): Dataset {
  const rng = createRng(seed);
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.normal(), b = rng.normal();
    x[2 * i] = a;
    x[2 * i + 1] = b;
    const s = a + b;
    y[i] = task === 'regression' ? 2 * a - b + 0.05 * rng.normal() : classes === 2 ? (s > 0 ? 1 : 0) : s > 0.6 ? 2 : s > -0.6 ? 1 : 0;
  }
  const classNames = task === 'regression' ? [] : classes === 2 ? ['neg', 'pos'] : ['low', 'mid', 'high'];
  return { id: 'test', name: 'test', task, featureNames: ['a', 'b'], n, d: 2, x, y, classNames, targetName: 'y', notes: [] };
}
