import { expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { runSweep, type Evaluation, type TrialRecord } from '../sweep/runner';
import { train, type TrainResult } from './trainer';
import { batchKey, trainBatched } from './batched';
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
