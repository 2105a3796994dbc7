import { describe, expect, test } from 'vitest';
import { createStudy, type Study } from '../study';
import { quadratic1d, type TestObjective } from '../testing/objectives';
import { axisOf, buildEstimator, logDensity, tpeGamma, tpeWeights } from './tpe';
import type { SamplerName } from './index';

function run(obj: TestObjective, sampler: SamplerName, trials: number, seed: number): Study {
  const study = createStudy({ space: obj.space, sampler, direction: 'minimize', seed });
  for (let i = 0; i < trials; i++) {
    const t = study.ask()!;
    study.tell(t.id, obj.f(t.params));
  }
  return study;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe('TPE pieces', () => {
  test('gamma(n) = min(ceil(0.1 n), 25)', () => {
    expect([1, 10, 11, 100, 241, 251, 1000].map(tpeGamma)).toEqual([1, 1, 2, 10, 25, 25, 25]);
  });

  test("Optuna's default weights: flat below 25, then a ramp up from 1/n for older trials", () => {
    expect(tpeWeights(0)).toEqual([]);
    expect(tpeWeights(3)).toEqual([1, 1, 1]);
    const w = tpeWeights(30);
    expect(w).toHaveLength(30);
    expect(w[0]).toBeCloseTo(1 / 30, 14);
    expect(w[4]).toBeCloseTo(1, 14);
    expect(w[2]).toBeCloseTo((1 / 30 + 1) / 2, 14);
    expect(w.slice(5).every((v) => v === 1)).toBe(true);
  });

  test('a float estimator is a normalized density on its range (truncated kernels)', () => {
    const axes = [axisOf({ type: 'float', low: 0, high: 2 })];
    const est = buildEstimator([[0.05], [1.9], [1.2]], axes, 1, true);
    const n = 20000;
    let integral = 0;
    for (let i = 0; i < n; i++) integral += Math.exp(logDensity(est, axes, [((i + 0.5) / n) * 2])) * (2 / n);
    expect(integral).toBeCloseTo(1, 6);
  });

  test('an int estimator gives grid cells probabilities that sum to one', () => {
    const axes = [axisOf({ type: 'int', low: 0, high: 20, step: 2 })];
    const est = buildEstimator([[0], [4], [20]], axes, 1, true);
    let total = 0;
    for (let v = 0; v <= 20; v += 2) total += Math.exp(logDensity(est, axes, [v]));
    expect(total).toBeCloseTo(1, 12);
  });

  test('categorical kernels: prior weight spread over every choice, plus one on the observed choice', () => {
    const axes = [axisOf({ type: 'categorical', choices: ['a', 'b', 'c'] })];
    const est = buildEstimator([[1]], axes, 1, true);
    // kernel 0: (1/2 + [c = b]) / (3/2 + 1); prior kernel: uniform; mixture weights 1/2 each
    const p = (c: number): number => Math.exp(logDensity(est, axes, [c]));
    expect(p(1)).toBeCloseTo(0.5 * (1.5 / 2.5) + 0.5 / 3, 12);
    expect(p(0)).toBeCloseTo(0.5 * (0.5 / 2.5) + 0.5 / 3, 12);
    expect(p(0) + p(1) + p(2)).toBeCloseTo(1, 12);
  });
});

describe('TPE sampler', () => {
  test('reaches a small regret on a 1-D quadratic within 25 trials (median of 7 seeds)', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7];
    expect(median(seeds.map((s) => run(quadratic1d, 'tpe', 25, s).best!.value!))).toBeLessThan(1e-3);
  });

  test('a height-matched prior kernel: its peak density is priorWeight times a data kernel\'s', () => {
    const axes = [axisOf({ type: 'float', low: 0, high: 1 }), axisOf({ type: 'float', low: 0, high: 2 })];
    const obs = [[0.5, 1], [0.2, 0.4]];
    const plain = buildEstimator(obs, axes, 1, true), matched = buildEstimator(obs, axes, 1, true, true);
    expect(matched.sigmas).toEqual(plain.sigmas);
    const ratio = Math.exp(matched.logWeights[2] - matched.logWeights[0]);
    expect(ratio).toBeCloseTo((1 / plain.sigmas[0]) * (2 / plain.sigmas[1]), 8);
  });

  test("abovePriorWeight = priorWeight is Optuna's TPE with the corrected density: a different, valid search", () => {
    const optunaLike = (seed: number) => {
      const study = createStudy({ space: quadratic1d.space, sampler: 'tpe', direction: 'minimize', seed, samplerOptions: { abovePriorWeight: 1 } });
      for (let i = 0; i < 20; i++) {
        const t = study.ask()!;
        study.tell(t.id, quadratic1d.f(t.params));
      }
      return study;
    };
    const a = optunaLike(3).trials.map((t) => t.params.x);
    const b = run(quadratic1d, 'tpe', 20, 3).trials.map((t) => t.params.x);
    expect(a.slice(0, 10)).toEqual(b.slice(0, 10)); // same random start
    expect(a.slice(10)).not.toEqual(b.slice(10));
    expect(optunaLike(3).best!.value!).toBeLessThan(0.05);
  });

  test('beats random search on the quadratic over several seeds', () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7];
    const tpe = seeds.map((s) => run(quadratic1d, 'tpe', 30, s).best!.value!);
    const rnd = seeds.map((s) => run(quadratic1d, 'random', 30, s).best!.value!);
    expect(median(tpe)).toBeLessThan(median(rnd) / 3);
  });

  test('first nStartup trials are random (identical to the random sampler)', () => {
    const a = run(quadratic1d, 'tpe', 10, 3).trials.map((t) => t.params);
    const b = run(quadratic1d, 'random', 10, 3).trials.map((t) => t.params);
    expect(a).toEqual(b);
  });

  test('works in log space and on int grids, and always proposes valid params', () => {
    const obj: TestObjective = {
      space: {
        learningRate: { type: 'float', low: 1e-5, high: 1e-1, log: true },
        units: { type: 'int', low: 8, high: 256, step: 8 },
        layers: { type: 'int', low: 1, high: 64, log: true },
      },
      f: (p) =>
        (Math.log10(p.learningRate as number) + 3) ** 2 / 4 + (((p.units as number) - 64) / 64) ** 2 + Math.log2(p.layers as number) / 6,
      optimum: 0,
    };
    const study = run(obj, 'tpe', 60, 2);
    for (const t of study.trials) {
      expect((t.params.units as number) % 8).toBe(0);
      expect(Number.isInteger(t.params.layers)).toBe(true);
      expect(t.params.learningRate as number).toBeGreaterThanOrEqual(1e-5);
      expect(t.params.learningRate as number).toBeLessThanOrEqual(1e-1);
    }
    const best = study.best!.params;
    // optimum: lr 1e-3 (a quadratic in log10 lr), units 64, layers 1
    expect(Math.abs(Math.log10(best.learningRate as number) + 3)).toBeLessThan(0.5);
    expect(Math.abs((best.units as number) - 64)).toBeLessThanOrEqual(32);
  });

  test('learns which choice is best', () => {
    const penalty: Record<string, number> = { relu: 0, tanh: 1, sigmoid: 2, elu: 1.5 };
    const obj: TestObjective = {
      space: { x: { type: 'float', low: 0, high: 1 }, activation: { type: 'categorical', choices: ['tanh', 'sigmoid', 'relu', 'elu'] } },
      f: (p) => ((p.x as number) - 0.5) ** 2 + penalty[p.activation as string],
      optimum: 0,
    };
    const study = run(obj, 'tpe', 50, 4);
    const late = study.trials.slice(30).filter((t) => t.params.activation === 'relu').length;
    expect(late).toBeGreaterThanOrEqual(12);
    expect(study.best!.params.activation).toBe('relu');
  });

  test('diverged trials count against their region', () => {
    // x < 0.3 diverges: random search would keep spending 30% of its trials there.
    const space = { x: { type: 'float', low: 0, high: 1 } } as const;
    const study = createStudy({ space, sampler: 'tpe', direction: 'minimize', seed: 8 });
    for (let i = 0; i < 60; i++) {
      const t = study.ask()!;
      const x = t.params.x as number;
      study.tell(t.id, x < 0.3 ? { state: 'diverged' } : (x - 0.5) ** 2);
    }
    expect(study.trials.slice(30).filter((t) => t.state === 'diverged').length).toBeLessThanOrEqual(3);
    expect(Math.abs((study.best!.params.x as number) - 0.5)).toBeLessThan(0.05);
  });

  test('same seed and same tells give the same asks', () => {
    const a = run(quadratic1d, 'tpe', 25, 9).trials.map((t) => t.params);
    expect(run(quadratic1d, 'tpe', 25, 9).trials.map((t) => t.params)).toEqual(a);
    expect(run(quadratic1d, 'tpe', 25, 10).trials.map((t) => t.params)).not.toEqual(a);
  });

  test('a small discrete space is covered without repeats, then reported used up', () => {
    const space = { a: { type: 'int', low: 1, high: 4 }, b: { type: 'categorical', choices: ['x', 'y', 'z'] } } as const;
    const study = createStudy({ space, sampler: 'tpe', direction: 'minimize', seed: 1, samplerOptions: { nStartup: 3 } });
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const t = study.ask()!;
      const key = JSON.stringify(t.params);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      study.tell(t.id, (t.params.a as number) + (t.params.b === 'y' ? 0 : 1));
    }
    expect(study.ask()).toBeNull();
    expect(study.message).toMatch(/All 12 combinations/);
  });

  test('a constant objective does not crash', () => {
    const study = createStudy({ space: quadratic1d.space, sampler: 'tpe', direction: 'maximize', seed: 1 });
    for (let i = 0; i < 30; i++) study.tell(study.ask()!.id, 1);
    expect(study.trials).toHaveLength(30);
    expect(study.best!.value).toBe(1);
  });
});
