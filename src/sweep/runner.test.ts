import { describe, expect, test } from 'vitest';
import { runSweep, type Evaluator, type TrialRecord } from './runner';
import { defaultHyperparams } from '../core/hyperparams';
import type { SweepConfig } from './config';

const base: SweepConfig = {
  space: { learningRate: { type: 'float', low: 1e-4, high: 1, log: true }, unitsPerLayer: { type: 'int', low: 2, high: 32 } },
  fixed: defaultHyperparams,
  sampler: 'random',
  budget: 8,
  objective: 'valLoss',
  seed: 3,
  gridPointsPerAxis: 3,
};
// A synthetic objective with its optimum at learningRate 0.01: (log10 lr + 2)^2.
const quadratic: Evaluator = async (hp) => ({ status: 'complete', value: (Math.log10(hp.learningRate) + 2) ** 2 });

describe('runSweep', () => {
  test('runs the budget, merges trial params into the fixed hyperparameters, and finds the best', async () => {
    const seen: TrialRecord[] = [];
    const end = await runSweep(base, quadratic, { onTrialDone: (t) => seen.push(t) });
    expect(end.status).toBe('complete');
    expect(seen).toHaveLength(8);
    for (const t of seen) {
      expect(t.hp.learningRate).toBe(t.params.learningRate);
      expect(Number.isInteger(t.hp.unitsPerLayer)).toBe(true);
      expect(t.hp.optimizer).toBe(defaultHyperparams.optimizer);
    }
    const min = Math.min(...seen.map((t) => t.value!));
    expect(end.best?.value).toBe(min);
  });

  test('diverged and failing trials are recorded, skipped by best, and the sweep goes on', async () => {
    const evaluator: Evaluator = async (hp, trial) => {
      if (trial.index === 1) return { status: 'diverged', divergedAtEpoch: 3 };
      if (trial.index === 2) throw new Error('boom');
      return quadratic(hp, trial);
    };
    const seen: TrialRecord[] = [];
    const end = await runSweep({ ...base, sampler: 'gp', budget: 6 }, evaluator, { onTrialDone: (t) => seen.push(t) });
    expect(end.status).toBe('complete');
    expect(seen.map((t) => t.status)).toEqual(['complete', 'diverged', 'failed', 'complete', 'complete', 'complete']);
    expect(seen[1].divergedAtEpoch).toBe(3);
    expect(seen[2].note).toContain('boom');
    expect(end.best && [1, 2].includes(end.best.index)).toBe(false);
  });

  test('a grid smaller than the budget ends as exhausted with a message', async () => {
    const end = await runSweep(
      { ...base, sampler: 'grid', budget: 50, space: { learningRate: base.space.learningRate } },
      quadratic,
    );
    expect(end.status).toBe('exhausted');
    expect(end.message).toMatch(/3 grid points/);
  });

  test('the same seed gives the same trials; stop ends early', async () => {
    const a: TrialRecord[] = [], b: TrialRecord[] = [];
    await runSweep({ ...base, sampler: 'tpe' }, quadratic, { onTrialDone: (t) => a.push(t) });
    await runSweep({ ...base, sampler: 'tpe' }, quadratic, { onTrialDone: (t) => b.push(t) });
    expect(a.map((t) => t.params)).toEqual(b.map((t) => t.params));
    const ctrl = new AbortController();
    const end = await runSweep(base, quadratic, { onTrialDone: (t) => { if (t.index === 2) ctrl.abort(); } }, ctrl.signal);
    expect(end.status).toBe('stopped');
  });
});

test('step mode: each trial waits for the go-ahead before it is trained', async () => {
  const log: string[] = [];
  const end = await runSweep({ ...base, budget: 3 }, async (hp, t) => { log.push(`train ${t.index}`); return quadratic(hp, t); }, {
    onTrialStart: (t) => log.push(`proposed ${t.index}`),
    beforeTrain: async (t) => { await new Promise((r) => setTimeout(r, 5)); log.push(`go ${t.index}`); },
  });
  expect(end.status).toBe('complete');
  expect(log).toEqual(['proposed 0', 'go 0', 'train 0', 'proposed 1', 'go 1', 'train 1', 'proposed 2', 'go 2', 'train 2']);
});

