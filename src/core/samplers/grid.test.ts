import { describe, expect, test } from 'vitest';
import { createStudy } from '../study';
import { gridAxis, gridPoints, gridSize } from './grid';

describe('grid axes', () => {
  test('floats are evenly spaced and include both ends', () => {
    expect(gridAxis({ type: 'float', low: 0, high: 1 }, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  test('log floats are log-spaced', () => {
    const axis = gridAxis({ type: 'float', low: 1e-4, high: 1, log: true }, 5) as number[];
    const expected = [1e-4, 1e-3, 1e-2, 1e-1, 1];
    axis.forEach((v, i) => expect(v / expected[i]).toBeCloseTo(1, 12));
  });

  test('one point per axis is the (geometric) midpoint', () => {
    expect(gridAxis({ type: 'float', low: 2, high: 4 }, 1)).toEqual([3]);
    expect(gridAxis({ type: 'float', low: 1, high: 100, log: true }, 1)[0] as number).toBeCloseTo(10, 12);
  });

  test('ints round onto their step grid and repeats are dropped', () => {
    expect(gridAxis({ type: 'int', low: 1, high: 3 }, 5)).toEqual([1, 2, 3]);
    expect(gridAxis({ type: 'int', low: 0, high: 100, step: 10 }, 4)).toEqual([0, 30, 70, 100]);
    expect(gridAxis({ type: 'int', low: 1, high: 1000, log: true }, 4)).toEqual([1, 10, 100, 1000]);
    expect(gridAxis({ type: 'int', low: 1, high: 4, log: true }, 7)).toEqual([1, 2, 3, 4]);
  });

  test('categoricals use every choice whatever the points per axis', () => {
    expect(gridAxis({ type: 'categorical', choices: ['relu', 'tanh'] }, 5)).toEqual(['relu', 'tanh']);
  });
});

const space = {
  learningRate: { type: 'float', low: 1e-3, high: 1e-1, log: true },
  hiddenLayers: { type: 'int', low: 1, high: 2 },
  activation: { type: 'categorical', choices: ['relu', 'tanh'] },
} as const;

describe('grid points and size', () => {
  test('enumerates the full product, first parameter slowest', () => {
    const pts = gridPoints(space, 3);
    expect(pts).toHaveLength(3 * 2 * 2);
    expect(gridSize(space, 3)).toBe(12);
    expect(pts[0]).toEqual({ learningRate: 1e-3, hiddenLayers: 1, activation: 'relu' });
    expect(pts[1]).toEqual({ learningRate: 1e-3, hiddenLayers: 1, activation: 'tanh' });
    expect(pts[2]).toEqual({ learningRate: 1e-3, hiddenLayers: 2, activation: 'relu' });
    expect(pts[11]).toEqual({ learningRate: 1e-1, hiddenLayers: 2, activation: 'tanh' });
    expect(new Set(pts.map((p) => JSON.stringify(p))).size).toBe(12);
  });

  test('points per axis may differ per parameter', () => {
    expect(gridSize(space, { learningRate: 4, hiddenLayers: 1 })).toBe(4 * 1 * 2);
  });

  test('bad points per axis is an error', () => {
    expect(() => gridSize(space, 0)).toThrow(/at least 1/);
    expect(() => gridSize(space, 2.5)).toThrow(/whole number/);
  });
});

describe('grid sampler in a study', () => {
  test('asks every grid point once, then returns null with a message', () => {
    const study = createStudy({ space, sampler: 'grid', direction: 'minimize', seed: 1, samplerOptions: { pointsPerAxis: 3 } });
    const n = gridSize(space, 3);
    const seen: string[] = [];
    for (;;) {
      const t = study.ask();
      if (!t) break;
      seen.push(JSON.stringify(t.params));
      study.tell(t.id, Math.random());
      expect(seen.length).toBeLessThanOrEqual(n);
    }
    expect(seen).toHaveLength(n);
    expect(seen).toEqual(gridPoints(space, 3).map((p) => JSON.stringify(p)));
    expect(study.exhausted).toBe(true);
    expect(study.message).toBe(`All ${n} grid points have been tried`);
    expect(study.ask()).toBeNull();
  });

  test('running trials count as taken (parallel asks never share a point)', () => {
    const study = createStudy({ space, sampler: 'grid', direction: 'minimize', seed: 1, samplerOptions: { pointsPerAxis: 2 } });
    const asked = [study.ask(), study.ask(), study.ask()];
    expect(new Set(asked.map((t) => JSON.stringify(t?.params))).size).toBe(3);
  });

  test('a restored study continues where it stopped', () => {
    const first = createStudy({ space, sampler: 'grid', direction: 'minimize', seed: 1, samplerOptions: { pointsPerAxis: 2 } });
    for (let i = 0; i < 5; i++) first.tell(first.ask()!.id, i);
    const again = createStudy({
      space,
      sampler: 'grid',
      direction: 'minimize',
      seed: 1,
      samplerOptions: { pointsPerAxis: 2 },
      trials: first.trials,
    });
    let count = 0;
    while (again.ask()) count++;
    expect(count).toBe(gridSize(space, 2) - 5);
  });
});
