import { describe, expect, test } from 'vitest';
import { bestSoFar, regret } from './bestSoFar';

describe('bestSoFar', () => {
  test('running minimum, skipping missing values', () => {
    expect(bestSoFar([undefined, 3, 5, undefined, 2, Number.NaN, 4, 1], 'minimize')).toEqual([undefined, 3, 3, 3, 2, 2, 2, 1]);
  });
  test('running maximum', () => {
    expect(bestSoFar([1, 3, 2, 5, 4], 'maximize')).toEqual([1, 3, 3, 5, 5]);
  });
  test('empty in, empty out', () => {
    expect(bestSoFar([], 'minimize')).toEqual([]);
  });
  test('regret against a known optimum', () => {
    expect(regret([3, 2, 2.5], 1, 'minimize')).toEqual([2, 1, 1]);
    expect(regret([undefined, 0.5, 0.9], 1, 'maximize')).toEqual([undefined, 0.5, expect.closeTo(0.1, 12)]);
  });
});
