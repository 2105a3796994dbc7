import { expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { train } from './trainer';
import { runSweep } from '../sweep/runner';
import { defaultHyperparams } from '../core/hyperparams';
import { prepareData } from './prepare';

test('a 100-trial sweep keeps tf.memory() flat (tensors and bytes back to baseline after every trial)', async () => {
  await tf.setBackend('cpu');
  const p = prepareData({ kind: 'toy', id: 'xor', n: 60, noise: 0, seed: 1 }, 0.25, 1);
  if ('error' in p) throw new Error(p.error);
  const baseline = tf.memory();
  const counts: number[] = [];
  const end = await runSweep(
    {
      space: {
        learningRate: { type: 'float', low: 1e-3, high: 5, log: true },
        unitsPerLayer: { type: 'int', low: 1, high: 16 },
        optimizer: { type: 'categorical', choices: ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] },
        dropout: { type: 'float', low: 0, high: 0.5 },
      },
      fixed: { ...defaultHyperparams, epochs: 1, batchSize: 32, l2: 0.001 },
      sampler: 'random',
      budget: 100,
      objective: 'valLoss',
      seed: 1,
      gridPointsPerAxis: 2,
    },
    async (hp, trial) => {
      const r = await train({ hp, data: p.split, seed: trial.index });
      counts.push(tf.memory().numTensors);
      if (r.status === 'diverged') return { status: 'diverged' };
      return { status: 'complete', value: r.epochs.at(-1)!.valLoss };
    },
  );
  expect(end.status).toBe('complete');
  expect(counts).toHaveLength(100);
  expect(new Set(counts)).toEqual(new Set([baseline.numTensors]));
  expect(tf.memory().numBytes).toBe(baseline.numBytes);
}, 60_000);
