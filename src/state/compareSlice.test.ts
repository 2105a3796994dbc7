import { expect, test } from 'vitest';
import { gridPointsFor } from './compareSlice';
import { gridPoints } from '../core/samplers/grid';

test('the compare grid fits the budget whole, so it reaches both ends of every range', () => {
  expect(gridPointsFor(20, 2)).toBe(4); // 16 points, not 25 cut at 20
  expect(gridPointsFor(16, 2)).toBe(4);
  expect(gridPointsFor(27, 3)).toBe(3);
  expect(gridPointsFor(6, 2)).toBe(2);
  expect(gridPointsFor(1, 3)).toBe(2); // never fewer than the two ends
  expect(gridPointsFor(10, 1)).toBe(10);
  const space = { x1: { type: 'float', low: -5, high: 10 }, x2: { type: 'float', low: 0, high: 15 } } as const;
  const pts = gridPoints(space, gridPointsFor(20, 2));
  expect(pts.length).toBeLessThanOrEqual(20);
  expect(pts.some((p) => p.x1 === 10)).toBe(true);
  expect(pts.some((p) => p.x1 === -5 && p.x2 === 15)).toBe(true);
});
