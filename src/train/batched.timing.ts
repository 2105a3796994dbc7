/**
 * A timing comparison, not a test: K trials trained one after another with train() vs together with
 * trainBatched(), on the tfjs cpu backend in Node. Prints a markdown table; asserts nothing.
 *   npx tsx src/train/batched.timing.ts [K ...]        (default: 1 4 8 16)
 * The batched stack saves per-step dispatch, which is what dominates tiny networks (and WebGL always).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createRng } from '../core/rng';
import { defaultHyperparams, type Hyperparams } from '../core/hyperparams';
import type { Dataset, Split } from './datasets/types';
import { train } from './trainer';
import { trainBatched, type BatchedTrial } from './batched';

function circle(n: number, seed: number): Dataset {
  const rng = createRng(seed);
  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-1, 1), b = rng.uniform(-1, 1);
    x[2 * i] = a;
    x[2 * i + 1] = b;
    y[i] = a * a + b * b < 0.5 ? 1 : 0;
  }
  return {
    id: 'circle', name: 'circle', task: 'classification', featureNames: ['a', 'b'], n, d: 2, x, y,
    classNames: ['out', 'in'], targetName: 'y', notes: [],
  };
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
  const ks = process.argv.slice(2).map(Number).filter((k) => k > 0);
  const data: Split = { train: circle(400, 1), validation: circle(100, 2) };
  const hp: Hyperparams = { ...defaultHyperparams, optimizer: 'adam', hiddenLayers: 2, unitsPerLayer: 8, batchSize: 10, epochs: 10 };
  const trialsOf = (k: number): BatchedTrial[] =>
    Array.from({ length: k }, (_, i) => ({ hp: { ...hp, learningRate: 0.003 * 1.5 ** i }, seed: i + 1 }));
  await trainBatched({ trials: trialsOf(2), data }); // warm-up
  console.log(`backend ${tf.getBackend()}, 2-8-8-2 tanh, adam, batch 10, 400 rows, 10 epochs\n`);
  console.log('| trials | one after another (ms) | batched (ms) | speed-up |');
  console.log('|---:|---:|---:|---:|');
  for (const k of ks.length > 0 ? ks : [1, 4, 8, 16]) {
    const trials = trialsOf(k);
    let t = performance.now();
    for (const trial of trials) await train({ hp: trial.hp, data, seed: trial.seed });
    const sequential = performance.now() - t;
    t = performance.now();
    await trainBatched({ trials, data });
    const batched = performance.now() - t;
    console.log(`| ${k} | ${sequential.toFixed(0)} | ${batched.toFixed(0)} | ${(sequential / batched).toFixed(1)}x |`);
  }
}

void main();
