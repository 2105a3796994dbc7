import { expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { buildModel, buildOptimizer, disposeOptimizer } from './model';
import { defaultHyperparams, optimizers } from '../core/hyperparams';

test('every optimizer is freed completely (tfjs momentum leaks one scalar without the workaround)', async () => {
  await tf.setBackend('cpu');
  for (const name of optimizers) {
    const before = tf.memory().numTensors;
    disposeOptimizer(buildOptimizer(name, 0.1));
    expect(tf.memory().numTensors, name).toBe(before);
  }
});

test('the model has the asked depth and width, and its seed fixes its weights', async () => {
  await tf.setBackend('cpu');
  const hp = { ...defaultHyperparams, hiddenLayers: 3, unitsPerLayer: 5, dropout: 0.1 };
  const a = buildModel(hp, { inputDim: 4, outputDim: 3 }, 7);
  const b = buildModel(hp, { inputDim: 4, outputDim: 3 }, 7);
  const dense = a.layers.filter((l) => l.getClassName() === 'Dense');
  expect(dense.map((l) => (l.getConfig() as { units: number }).units)).toEqual([5, 5, 5, 3]);
  expect(a.layers.filter((l) => l.getClassName() === 'Dropout')).toHaveLength(3);
  const wa = await a.getWeights()[0].data(), wb = await b.getWeights()[0].data();
  expect(Array.from(wa)).toEqual(Array.from(wb));
  a.dispose();
  b.dispose();
});
