import { describe, expect, test } from 'vitest';
import { classify, scanRates, sweepRangeFrom, type ScanPoint } from './zones';

describe('learning-rate scan', () => {
  test('rates are log-spaced over the range, both ends included', () => {
    expect(scanRates(1e-5, 10, 7)).toEqual([1e-5, 1e-4, 1e-3, 0.01, 0.1, 1, 10]);
    expect(() => scanRates(0, 1, 5)).toThrow();
  });

  test('zones: slow, good, unstable, diverged, in that order along the rates', () => {
    const pts: ScanPoint[] = [
      { rate: 1e-5, curve: [0.7, 0.7, 0.69], diverged: false }, // barely moved: too low
      { rate: 1e-4, curve: [0.7, 0.66, 0.62], diverged: false }, // slow
      { rate: 1e-3, curve: [0.6, 0.3, 0.15], diverged: false }, // good
      { rate: 1e-2, curve: [0.4, 0.12, 0.1], diverged: false }, // best
      { rate: 1e-1, curve: [0.5, 0.45, 0.6], diverged: false }, // worse than it started: too high
      { rate: 1, curve: [3, 40], diverged: true }, // NaN later
    ];
    const r = classify(pts);
    expect(r.zones).toEqual(['tooLow', 'tooLow', 'good', 'good', 'tooHigh', 'diverged']);
    expect(r.good).toEqual([1e-3, 1e-2]);
    expect(r.bestLoss).toBe(0.1);
    expect(sweepRangeFrom(r.good!, 1e-5, 10)).toEqual([5e-4, 0.02]);
  });

  test('all diverged: no good range; a high rate that plateaus above the good ones is too high', () => {
    expect(classify([{ rate: 1, curve: [], diverged: true }, { rate: 10, curve: [], diverged: true }]).good).toBeNull();
    const r = classify([
      { rate: 0.01, curve: [0.7, 0.2], diverged: false },
      { rate: 1, curve: [0.7, 0.5], diverged: false },
    ]);
    expect(r.zones).toEqual(['good', 'tooHigh']);
  });
});
