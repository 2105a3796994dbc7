import { expect, test } from 'vitest';
import { surrogateAlong } from './surrogate';

const space = { x: { type: 'float' as const, low: 0, high: 1 }, k: { type: 'categorical' as const, choices: ['a', 'b'] } };
const f = (x: number) => (x - 0.3) ** 2;

test('the surrogate passes near the observations, is unsure between them, and points at the gap near the optimum', () => {
  const xs = [0, 0.15, 0.5, 0.75, 1];
  const trials = xs.map((x) => ({ params: { x, k: 'a' }, value: f(x) }));
  const c = surrogateAlong(space, trials, 'minimize', 'x')!;
  expect(c.xs).toHaveLength(101);
  expect(c.xs[0]).toBe(0);
  expect(c.xs[100]).toBe(1);
  // Mean through the data: at each observed x the mean is within 10% of the range.
  for (const x of xs) {
    const i = Math.round(x * 100);
    expect(Math.abs(c.mean[i] - f(x))).toBeLessThan(0.05);
    expect(c.sd[i]).toBeLessThan(0.05);
  }
  // More uncertain between the observations than at them.
  expect(c.sd[32]).toBeGreaterThan(c.sd[15]);
  // The most promising x lies between the best observations (0.15 and 0.5), where the true optimum 0.3 is.
  expect(c.bestX).toBeGreaterThan(0.15);
  expect(c.bestX).toBeLessThan(0.5);
  expect(c.logEI.every((v) => Number.isFinite(v))).toBe(true);
  expect(c.heldAt).toEqual({ x: 0.15, k: 'a' });
});

test('maximize flips the sense; categorical axes and too few trials give no curve', () => {
  const trials = [0, 0.2, 0.6, 1].map((x) => ({ params: { x, k: 'b' }, value: -f(x) }));
  const c = surrogateAlong(space, trials, 'maximize', 'x')!;
  expect(c.mean[20]).toBeCloseTo(-f(0.2), 1);
  expect(c.bestX).toBeGreaterThan(0.2);
  expect(c.bestX).toBeLessThan(0.6);
  expect(surrogateAlong(space, trials, 'maximize', 'k')).toBeNull();
  expect(surrogateAlong(space, trials.slice(0, 1), 'maximize', 'x')).toBeNull();
});
