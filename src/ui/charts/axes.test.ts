import { describe, expect, test } from 'vitest';
import { axisFor, linearTicks, logTicks } from './axes';
import { downsample } from './downsample';

describe('chart axes', () => {
  test('log axis pads both ends and keeps every point inside, ignoring NaN, infinities and non-positive values', () => {
    const a = axisFor([5e-4, 0.013, 0.2, NaN, Infinity, 0, -1], true);
    expect(a.domain[0]).toBeLessThan(5e-4);
    expect(a.domain[1]).toBeGreaterThan(0.2);
    expect(a.ticks.every((t) => t >= a.domain[0] && t <= a.domain[1])).toBe(true);
    expect(a.ticks).toContain(0.001);
    expect(a.ticks).toContain(0.1);
  });

  test('linear axis of one repeated value still has a width; empty input gives a default', () => {
    const a = axisFor([3, 3, 3], false);
    expect(a.domain[0]).toBeLessThan(3);
    expect(a.domain[1]).toBeGreaterThan(3);
    expect(axisFor([], false).domain).toEqual([0, 1]);
    expect(axisFor([NaN], true).domain).toEqual([0.1, 10]);
  });

  test('ticks are nice numbers', () => {
    expect(linearTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(1e-5, 10).length).toBeLessThanOrEqual(7);
  });

  test('downsample keeps the ends and at most max points', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => i);
    const d = downsample(xs, 100);
    expect(d.length).toBe(100);
    expect(d[0]).toBe(0);
    expect(d.at(-1)).toBe(999);
    expect(downsample([1, 2, 3], 100)).toEqual([1, 2, 3]);
  });
});
