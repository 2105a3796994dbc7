import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { assertBatchable, batchKey, MAX_STACK, STACK_DATA_BYTES, stackSize, trainBatched, type BatchedTrial } from './batched';
import { train, type TrainResult } from './trainer';
import { defaultHyperparams, optimizers, type Hyperparams } from '../core/hyperparams';
import type { Split } from './datasets/types';
import { blobs } from './testBlobs';

const split = (task: 'classification' | 'regression'): Split => ({
  train: blobs(150, 1, task, 3), // 150 rows, batch 16: a short last batch every epoch
  validation: blobs(40, 2, task, 3),
});
const hp = (over: Partial<Hyperparams>): Hyperparams => ({ ...defaultHyperparams, epochs: 5, ...over });

/** Largest relative difference |a - b| / max(|b|, 1e-3) over every epoch's losses (and accuracy). */
function maxRelDiff(batched: TrainResult, separate: TrainResult): number {
  expect(batched.epochs.length).toBe(separate.epochs.length);
  let worst = 0;
  batched.epochs.forEach((m, i) => {
    const s = separate.epochs[i];
    expect(m.epoch).toBe(s.epoch);
    const pairs: [number, number][] = [[m.trainLoss, s.trainLoss], [m.valLoss, s.valLoss]];
    if (s.valAccuracy !== undefined) pairs.push([m.valAccuracy!, s.valAccuracy]);
    for (const [a, b] of pairs) worst = Math.max(worst, Math.abs(a - b) / Math.max(Math.abs(b), 1e-3));
  });
  return worst;
}
const separately = async (trials: BatchedTrial[], data: Split): Promise<TrainResult[]> => {
  const out: TrainResult[] = [];
  for (const t of trials) out.push(await train({ hp: t.hp, data, seed: t.seed }));
  return out;
};

/**
 * Stated tolerance: relative 1e-6 on every epoch's train loss, val loss and val accuracy, over 5 to 12 epochs,
 * on the cpu backend. Measured: 0 (bit-identical), since the stack runs the same float32 ops in the same
 * order as train(); the margin is for other backends' kernels, where 1e-4 is the looser bound to expect.
 */
