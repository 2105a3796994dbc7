import { describe, expect, test } from 'vitest';
import { createRng } from '../../rng';
import { createStudy, type Study, type Trial } from '../../study';
import { branin, quadratic1d, type TestObjective } from '../../testing/objectives';
import { createGpSampler, defaultStartup } from './index';

function run(obj: TestObjective, trials: number, seed: number, direction: 'minimize' | 'maximize' = 'minimize'): Study {
  const study = createStudy({ space: obj.space, sampler: 'gp', direction, seed });
  for (let i = 0; i < trials; i++) {
    const t = study.ask()!;
    const v = obj.f(t.params);
    study.tell(t.id, direction === 'minimize' ? v : -v);
  }
  return study;
}

describe('GP sampler', () => {
  test('startup count defaults to min(10, max(4, params + 1))', () => {
    expect([1, 2, 3, 5, 6, 8, 12].map(defaultStartup)).toEqual([4, 4, 4, 6, 7, 9, 10]);
  });

  test('reaches a small regret on a 1-D quadratic within 15 trials', () => {
    const study = run(quadratic1d, 15, 1);
    expect(study.best!.value!).toBeLessThan(1e-3);
    // and the model did it, not the start: the best came after the space-filling trials
    expect(study.best!.id).toBeGreaterThanOrEqual(defaultStartup(1));
  });

  test('maximizing works the same way (negated internally)', () => {
    const study = run(quadratic1d, 15, 2, 'maximize');
    expect(-study.best!.value!).toBeLessThan(1e-3);
  });

  test('reaches regret below 0.05 on Branin within 40 trials', () => {
    const study = run(branin, 40, 1);
    expect(study.best!.value! - branin.optimum).toBeLessThan(0.05);
  });

  test('same seed and same tells give the same asks', () => {
    const asks = (seed: number): unknown[] => run(branin, 14, seed).trials.map((t) => t.params);
    const a = asks(4);
    expect(asks(4)).toEqual(a);
    expect(asks(5)).not.toEqual(a);
  });

  test('a diverged trial pushes the search away and is recorded in the next note', () => {
    const study = createStudy({ space: quadratic1d.space, sampler: 'gp', direction: 'minimize', seed: 3 });
    for (let i = 0; i < 8; i++) {
      const t = study.ask()!;
      study.tell(t.id, quadratic1d.f(t.params));
    }
    // the model's next proposal diverges
    const bad = study.ask()!;
    study.tell(bad.id, { state: 'diverged' });
    const next = study.ask()!;
    expect(next.params.x).not.toBe(bad.params.x);
    expect(Math.abs((next.params.x as number) - (bad.params.x as number))).toBeGreaterThan(1e-3);
    expect(next.note).toMatch(/model counts 1 diverged trial\(s\) as the worst value seen/);
    study.tell(next.id, quadratic1d.f(next.params));
    expect(study.ask()).not.toBeNull();
  });

  test('many diverged trials around one region keep the search out of it', () => {
    const space = { x: { type: 'float', low: 0, high: 1 } } as const;
    const study = createStudy({ space, sampler: 'gp', direction: 'minimize', seed: 5 });
    // the objective improves towards x = 1, but everything above 0.7 diverges
    for (let i = 0; i < 20; i++) {
      const t = study.ask()!;
      const x = t.params.x as number;
      study.tell(t.id, x > 0.7 ? { state: 'diverged' } : 1 - x);
    }
    const late = study.trials.slice(12).filter((t) => t.state === 'diverged').length;
    expect(late).toBeLessThanOrEqual(2);
    expect(study.best!.params.x as number).toBeGreaterThan(0.6);
  });

  test('a constant objective does not crash and keeps proposing distinct valid points', () => {
    const space = { a: { type: 'float', low: 0, high: 1 }, b: { type: 'int', low: 1, high: 100, log: true } } as const;
    const study = createStudy({ space, sampler: 'gp', direction: 'minimize', seed: 2 });
    const seen = new Set<string>();
    for (let i = 0; i < 15; i++) {
      const t = study.ask()!;
      expect(Number.isInteger(t.params.b)).toBe(true);
      seen.add(JSON.stringify(t.params));
      study.tell(t.id, 3);
    }
    expect(seen.size).toBe(15);
    expect(study.trials.at(-1)!.note).toMatch(/every result so far is the same/);
  });

  test('repeated identical results at the same point do not break the model', () => {
    const space = { x: { type: 'int', low: 0, high: 3 }, y: { type: 'float', low: 0, high: 1 } } as const;
    const study = createStudy({ space, sampler: 'gp', direction: 'minimize', seed: 2 });
    const trials: Trial[] = [];
    for (let i = 0; i < 6; i++) trials.push({ id: i, params: { x: 1, y: 0.5 }, state: 'complete', value: 1 });
    const restored = createStudy({ space, sampler: 'gp', direction: 'minimize', seed: 2, trials });
    expect(restored.ask()).not.toBeNull();
    expect(study.ask()).not.toBeNull();
  });

  test('categoricals: finds the right choice, a choice index is never treated as a number', () => {
    const space = {
      x: { type: 'float', low: 0, high: 1 },
      activation: { type: 'categorical', choices: ['relu', 'tanh', 'sigmoid', 'elu'] },
    } as const;
    // 'sigmoid' sits between the two bad choices in index order: an ordinal model would struggle.
    const penalty: Record<string, number> = { relu: 1, tanh: 2, sigmoid: 0, elu: 1.5 };
    const study = createStudy({ space, sampler: 'gp', direction: 'minimize', seed: 7 });
    for (let i = 0; i < 25; i++) {
      const t = study.ask()!;
      expect(space.activation.choices).toContain(t.params.activation);
      study.tell(t.id, ((t.params.x as number) - 0.6) ** 2 + penalty[t.params.activation as string]);
    }
    expect(study.best!.params.activation).toBe('sigmoid');
    expect(study.best!.value!).toBeLessThan(0.01);
  });

  test('in a discrete space it never repeats a point and ends with a message when all are tried', () => {
    const space = {
      layers: { type: 'int', low: 1, high: 3 },
      optimizer: { type: 'categorical', choices: ['sgd', 'adam'] },
      batchSize: { type: 'int', low: 16, high: 64, step: 16 },
    } as const;
    const study = createStudy({ space, sampler: 'gp', direction: 'minimize', seed: 1 });
    const seen = new Set<string>();
    for (let i = 0; i < 24; i++) {
      const t = study.ask();
      expect(t).not.toBeNull();
      const key = JSON.stringify(t!.params);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      const p = t!.params;
      study.tell(t!.id, (p.layers as number) + (p.optimizer === 'adam' ? 0 : 1) + (p.batchSize as number) / 64);
      expect(t!.note ?? '').not.toMatch(/already tried/); // the sampler itself avoided repeats
    }
    expect(study.ask()).toBeNull();
    expect(study.exhausted).toBe(true);
    expect(study.message).toBe('All 24 combinations of the search space have been tried');
  });

  test('if the model fit throws, it falls back to a random point and says why', () => {
    const sampler = createGpSampler(quadratic1d.space, { nStartup: 2 }, 1, {
      fit: () => {
        throw new Error('boom');
      },
    });
    const finished: Trial[] = [0.1, 0.5, 0.9].map((x, id) => ({ id, params: { x }, state: 'complete', value: x }));
    const proposal = sampler.propose({
      space: quadratic1d.space,
      finished,
      pending: [],
      direction: 'minimize',
      rng: createRng(1),
    });
    expect('params' in proposal && proposal.note).toMatch(/GP step failed \(boom\); sampled at random/);
  });

  test('objective values too large to standardize fall back to random, with a note', () => {
    const study = createStudy({ space: quadratic1d.space, sampler: 'gp', direction: 'minimize', seed: 1, samplerOptions: { nStartup: 3 } });
    for (const v of [1.7e308, 1.6e308, -1e300]) study.tell(study.ask()!.id, v);
    expect(study.ask()!.note).toMatch(/too large to model.*sampled at random/);
  });

  test('fewer than two completed trials keeps filling the space, noting why', () => {
    const study = createStudy({ space: quadratic1d.space, sampler: 'gp', direction: 'minimize', seed: 1, samplerOptions: { nStartup: 2 } });
    for (let i = 0; i < 3; i++) study.tell(study.ask()!.id, { state: 'failed' });
    const t = study.ask()!;
    expect(t.note).toMatch(/only 0 trial\(s\) completed/);
  });

  test('parallel asks (running trials) get different points', () => {
    const study = run(quadratic1d, 8, 1);
    const a = study.ask()!, b = study.ask()!;
    expect(Math.abs((a.params.x as number) - (b.params.x as number))).toBeGreaterThan(1e-3);
  });
});
