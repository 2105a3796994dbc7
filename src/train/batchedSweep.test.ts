import { expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { runSweep, type Evaluation, type TrialRecord } from '../sweep/runner';
import { train, type TrainResult } from './trainer';
import { batchKey, trainBatched } from './batched';
import { trainUnit } from './unit';
import { prepareData } from './prepare';
import { defaultHyperparams } from '../core/hyperparams';
import type { SweepConfig } from '../sweep/config';

const toEval = (r: TrainResult): Evaluation =>
  r.status === 'diverged' ? { status: 'diverged', divergedAtEpoch: r.divergedAtEpoch! } : { status: 'complete', value: r.epochs.at(-1)!.valLoss };

test('a sweep trained in batches gives exactly the trials and results of one trained trial by trial', async () => {
  await tf.setBackend('cpu');
  const p = prepareData({ kind: 'toy', id: 'xor', n: 80, noise: 0, seed: 1 }, 0.25, 1);
  if ('error' in p) throw new Error(p.error);
  const seedOf = (i: number) => 1000 + i;
  for (const sampler of ['random', 'grid'] as const) {
    const cfg: SweepConfig = {
      space: { learningRate: { type: 'float', low: 1e-3, high: 20, log: true }, l2: { type: 'float', low: 1e-5, high: 1e-2, log: true } },
      fixed: { ...defaultHyperparams, epochs: 3, optimizer: 'sgd', batchSize: 16 },
      sampler, budget: 7, objective: 'valLoss', seed: 5, gridPointsPerAxis: 3,
    };
    const one: TrialRecord[] = [], many: TrialRecord[] = [];
    let batches = 0;
    await runSweep(cfg, async (hp, t) => toEval(await train({ hp, data: p.split, seed: seedOf(t.index) })), { onTrialDone: (r) => one.push(r) });
    await runSweep(cfg, async (hp, t) => toEval(await train({ hp, data: p.split, seed: seedOf(t.index) })), { onTrialDone: (r) => many.push(r) }, undefined, [], {
      size: 4,
      key: batchKey,
      evaluate: async (items) => {
        batches++;
        const rs = await trainBatched({ trials: items.map((it) => ({ hp: it.hp, seed: seedOf(it.trial.index) })), data: p.split });
        return rs.map(toEval);
      },
    });
    expect(batches, sampler).toBe(2); // 4 + 3
    expect(many.map((r) => r.params), sampler).toEqual(one.map((r) => r.params));
    expect(many.map((r) => [r.status, r.value]), sampler).toEqual(one.map((r) => [r.status, r.value]));
    expect(many.every((r) => r.batchedWith === 4 || r.batchedWith === 3)).toBe(true);
  }
}, 60_000);

test('a sweep over learning rate and width gives the same results on 1 or 3 workers, padded or not', async () => {
  await tf.setBackend('cpu');
  const p = prepareData({ kind: 'toy', id: 'circle', n: 80, noise: 0.1, seed: 2 }, 0.25, 1);
  if ('error' in p) throw new Error(p.error);
  const seedOf = (i: number) => 2000 + i;
  const cfg: SweepConfig = {
    space: { learningRate: { type: 'float', low: 1e-3, high: 1, log: true }, unitsPerLayer: { type: 'int', low: 2, high: 12 } },
    fixed: { ...defaultHyperparams, epochs: 3, optimizer: 'adam', batchSize: 16, hiddenLayers: 2 },
    sampler: 'random', budget: 9, objective: 'valLoss', seed: 8, gridPointsPerAxis: 3,
  };
  const sweep = async (workers: number, padWidths: boolean) => {
    const done: TrialRecord[] = [];
    const seen = new Map<number, number>();
    await runSweep(cfg, async () => { throw new Error('unused'); }, { onTrialDone: (r) => done.push(r) }, undefined, [], {
      size: 4,
      workers,
      key: (hp) => batchKey(hp, { padWidths }),
      // The executors share this thread here (their trainings interleave at every epoch), as the pool's workers
      // share nothing: each unit has its own tensors, seeds and data order.
      evaluate: async (items) => {
        for (const it of items) seen.set(it.trial.index, (seen.get(it.trial.index) ?? 0) + 1);
        const rs = await trainUnit({ trials: items.map((it) => ({ hp: it.hp, seed: seedOf(it.trial.index) })), data: p.split });
        return rs.map(toEval);
      },
    });
    expect([...seen.values()].every((c) => c === 1) && seen.size === 9).toBe(true);
    return done;
  };
  const reference: TrialRecord[] = [];
  await runSweep(cfg, async (hp, t) => toEval(await train({ hp, data: p.split, seed: seedOf(t.index) })), { onTrialDone: (r) => reference.push(r) });
  expect(new Set(reference.map((r) => r.hp.unitsPerLayer)).size).toBeGreaterThan(3); // widths really differ
  for (const [workers, padWidths] of [[1, true], [3, true], [3, false]] as const) {
    const done = await sweep(workers, padWidths);
    expect(done.map((r) => r.params), `${workers} workers`).toEqual(reference.map((r) => r.params));
    expect(done.map((r) => [r.status, r.value]), `${workers} workers, padded ${padWidths}`).toEqual(reference.map((r) => [r.status, r.value]));
    if (padWidths) expect(done.some((r) => (r.batchedWith ?? 1) > 1)).toBe(true);
  }
}, 120_000);
