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

test('the 2-D map: mean near the data, acquisition highest away from the worst corner', async () => {
  const { surrogateMap } = await import('./surrogate');
  const sp = { a: { type: 'float' as const, low: 0, high: 1 }, b: { type: 'float' as const, low: 0, high: 1 } };
  const g = (a: number, b: number) => (a - 0.25) ** 2 + (b - 0.75) ** 2;
  const pts = [[0.1, 0.9], [0.3, 0.7], [0.9, 0.1], [0.8, 0.8], [0.2, 0.2], [0.5, 0.5]];
  const m = surrogateMap(sp, pts.map(([a, b]) => ({ params: { a, b }, value: g(a, b) })), 'minimize', 'a', 'b', 20)!;
  expect(m.mean).toHaveLength(400);
  expect(m.ys[0]).toBeGreaterThan(m.ys[19]); // row 0 is the top
  const at = (a: number, b: number) => m.mean[Math.min(19, Math.floor((1 - b) * 20)) * 20 + Math.min(19, Math.floor(a * 20))];
  expect(Math.abs(at(0.3, 0.7) - g(0.3, 0.7))).toBeLessThan(0.05);
  expect(at(0.9, 0.1)).toBeGreaterThan(at(0.3, 0.7));
  expect(m.best.x).toBeLessThan(0.6);
  expect(m.best.y).toBeGreaterThan(0.4);
  expect(surrogateMap(sp, [], 'minimize', 'a', 'b')).toBeNull();
});