describe('resuming a sweep', () => {
  for (const sampler of ['random', 'gp', 'tpe', 'grid'] as const) {
    test(`${sampler}: a resume after k trials proposes what an uninterrupted run would have`, async () => {
      const cfg = { ...base, sampler, budget: 9 };
      const full: TrialRecord[] = [];
      await runSweep(cfg, quadratic, { onTrialDone: (t) => full.push(t) });
      const firstPart: TrialRecord[] = [];
      const ctrl = new AbortController();
      await runSweep(cfg, quadratic, { onTrialDone: (t) => { firstPart.push(t); if (t.index === 3) ctrl.abort(); } }, ctrl.signal);
      expect(firstPart).toHaveLength(4);
      const rest: TrialRecord[] = [];
      const end = await runSweep(cfg, quadratic, { onTrialDone: (t) => rest.push(t) }, undefined, firstPart);
      expect(end.status).toBe('complete');
      expect(rest.map((t) => t.index)).toEqual([4, 5, 6, 7, 8]);
      expect(rest.map((t) => t.params)).toEqual(full.slice(4).map((t) => t.params));
    });
  }

  test('a history that does not match the study is refused with a message', async () => {
    const bogus: TrialRecord = { id: 0, index: 0, params: { learningRate: 0.5, unitsPerLayer: 3 }, hp: defaultHyperparams, status: 'complete', value: 1, durationMs: 1 };
    await expect(runSweep(base, quadratic, {}, undefined, [bogus])).rejects.toThrow(/Cannot resume/);
  });
});

describe('runSweep on a pool of workers', () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // The objective depends on the trial's hyperparameters only; each unit takes a random time, so units
  // finish in a scrambled order on more than one worker.
  const objective = (hp: TrialRecord['hp']) => (Math.log10(hp.learningRate) + 2) ** 2 + hp.unitsPerLayer / 100;
  const run = async (workers: number, sampler: 'random' | 'grid', delaySeed: number) => {
    let seed = delaySeed;
    const delay = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % 7);
    const trained = new Map<number, number>();
    const done: TrialRecord[] = [];
    const end = await runSweep({ ...base, sampler, budget: 19 }, quadratic, { onTrialDone: (t) => done.push(t) }, undefined, [], {
      size: 3,
      workers,
      // Two architectures: trials batch with their own kind only.
      key: (hp) => (hp.unitsPerLayer % 2 === 0 ? 'even' : 'odd'),
      evaluate: async (items, _signal, worker) => {
        expect(worker).toBeLessThan(workers);
        for (const it of items) trained.set(it.trial.index, (trained.get(it.trial.index) ?? 0) + 1);
        await sleep(delay());
        return items.map((it) => ({ status: 'complete' as const, value: objective(it.hp) }));
      },
    });
    return { end, done, trained };
  };

  for (const sampler of ['random', 'grid'] as const) {
    test(`${sampler}: the same trials and results, in the same order, on 1, 2 or 4 workers; each trial trained once`, async () => {
      const one = await run(1, sampler, 1);
      expect(one.done.length).toBeGreaterThan(5);
      for (const [workers, delaySeed] of [[2, 7], [4, 99], [4, 3]] as const) {
        const r = await run(workers, sampler, delaySeed);
        expect(r.end.status).toBe(one.end.status);
        expect(r.done.map((t) => t.index)).toEqual(one.done.map((_, i) => i)); // reported in trial order
        expect(r.done.map((t) => [t.params, t.status, t.value])).toEqual(one.done.map((t) => [t.params, t.status, t.value]));
        expect(r.end.best?.index).toBe(one.end.best?.index);
        expect([...r.trained.values()].every((c) => c === 1)).toBe(true);
        expect(r.trained.size).toBe(r.done.length);
      }
    });
  }

  test('a Stop while units train keeps the records in trial order with no gap', async () => {
    const ctrl = new AbortController();
    const done: TrialRecord[] = [];
    let units = 0;
    const end = await runSweep({ ...base, budget: 30 }, quadratic, { onTrialDone: (t) => done.push(t) }, ctrl.signal, [], {
      size: 2,
      workers: 3,
      key: (hp) => String(hp.unitsPerLayer % 3),
      evaluate: async (items, signal) => {
        if (++units === 4) ctrl.abort();
        await sleep(2);
        return items.map(() => (signal?.aborted ? { status: 'stopped' as const } : { status: 'complete' as const, value: 1 }));
      },
    });
    expect(end.status).toBe('stopped');
    expect(done.map((t) => t.index)).toEqual(done.map((_, i) => i));
    expect(done.length).toBeLessThan(30);
  });
});

test('units hold at most size trials and every worker gets one', async () => {
  const units: { size: number; worker: number }[] = [];
  await runSweep({ ...base, budget: 8, space: { learningRate: base.space.learningRate } }, quadratic, {}, undefined, [], {
    size: 4,
    workers: 2,
    key: () => 'same',
    evaluate: async (items, _s, worker) => {
      units.push({ size: items.length, worker });
      return items.map(() => ({ status: 'complete' as const, value: 1 }));
    },
  });
  expect(units.map((u) => u.size)).toEqual([4, 4]);
  expect(new Set(units.map((u) => u.worker))).toEqual(new Set([0, 1]));
});