const TOL = 1e-6;
const measured: Record<string, number> = {};
/** Generous: other work shares these 2 cores; nothing here asserts on speed. */
const SLOW = { timeout: 120_000 };

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('trainBatched equals separate train() runs', () => {
  for (const optimizer of optimizers) {
    test(`${optimizer}: 3 trials (own seeds, learning rates, l2), classification and regression`, SLOW, async () => {
      const lr = { sgd: 0.1, momentum: 0.02, adam: 0.01, rmsprop: 0.005, adagrad: 0.1 }[optimizer];
      for (const [task, activation] of [['classification', 'tanh'], ['regression', 'relu']] as const) {
        const data = split(task);
        const arch = { optimizer, activation, hiddenLayers: 2, unitsPerLayer: 8, batchSize: 16 } as const;
        const trials: BatchedTrial[] = [
          { hp: hp({ ...arch, learningRate: lr, l2: 0 }), seed: 11 },
          { hp: hp({ ...arch, learningRate: lr * 3, l2: 0.001 }), seed: 12 },
          { hp: hp({ ...arch, learningRate: lr / 3, l2: 0 }), seed: 13 },
        ];
        const batched = await trainBatched({ trials, data });
        const alone = await separately(trials, data);
        batched.forEach((r, i) => {
          expect(r.status).toBe('complete');
          expect(r.epochs).toHaveLength(5);
          expect(r.batchSize).toBe(16);
          const diff = maxRelDiff(r, alone[i]);
          measured[`${optimizer}/${task}`] = Math.max(measured[`${optimizer}/${task}`] ?? 0, diff);
          expect(diff, `${optimizer} ${task} trial ${i}`).toBeLessThan(TOL);
        });
        // The trials really are different runs, not copies of one another.
        expect(batched[0].epochs[4].trainLoss).not.toBe(batched[1].epochs[4].trainLoss);
      }
    });
  }

  test('trials of different widths, padded to the widest, follow train() for every optimizer and sigmoid', SLOW, async () => {
    // Sigmoid(0) = 0.5, so a padded unit would leak into the next layer without its mask.
    for (const optimizer of optimizers) {
      const lr = { sgd: 0.1, momentum: 0.02, adam: 0.01, rmsprop: 0.005, adagrad: 0.1 }[optimizer];
      for (const [task, activation] of [['classification', 'sigmoid'], ['regression', 'relu']] as const) {
        const data = split(task);
        const arch = { optimizer, activation, hiddenLayers: 2, batchSize: 16, epochs: 4 } as const;
        const trials: BatchedTrial[] = [
          { hp: hp({ ...arch, unitsPerLayer: 3, learningRate: lr, l2: 0.001 }), seed: 21 },
          { hp: hp({ ...arch, unitsPerLayer: 16, learningRate: lr * 2, l2: 0 }), seed: 22 },
          { hp: hp({ ...arch, unitsPerLayer: 7, learningRate: lr / 2, l2: 0 }), seed: 23 },
        ];
        const batched = await trainBatched({ trials, data });
        const alone = await separately(trials, data);
        batched.forEach((r, i) => {
          expect(r.status).toBe('complete');
          const diff = maxRelDiff(r, alone[i]);
          measured[`padded ${optimizer}/${task}`] = Math.max(measured[`padded ${optimizer}/${task}`] ?? 0, diff);
          expect(diff, `${optimizer} ${task} width ${trials[i].hp.unitsPerLayer}`).toBeLessThan(TOL);
        });
      }
    }
  });

  test('a padded stack that loses its widest trial keeps the others exact', SLOW, async () => {
    const data = split('classification');
    const arch = { optimizer: 'adam', activation: 'tanh', hiddenLayers: 1, batchSize: 16 } as const;
    const trials: BatchedTrial[] = [
      { hp: hp({ ...arch, unitsPerLayer: 32, epochs: 2, learningRate: 0.01 }), seed: 31 },
      { hp: hp({ ...arch, unitsPerLayer: 5, epochs: 6, learningRate: 0.02 }), seed: 32 },
      { hp: hp({ ...arch, unitsPerLayer: 9, epochs: 6, learningRate: 0.005 }), seed: 33 },
    ];
    const before = tf.memory().numTensors;
    const batched = await trainBatched({ trials, data });
    expect(tf.memory().numTensors).toBe(before);
    const alone = await separately(trials, data);
    expect(batched.map((r) => r.epochs.length)).toEqual([2, 6, 6]);
    batched.forEach((r, i) => expect(maxRelDiff(r, alone[i])).toBeLessThan(TOL));
  });

  test('every activation and a zero-hidden-layer model follow train() too', SLOW, async () => {
    const data = split('classification');
    for (const activation of ['sigmoid', 'linear', 'elu', 'selu', 'softplus'] as const) {
      for (const hiddenLayers of activation === 'linear' ? [0, 1] : [1]) {
        const arch = { optimizer: 'adam', activation, hiddenLayers, unitsPerLayer: 5, batchSize: 32, epochs: 3 } as const;
        const trials = [
          { hp: hp({ ...arch, learningRate: 0.02 }), seed: 4 },
          { hp: hp({ ...arch, learningRate: 0.05 }), seed: 5 },
        ];
        const batched = await trainBatched({ trials, data });
        const alone = await separately(trials, data);
        batched.forEach((r, i) => expect(maxRelDiff(r, alone[i]), `${activation} ${hiddenLayers}`).toBeLessThan(TOL));
      }
    }
  });

  test('trials with the same seed share initial weights and data order, and still differ by learning rate', SLOW, async () => {
    const data = split('regression');
    const arch = { optimizer: 'sgd', activation: 'tanh', hiddenLayers: 1, unitsPerLayer: 8, batchSize: 16, epochs: 5 } as const;
    const trials = [0.001, 0.01, 0.1].map((learningRate) => ({ hp: hp({ ...arch, learningRate }), seed: 7 }));
    const [slow, mid, fast] = await trainBatched({ trials, data });
    const alone = await separately(trials, data);
    [slow, mid, fast].forEach((r, i) => expect(maxRelDiff(r, alone[i])).toBeLessThan(TOL));
    // Same start: the first-epoch losses differ only through the learning rate, and a larger rate learns faster.
    expect(slow.epochs[0].trainLoss).toBeGreaterThan(mid.epochs[0].trainLoss);
    expect(mid.epochs[0].trainLoss).toBeGreaterThan(fast.epochs[0].trainLoss);
    expect(slow.epochs[4].valLoss).toBeGreaterThan(mid.epochs[4].valLoss * 1.5);
    expect(mid.epochs[4].valLoss).toBeGreaterThan(fast.epochs[4].valLoss * 1.5);
    // A stack of one is the same run as the same trial inside the stack.
    const [solo] = await trainBatched({ trials: [trials[1]], data });
    expect(maxRelDiff(solo, mid)).toBeLessThan(TOL);
  });
});

