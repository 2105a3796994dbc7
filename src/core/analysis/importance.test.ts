import { expect, test } from 'vitest';
import { importance } from './importance';
import { createRng } from '../rng';

test('importance recovers known shares of an additive function', () => {
  // f = 10 x1 + 3 x2 + 0 x3 with x ~ U(0,1): variances 100/12, 9/12, 0, so shares ~ 0.917, 0.083, 0.
  const rng = createRng(1);
  const trials = Array.from({ length: 2000 }, () => {
    const x1 = rng.next(), x2 = rng.next(), x3 = rng.next();
    return { params: { x1, x2, x3 }, value: 10 * x1 + 3 * x2 };
  });
  const space = { x1: { type: 'float' as const, low: 0, high: 1 }, x2: { type: 'float' as const, low: 0, high: 1 }, x3: { type: 'float' as const, low: 0, high: 1 } };
  const imp = importance(space, trials, 20);
  expect(imp.map((i) => i.name)).toEqual(['x1', 'x2', 'x3']);
  const byName = Object.fromEntries(imp.map((i) => [i.name, i]));
  expect(byName.x1.share).toBeCloseTo(100 / 109, 1);
  expect(byName.x2.share).toBeCloseTo(9 / 109, 1);
  expect(byName.x3.eta2).toBeLessThan(0.02);
  expect(byName.x1.eta2 + byName.x2.eta2).toBeGreaterThan(0.95);
});

test('categorical and log parameters; a constant objective and too few trials give zeros', () => {
  const rng = createRng(2);
  const trials = Array.from({ length: 300 }, () => {
    const opt = rng.choice(['sgd', 'adam', 'rmsprop']);
    const lr = 10 ** rng.uniform(-4, 0);
    return { params: { opt, lr }, value: (opt === 'adam' ? 0 : 1) + 0.01 * rng.normal() };
  });
  const space = { opt: { type: 'categorical' as const, choices: ['sgd', 'adam', 'rmsprop'] }, lr: { type: 'float' as const, low: 1e-4, high: 1, log: true } };
  const imp = importance(space, trials);
  expect(imp[0].name).toBe('opt');
  expect(imp[0].eta2).toBeGreaterThan(0.99);
  expect(imp[1].eta2).toBeLessThan(0.05);
  expect(importance(space, trials.map((t) => ({ ...t, value: 1 }))).every((i) => i.eta2 === 0)).toBe(true);
  expect(importance(space, trials.slice(0, 2)).every((i) => i.share === 0)).toBe(true);
});
