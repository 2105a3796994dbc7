import { expect, test } from 'vitest';
import { bandRows, objectiveColor, samplePoints } from './compareView';
import type { MethodSummary } from '../../compare/summary';

test('band rows: one per trial, median and [low, high] per method, as gaps to the optimum (never <= 0)', () => {
  const s = (method: string, band: MethodSummary['band']): MethodSummary => ({ method, repeats: 2, trials: 4, bestMedian: 0, bestLow: 0, bestHigh: 0, trialsToTargetMedian: null, reachedTarget: 0, totalMs: 0, band });
  const rows = bandRows([s('gp', [{ trial: 1, median: 3, low: 2, high: 4, count: 2 }, { trial: 2, median: 1, low: 1, high: 1, count: 2 }]), s('random', [{ trial: 2, median: 5, low: 4, high: 6, count: 2 }])], 1);
  expect(rows).toEqual([
    { trial: 1, gp: 2, gpBand: [1, 3] },
    { trial: 2, gp: 1e-9, gpBand: [1e-9, 1e-9], random: 4, randomBand: [3, 5] },
  ]);
});

test('sample points skip failed trials; colours run from good to bad', () => {
  const pts = samplePoints([
    { lane: 0, method: 'gp', repeat: 0, index: 0, params: { x1: 1, x2: 2 }, status: 'complete', value: 3, durationMs: 1 },
    { lane: 0, method: 'gp', repeat: 0, index: 1, params: { x1: 5, x2: 6 }, status: 'diverged', durationMs: 1 },
    { lane: 1, method: 'random', repeat: 0, index: 0, params: { x1: 7, x2: 8 }, status: 'complete', value: 9, durationMs: 1 },
  ], 'gp', 'x1', 'x2');
  expect(pts).toEqual([{ x: 1, y: 2, value: 3 }]);
  expect(objectiveColor(0, 0, 10, 'minimize')).toBe('rgb(30,64,175)');
  expect(objectiveColor(10, 0, 10, 'minimize')).toBe('rgb(253,224,71)');
  expect(objectiveColor(10, 0, 10, 'maximize')).toBe('rgb(30,64,175)');
});