describe('trainBatched per-trial control', () => {
  test('a diverging trial is marked at its epoch and leaves the others untouched', SLOW, async () => {
    const data = split('regression');
    const arch = { optimizer: 'sgd', activation: 'relu', hiddenLayers: 2, unitsPerLayer: 16, batchSize: 16, epochs: 12 } as const;
    const trials: BatchedTrial[] = [
      { hp: hp({ ...arch, learningRate: 0.01 }), seed: 1 },
      { hp: hp({ ...arch, learningRate: 10 }), seed: 1 },
      { hp: hp({ ...arch, learningRate: 0.03 }), seed: 2 },
    ];
    const seen: Record<number, number[]> = { 0: [], 1: [], 2: [] };
    const before = tf.memory().numTensors;
    const batched = await trainBatched({ trials, data, onEpoch: (i, m) => seen[i].push(m.epoch) });
    expect(tf.memory().numTensors).toBe(before);
    const alone = await separately(trials, data);
    expect(alone[1].status).toBe('diverged');
    const at = alone[1].divergedAtEpoch!;
    expect(at).toBeLessThan(12);
    expect(batched[1].status).toBe('diverged');
    expect(batched[1].divergedAtEpoch).toBe(at);
    expect(batched[1].epochs).toHaveLength(at - 1);
    expect(seen[1]).toEqual(Array.from({ length: at - 1 }, (_, i) => i + 1));
    expect(maxRelDiff(batched[1], alone[1])).toBeLessThan(TOL);
    for (const i of [0, 2]) {
      expect(batched[i].status).toBe('complete');
      expect(seen[i]).toHaveLength(12);
      expect(maxRelDiff(batched[i], alone[i])).toBeLessThan(TOL);
    }
    expect(batched[1].durationMs).toBeLessThanOrEqual(batched[0].durationMs);
  });

  test('trials may run different numbers of epochs: a short one completes, the rest go on unchanged', SLOW, async () => {
    const data = split('classification');
    const arch = { optimizer: 'momentum', activation: 'tanh', hiddenLayers: 1, unitsPerLayer: 6, batchSize: 20 } as const;
    const trials: BatchedTrial[] = [
      { hp: hp({ ...arch, learningRate: 0.05, epochs: 6 }), seed: 3 },
      { hp: hp({ ...arch, learningRate: 0.02, epochs: 2 }), seed: 4 },
      { hp: hp({ ...arch, learningRate: 0.01, epochs: 4, l2: 0.01 }), seed: 5 },
    ];
    const batched = await trainBatched({ trials, data });
    const alone = await separately(trials, data);
    expect(batched.map((r) => r.epochs.length)).toEqual([6, 2, 4]);
    batched.forEach((r, i) => {
      expect(r.status).toBe('complete');
      expect(maxRelDiff(r, alone[i])).toBeLessThan(TOL);
    });
  });

  test('abort stops every running trial; a fault interrupts them and drops the epoch', SLOW, async () => {
    const data = split('classification');
    const arch = { optimizer: 'adam', hiddenLayers: 1, unitsPerLayer: 4, batchSize: 32, epochs: 10 } as const;
    const trials = [1, 2].map((seed) => ({ hp: hp({ ...arch }), seed }));
    const controller = new AbortController();
    const stopped = await trainBatched({
      trials,
      data,
      signal: controller.signal,
      onEpoch: (i, m) => i === 1 && m.epoch === 3 && controller.abort(),
    });
    expect(stopped.map((r) => [r.status, r.epochs.length])).toEqual([['stopped', 3], ['stopped', 3]]);

    let epochs = 0;
    const faulted = await trainBatched({
      trials,
      data,
      onEpoch: (i) => (epochs += i === 0 ? 1 : 0),
      fault: () => (epochs >= 2 ? 'context lost' : null),
    });
    for (const r of faulted) {
      expect(r.status).toBe('interrupted');
      expect(r.interruptedReason).toBe('context lost');
      expect(r.epochs).toHaveLength(2);
      expect(r.tensorDelta).toBe(0);
    }
  });

  test('tf.memory() returns to its baseline, for every optimizer, through divergence and early finishers', SLOW, async () => {
    const data = split('regression');
    await trainBatched({ trials: [{ hp: hp({ epochs: 1 }), seed: 1 }], data }); // warm-up: tfjs's lazy one-time tensors
    const before = tf.memory().numTensors;
    for (const optimizer of optimizers) {
      const arch = { optimizer, activation: 'relu', hiddenLayers: 2, unitsPerLayer: 16, batchSize: 16 } as const;
      const results = await trainBatched({
        trials: [
          { hp: hp({ ...arch, learningRate: 0.01, epochs: 6, l2: 0.001 }), seed: 1 },
          { hp: hp({ ...arch, learningRate: 50, epochs: 6 }), seed: 1 },
          { hp: hp({ ...arch, learningRate: 0.02, epochs: 3 }), seed: 2 },
        ],
        data,
      });
      for (const r of results) expect(r.tensorDelta, optimizer).toBe(0);
      expect(tf.memory().numTensors, optimizer).toBe(before);
    }
  });
});

