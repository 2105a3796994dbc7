import { describe, expect, test } from 'vitest';
import { createStudy, type Trial } from './study';
import type { SamplerName } from './samplers';

const space = {
  learningRate: { type: 'float', low: 1e-4, high: 1, log: true },
  hiddenLayers: { type: 'int', low: 1, high: 4 },
} as const;

describe('createStudy', () => {
  test('rejects an invalid space, direction or seed', () => {
    expect(() => createStudy({ space: {}, sampler: 'random', direction: 'minimize', seed: 1 })).toThrow(/empty/);
    expect(() =>
      createStudy({ space, sampler: 'random', direction: 'down' as 'minimize', seed: 1 }),
    ).toThrow(/Direction/);
    expect(() => createStudy({ space, sampler: 'random', direction: 'minimize', seed: Number.NaN })).toThrow(/Seed/);
    expect(() => createStudy({ space, sampler: 'annealing' as SamplerName, direction: 'minimize', seed: 1 })).toThrow(
      /Unknown sampler/,
    );
  });

  test('ask hands out running trials with increasing ids and valid params', () => {
    const study = createStudy({ space, sampler: 'random', direction: 'minimize', seed: 3 });
    const a = study.ask()!, b = study.ask()!;
    expect([a.id, b.id]).toEqual([0, 1]);
    expect(a.state).toBe('running');
    expect(Number.isInteger(a.params.hiddenLayers)).toBe(true);
    expect(study.trials).toHaveLength(2);
  });
});

describe('tell', () => {
  test('a non-finite objective is a clear error', () => {
    const study = createStudy({ space, sampler: 'random', direction: 'minimize', seed: 3 });
    const t = study.ask()!;
    expect(() => study.tell(t.id, Number.NaN)).toThrow(/finite number.*diverged/);
    expect(() => study.tell(t.id, Infinity)).toThrow(/finite number/);
    expect(study.trials[0].state).toBe('running');
  });

  test('unknown ids and second results are errors', () => {
    const study = createStudy({ space, sampler: 'random', direction: 'minimize', seed: 3 });
    const t = study.ask()!;
    expect(() => study.tell(7, 1)).toThrow(/No trial with id 7/);
    study.tell(t.id, 1);
    expect(() => study.tell(t.id, 2)).toThrow(/already has a result/);
    expect(() => study.tell(t.id, { state: 'complete' } as never)).toThrow();
  });

  test('stopped trials keep their state and a finite value only', () => {
    const study = createStudy({ space, sampler: 'random', direction: 'minimize', seed: 3 });
    const a = study.ask()!, b = study.ask()!, c = study.ask()!;
    study.tell(a.id, { state: 'diverged', value: Number.NaN });
    study.tell(b.id, { state: 'pruned', value: 0.7 });
    study.tell(c.id, { state: 'failed' });
    expect(study.trials.map((t) => [t.state, t.value])).toEqual([
      ['diverged', undefined],
      ['pruned', 0.7],
      ['failed', undefined],
    ]);
  });

  test('trials are replaced, never mutated, so stores can compare by reference', () => {
    const study = createStudy({ space, sampler: 'random', direction: 'minimize', seed: 3 });
    const t = study.ask()!;
    const before = study.trials;
    study.tell(t.id, 0.5);
    expect(study.trials).not.toBe(before);
    expect(before[0].state).toBe('running');
    expect(Object.isFrozen(study.trials[0])).toBe(true);
  });
});

describe('best', () => {
  const run = (direction: 'minimize' | 'maximize'): Trial | undefined => {
    const study = createStudy({ space, sampler: 'random', direction, seed: 4 });
    const results = [0.5, { state: 'diverged', value: -100 }, 0.2, { state: 'pruned', value: 99 }, 0.9, 0.2] as const;
    for (const r of results) study.tell(study.ask()!.id, r);
    study.ask(); // still running: never best
    return study.best;
  };

  test('ignores every trial that did not complete and respects direction', () => {
    expect(run('minimize')?.value).toBe(0.2);
    expect(run('minimize')?.id).toBe(2); // the earliest of two ties
    expect(run('maximize')?.value).toBe(0.9);
  });

  test('undefined until a trial completes', () => {
    const study = createStudy({ space, sampler: 'random', direction: 'minimize', seed: 4 });
    expect(study.best).toBeUndefined();
    study.tell(study.ask()!.id, { state: 'failed' });
    expect(study.best).toBeUndefined();
  });
});

describe('determinism', () => {
  test.each(['random', 'grid'] as const)('%s: same seed and same tells give the same asks', (sampler) => {
    const go = (seed: number): unknown[] => {
      const study = createStudy({ space, sampler, direction: 'minimize', seed });
      const out: unknown[] = [];
      for (let i = 0; i < 12; i++) {
        const t = study.ask()!;
        out.push(t.params);
        study.tell(t.id, (t.params.hiddenLayers as number) + Math.log(t.params.learningRate as number));
      }
      return out;
    };
    expect(go(9)).toEqual(go(9));
    if (sampler === 'random') expect(go(9)).not.toEqual(go(10));
  });
});
