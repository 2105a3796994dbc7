import { expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-wasm';
import { trainBatched } from './batched';
import { train } from './trainer';
import { prepareData } from './prepare';
import { defaultHyperparams } from '../core/hyperparams';

test('batched training runs on the wasm backend (the fallback after a lost WebGL context) and matches separate runs', async () => {
  await tf.setBackend('wasm');
  await tf.ready();
  expect(tf.getBackend()).toBe('wasm');
  const p = prepareData({ kind: 'toy', id: 'xor', n: 80, noise: 0, seed: 1 }, 0.25, 1);
  if ('error' in p) throw new Error(p.error);
  for (const activation of ['tanh', 'relu'] as const) {
    const trials = [0.01, 0.1].map((lr, i) => ({ hp: { ...defaultHyperparams, epochs: 3, learningRate: lr, activation }, seed: 10 + i }));
    const batched = await trainBatched({ trials, data: p.split });
    for (const [i, tr] of trials.entries()) {
      const alone = await train({ hp: tr.hp, data: p.split, seed: tr.seed });
      expect(batched[i].status).toBe('complete');
      batched[i].epochs.forEach((m, e) => expect(Math.abs(m.valLoss - alone.epochs[e].valLoss) / alone.epochs[e].valLoss).toBeLessThan(1e-4));
    }
  }
}, 60_000);