describe('trainBatched refuses what it cannot stack', () => {
  const data = split('classification');
  const base = hp({ epochs: 1 });
  test.each([
    ['hiddenLayers', { hiddenLayers: 3 }],
    ['activation', { activation: 'relu' }],
    ['batchSize', { batchSize: 64 }],
    ['optimizer', { optimizer: 'sgd' }],
  ] as const)('different %s: a clear error, before any tensor is made', async (name, over) => {
    const before = tf.memory().numTensors;
    const trials = [{ hp: base, seed: 1 }, { hp: { ...base, ...over }, seed: 2 }];
    await expect(trainBatched({ trials, data })).rejects.toThrow(
      new RegExp(`must share ${name} \\(trial 0 has .+, trial 1 has .+\\)`),
    );
    expect(() => assertBatchable(trials)).toThrow(/batchKey/);
    expect(batchKey(trials[0].hp)).not.toBe(batchKey(trials[1].hp));
    expect(tf.memory().numTensors).toBe(before);
  });

  test('dropout and an empty list are refused; learning rate, l2, seed and epochs may differ', async () => {
    await expect(
      trainBatched({ trials: [{ hp: base, seed: 1 }, { hp: { ...base, dropout: 0.2 }, seed: 1 }], data }),
    ).rejects.toThrow(/dropout is not supported \(trial 1 has dropout 0.2\)/);
    await expect(trainBatched({ trials: [], data })).rejects.toThrow(/no trials/);
    expect(batchKey({ ...base, dropout: 0.1 })).toBeNull();
    const other = { ...base, learningRate: 0.5, l2: 0.01, epochs: 9 };
    expect(batchKey(other)).toBe(batchKey(base));
    expect(() => assertBatchable([{ hp: base, seed: 1 }, { hp: other, seed: 2 }])).not.toThrow();
  });

  test('widths are in the key unless padding is asked; with no hidden layer the width does not matter', () => {
    const wide = { ...base, unitsPerLayer: base.unitsPerLayer * 2 };
    expect(batchKey(wide)).not.toBe(batchKey(base));
    expect(batchKey(wide, { padWidths: true })).toBe(batchKey(base, { padWidths: true }));
    expect(batchKey({ ...wide, hiddenLayers: 0 })).toBe(batchKey({ ...base, hiddenLayers: 0 }));
    expect(batchKey({ ...base, dropout: 0.1 }, { padWidths: true })).toBeNull();
  });

  test('a stack holds up to MAX_STACK trials, fewer when each epoch\'s copy of the rows would be large', () => {
    expect(stackSize(320, 2)).toBe(MAX_STACK);
    expect(stackSize(2000, 784)).toBe(Math.floor(STACK_DATA_BYTES / (2000 * 784 * 4)));
    expect(stackSize(2000, 784)).toBeLessThan(MAX_STACK);
    expect(stackSize(1e6, 1000)).toBe(1);
    expect(stackSize(0, 0)).toBe(MAX_STACK);
  });

  test('report the measured agreement', () => {
    // Not an assertion on speed or precision beyond TOL: a record of what the cpu backend gave.
    console.info('trainBatched vs train(), max relative difference per optimizer/task:', measured);
  });
});
