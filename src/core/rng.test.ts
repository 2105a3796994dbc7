import { describe, expect, test } from 'vitest';
import { createRng } from './rng';

describe('createRng', () => {
  test('same seed, same stream; different seed, different stream', () => {
    const a = createRng(7), b = createRng(7), c = createRng(8);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
  });

  test('uniform in [0,1) with mean 1/2 and variance 1/12', () => {
    const r = createRng(1);
    const n = 50_000;
    let sum = 0, sq = 0, min = 1, max = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      sum += u; sq += u * u; min = Math.min(min, u); max = Math.max(max, u);
    }
    const mean = sum / n;
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.003);
  });

  test('normal has mean 0 and variance 1', () => {
    const r = createRng(3);
    const n = 50_000;
    let sum = 0, sq = 0;
    for (let i = 0; i < n; i++) { const z = r.normal(); sum += z; sq += z * z; }
    expect(Math.abs(sum / n)).toBeLessThan(0.02);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.03);
  });

  test('int covers both ends evenly', () => {
    const r = createRng(4);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[r.int(0, 3)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });

  test('shuffle is a permutation', () => {
    const r = createRng(5);
    const xs = r.shuffle(Array.from({ length: 100 }, (_, i) => i));
    expect([...xs].sort((p, q) => p - q)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(xs).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
