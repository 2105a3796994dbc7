import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { train } from './trainer';
import { defaultHyperparams, type Hyperparams } from '../core/hyperparams';
import type { Split } from './datasets/types';
import { blobs } from './testBlobs';

function split(task: 'classification' | 'regression'): Split {
  return { train: blobs(160, 1, task), validation: blobs(40, 2, task) };
}
const hp = (over: Partial<Hyperparams>): Hyperparams => ({ ...defaultHyperparams, ...over });

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('train', () => {
  test('classification: validation loss falls, accuracy rises, nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const seen: number[] = [];
    const r = await train({
      hp: hp({ epochs: 15, learningRate: 0.05, optimizer: 'adam', hiddenLayers: 1, unitsPerLayer: 8 }),
      data: split('classification'),
      seed: 3,
      onEpoch: (m) => seen.push(m.epoch),
    });
    expect(r.status).toBe('complete');
    expect(seen).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(r.epochs.at(-1)!.valLoss).toBeLessThan(r.epochs[0].valLoss * 0.7);
    expect(r.epochs.at(-1)!.valAccuracy!).toBeGreaterThan(0.9);
    expect(r.tensorDelta).toBe(0);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('same seed gives the same losses; another seed does not', async () => {
    const run = (seed: number) =>
      train({ hp: hp({ epochs: 3, hiddenLayers: 1, dropout: 0.2, l2: 0.001 }), data: split('classification'), seed });
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(a.epochs.map((m) => m.trainLoss)).toEqual(b.epochs.map((m) => m.trainLoss));
    expect(a.epochs.map((m) => m.trainLoss)).not.toEqual(c.epochs.map((m) => m.trainLoss));
  });

  test('every optimizer and a zero-hidden-layer model train on regression', async () => {
    for (const optimizer of ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const) {
      const r = await train({
        hp: hp({ epochs: 8, optimizer, learningRate: 0.02, hiddenLayers: 0 }),
        data: split('regression'),
        seed: 1,
      });
      expect(r.status, optimizer).toBe('complete');
      expect(r.epochs.at(-1)!.valLoss, optimizer).toBeLessThan(r.epochs[0].valLoss);
      expect(r.epochs[0].valAccuracy).toBeUndefined();
    }
  });

  test('a huge learning rate diverges: marked with its epoch, finite part kept, nothing leaks', async () => {
    const before = tf.memory().numTensors;
    const r = await train({
      hp: hp({ epochs: 50, optimizer: 'sgd', learningRate: 10, hiddenLayers: 2, unitsPerLayer: 16, activation: 'relu' }),
      data: split('regression'),
      seed: 1,
    });
    expect(r.status).toBe('diverged');
    expect(r.divergedAtEpoch).toBeGreaterThanOrEqual(1);
    expect(r.epochs.length).toBe(r.divergedAtEpoch! - 1);
    for (const m of r.epochs) expect(Number.isFinite(m.trainLoss)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('Stop mid-run ends after the current epoch', async () => {
    const ctrl = new AbortController();
    const r = await train({
      hp: hp({ epochs: 50 }),
      data: split('classification'),
      seed: 1,
      signal: ctrl.signal,
      onEpoch: (m) => { if (m.epoch === 2) ctrl.abort(); },
    });
    expect(r.status).toBe('stopped');
    expect(r.epochs.length).toBe(2);
    expect(r.tensorDelta).toBe(0);
  });

  test('batch larger than the training split is clamped and reported', async () => {
    const r = await train({ hp: hp({ epochs: 2, batchSize: 500 }), data: split('classification'), seed: 1 });
    expect(r.batchSize).toBe(160);
    expect(r.batchClamped).toBe(true);
  });

  test('surface predictions are class probabilities for each grid point', async () => {
    const points = new Float32Array([-2, -2, 2, 2, 0, 0]);
    let last: Float32Array | null = null;
    await train({
      hp: hp({ epochs: 10, learningRate: 0.05 }),
      data: split('classification'),
      seed: 2,
      surface: { points, onSurface: (v) => { last = v; }, intervalMs: 0 },
    });
    const v = last as unknown as Float32Array;
    expect(v.length).toBe(6);
    expect(v[0] + v[1]).toBeCloseTo(1, 5);
    expect(v[1]).toBeLessThan(0.5); // (-2,-2): class neg
    expect(v[3]).toBeGreaterThan(0.5); // (2,2): class pos
  });
});

describe('faults', () => {
  test('a fault reported after an epoch interrupts the run, drops that epoch, and frees every tensor', async () => {
    const before = tf.memory().numTensors;
    let epochs = 0;
    const r = await train({
      hp: hp({ epochs: 20 }),
      data: split('classification'),
      seed: 1,
      onEpoch: () => { epochs++; },
      fault: () => (epochs >= 3 ? 'The WebGL context was lost.' : null),
    });
    expect(r.status).toBe('interrupted');
    expect(r.interruptedReason).toBe('The WebGL context was lost.');
    expect(r.epochs).toHaveLength(3);
    expect(tf.memory().numTensors).toBe(before);
  });
});

test('an interruption while a read is pending ends the run at once', async () => {
  let fire: (why: string) => void = () => {};
  const interrupted = new Promise<string>((resolve) => { fire = resolve; });
  const r = await train({
    hp: hp({ epochs: 200 }),
    data: split('classification'),
    seed: 1,
    interrupted,
    onEpoch: (m) => { if (m.epoch === 2) fire('lost'); },
  });
  expect(r.status).toBe('interrupted');
  expect(r.interruptedReason).toBe('lost');
  expect(r.epochs.length).toBeLessThanOrEqual(3);
  expect(r.tensorDelta).toBe(0);
});
