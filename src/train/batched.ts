/**
 * Trains K trials that share an architecture as ONE stacked computation, so a sweep pays the per-step
 * dispatch cost (~8 ms on WebGL, whatever the model size) once per step instead of K times.
 *
 * Each layer's weights are stacked into [K, in, out] kernels and [K, 1, out] biases; the forward pass is a
 * batched matMul over the K dimension; the K per-trial losses come out as one [K] vector whose gradient
 * (of their sum: trials share no weights, so each trial gets its own gradient) is taken in one backward
 * pass; a stacked optimizer (batchedOptimizers.ts) applies tfjs's update rule with a per-trial learning rate.
 *
 * Equal to separate train() runs (up to float rounding), by construction:
 * - weights: trial i's initial weights are those buildModel(hp, shape, rng.uint32()) draws for its seed,
 *   copied into the stack;
 * - data order: every trial keeps its own rng and shuffles its own row order once per epoch exactly as
 *   train() does, and its rows are gathered from a [K, n] index tensor: trials with different seeds see
 *   different orders, as they would alone (no shared order is imposed);
 * - loss: softmax cross-entropy on logits (classification) or mean squared error (regression), per trial
 *   averaged over its batch, plus l2 * (sum of squared kernels) when l2 > 0; the reported train loss
 *   includes that penalty, as train()'s does.
 *
 * What trials may differ in: learningRate, l2, seed, epochs (a trial with fewer epochs completes and
 * leaves the stack) and unitsPerLayer. What they must share: hiddenLayers, activation, batchSize and
 * optimizer (one update rule per stack); dropout must be 0 (a dropout mask per trial would break equality
 * with train()'s seeded dropout). batchKey() says which trials can share a stack; trainBatched throws a
 * clear error otherwise.
 *
 * Different widths: every hidden layer is padded to the widest trial's width W. A trial of width u keeps
 * its own initial weights in the top-left [in_u, u] block of each [in_W, W] kernel, zeros elsewhere, and a
 * [K, 1, W] mask of u ones then zeros multiplies every hidden activation. So a padded unit outputs 0 (even
 * where the activation of 0 is not 0, as sigmoid's), its incoming and outgoing weights get zero gradients
 * and, under every optimizer here (sgd, momentum, adam, rmsprop, adagrad), a zero gradient moves a zero
 * weight by exactly 0; the l2 penalty of zeros is 0. The padding adds exact zeros to every sum, so the
 * result equals training the trial alone (measured bit-identical on cpu, batched.test.ts). On WebGL, where
 * a step costs its dispatches, not its arithmetic, a padded stack costs about one trial; on cpu and wasm
 * the padding is real arithmetic, so batchKey() pads only when asked (padWidths).
 *
 * Divergence: as in train(), a trial whose epoch train or validation loss is NaN or infinite is marked
 * 'diverged' at that epoch (the epoch is not recorded). It then leaves the stack: every stacked tensor is
 * gathered down to the trials still running, so it costs nothing more and touches nothing else (trials
 * never mix: every op is per-trial along the K axis).
 *
 * Measured: bit-identical per-epoch losses and accuracies to separate train() runs on cpu (batched.test.ts)
 * and on headless Chromium's WebGL, for all five optimizers. On WebGL every distinct stack size K compiles
 * its own shader programs once (tfjs keys programs by shape), so the first run at a new K, and a stack that
 * shrinks, pays that compile; warm, 16 trials cost about what one does.
 *
 * Metrics: each trial's samplesPerSec is its own rows per second of wall time (the stack as a whole moves
 * K times as many); durationMs runs from the start until that trial finished; tensorDelta is the run's.
 */
import { INTERRUPTED, interruptibleReads } from './interrupt';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../core/rng';
import type { ActivationName, Hyperparams } from '../core/hyperparams';
import type { Split } from './datasets/types';
import type { EpochMetrics, RunStatus, TrainResult } from './trainer';
import { buildModel } from './model';
import { planBatches } from './batch';
import { yieldToEventLoop } from './yield';
import { createStackedOptimizer, type StackedOptimizer } from './batchedOptimizers';

export interface BatchedTrial {
  hp: Hyperparams;
  seed: number;
}

export interface BatchedTrainOptions {
  trials: readonly BatchedTrial[];
  data: Split;
  /** Called after each epoch of each trial still running, with the trial's index in `trials`. */
  onEpoch?: (trialIndex: number, m: EpochMetrics) => void;
  /** Aborting stops every running trial at the next epoch boundary ('stopped'). */
  signal?: AbortSignal;
  /** Asked after every epoch: a reason to interrupt the run (a lost WebGL context), or null. */
  fault?: () => string | null;
  /** Settles with a reason when the run must stop at once: reads from a lost GPU context never resolve. */
  interrupted?: Promise<string>;
}

/** Hyperparameters every trial of one stack must share (widths may differ: they are padded). */
export const sharedHyperparams = ['hiddenLayers', 'activation', 'batchSize', 'optimizer'] as const;

/**
 * Trials with equal keys can be trained together by trainBatched; null when a trial cannot be batched at
 * all (dropout > 0: train it with train()). Without padWidths the key includes the width, so only trials
 * of equal width share a stack (no padding arithmetic: the choice for cpu and wasm).
 */
export function batchKey(hp: Hyperparams, opts: { padWidths?: boolean } = {}): string | null {
  if (hp.dropout > 0) return null;
  const key = sharedHyperparams.map((k) => `${k}=${hp[k]}`).join(',');
  // With no hidden layer the width means nothing: such trials always share.
  return opts.padWidths || hp.hiddenLayers === 0 ? key : `${key},unitsPerLayer=${hp.unitsPerLayer}`;
}

/** Most trials in one stack. Measured on software WebGL (20 trials, circle): one stack of 20 took 46 s, stacks of 8 took 57–62 s. */
export const MAX_STACK = 20;
/** Each epoch gathers a [K, n, d] copy of the training rows (every trial its own order): keep that copy under this. */
export const STACK_DATA_BYTES = 64 * 1024 * 1024;

/** How many trials one stack may hold for n training rows of d features (at least 1, at most MAX_STACK). */
export function stackSize(n: number, d: number): number {
  const perTrial = Math.max(1, n * d * 4);
  return Math.max(1, Math.min(MAX_STACK, Math.floor(STACK_DATA_BYTES / perTrial)));
}

/** Throws an Error saying what differs when the trials cannot share one stack. */
export function assertBatchable(trials: readonly BatchedTrial[]): void {
  if (trials.length === 0) throw new Error('trainBatched: no trials to train.');
  trials.forEach((t, i) => {
    if (t.hp.dropout > 0) {
      throw new Error(
        `trainBatched: dropout is not supported (trial ${i} has dropout ${t.hp.dropout}); train that trial with train().`,
      );
    }
  });
  const first = trials[0].hp;
  for (const name of sharedHyperparams) {
    const j = trials.findIndex((t) => t.hp[name] !== first[name]);
    if (j >= 0) {
      throw new Error(
        `trainBatched: all trials must share ${name} (trial 0 has ${JSON.stringify(first[name])}, trial ${j} has ` +
          `${JSON.stringify(trials[j].hp[name])}). Group trials by batchKey() and train each group on its own.`,
      );
    }
  }
}


interface TrialRun {
  status: RunStatus;
  epochs: EpochMetrics[];
  divergedAtEpoch?: number;
  interruptedReason?: string;
  endedAt?: number;
}

function activate(name: ActivationName, x: tf.Tensor): tf.Tensor {
  switch (name) {
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'selu':
      return tf.selu(x);
    case 'softplus':
      return tf.softplus(x);
    case 'relu':
      return tf.relu(x);
    case 'elu':
      return tf.elu(x);
    case 'linear':
      return x;
  }
}

/**
 * The stacked forward pass: params are [kernel, bias] per layer, kernels [K, in, out], biases [K, 1, out];
 * x is [K, rows, in] (or [1, rows, in], broadcast). Mirrors tfjs-layers' Dense: relu, linear and elu go
 * through fused.matMul with the bias, the others through matMul + bias, then the activation.
 */
function forward(params: readonly tf.Tensor[], x: tf.Tensor, activation: ActivationName, mask: tf.Tensor | null): tf.Tensor {
  const layers = params.length / 2;
  let h = x;
  for (let l = 0; l < layers; l++) {
    const hidden = l < layers - 1;
    const act: ActivationName = hidden ? activation : 'linear';
    // The wasm backend's fused matMul takes only a rank-1 bias; there the stacked [K, 1, out] bias is added apart.
    if (tf.getBackend() === 'wasm') {
      h = activate(act, tf.add(tf.matMul(h as tf.Tensor3D, params[2 * l] as tf.Tensor3D), params[2 * l + 1]));
    } else {
      const fusable = act === 'relu' || act === 'linear' || act === 'elu';
      h = tf.fused.matMul({
        a: h as tf.Tensor3D,
        b: params[2 * l] as tf.Tensor3D,
        bias: params[2 * l + 1],
        activation: fusable ? act : 'linear',
      });
      if (!fusable) h = activate(act, h);
    }
    // Padded units (stacks of different widths) output exactly 0.
    if (hidden && mask) h = tf.mul(h, mask);
  }
  return h;
}

export async function trainBatched(opts: BatchedTrainOptions): Promise<TrainResult[]> {
  const { trials, data, onEpoch, signal, fault, interrupted } = opts;
  assertBatchable(trials);
  const { read, reason: interruptReason } = interruptibleReads(interrupted);

  const started = performance.now();
  const baseline = tf.memory().numTensors;
  const hp0 = trials[0].hp;
  const { train: tr, validation: va } = data;
  const classification = tr.task === 'classification';
  const outputDim = classification ? tr.classNames.length : 1;
  const d = tr.d;
  const n = tr.n;
  const plan = planBatches(hp0.batchSize, n);
  const activation = hp0.activation;

  // Per trial, the same random stream train() would use: one uint32 seeds the model, then one shuffle per epoch.
  const rngs = trials.map((t) => createRng(t.seed));
  const modelSeeds = rngs.map((r) => r.uint32());
  const orders = trials.map(() => Array.from({ length: n }, (_, i) => i));
  const runs: TrialRun[] = trials.map(() => ({ status: 'complete', epochs: [] }));
  /** Trial indices in stack order: row r of every stacked tensor belongs to trials[active[r]]. */
  let active = trials.map((_, i) => i);

  const toTargets = (y: Float32Array, rows: number): tf.Tensor2D =>
    classification
      ? tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), outputDim), 'float32') as tf.Tensor2D)
      : tf.tensor2d(y, [rows, 1]);
  /** Per-trial loss [K] of outputs [K, rows, outputDim] against targets of the same shape, as tf.losses reduces it. */
  const lossOf = (target: tf.Tensor, out: tf.Tensor): tf.Tensor1D => {
    const rows = out.shape[1]!;
    const perRow = classification
      ? tf.losses.softmaxCrossEntropy(target, out, undefined, 0, tf.Reduction.NONE)
      : tf.squaredDifference(target, out);
    const axes = classification ? [1] : [1, 2];
    return tf.div(tf.sum(perRow, axes), tf.scalar(rows * (classification ? 1 : outputDim))) as tf.Tensor1D;
  };

  const xTrain = tf.tensor2d(tr.x, [n, d]);
  const yTrain = toTargets(tr.y, n);
  const xVal = tf.tensor3d(va.x, [1, va.n, d]);
  const yVal = tf.tidy(() => tf.expandDims(toTargets(va.y, va.n), 0)) as tf.Tensor3D;
  const yValIdx = classification ? tf.tensor1d(Int32Array.from(va.y), 'int32') : null;

  // Everything stacked along K, replaced together when trials leave the stack.
  const stack: { params: tf.Variable[]; optimizer: StackedOptimizer | null; l2: tf.Tensor1D | null; mask: tf.Tensor | null } = {
    params: [],
    optimizer: null,
    l2: null,
    mask: null,
  };
  const widths = trials.map((t) => t.hp.unitsPerLayer);
  const width = Math.max(...widths);
  const padded = hp0.hiddenLayers > 0 && widths.some((u) => u !== width);
  /** [K, 1, W]: 1 for each trial's own units, 0 for its padding; null when every trial has the full width. */
  const setMask = (): void => {
    stack.mask?.dispose();
    if (!padded) return;
    const m = new Float32Array(active.length * width);
    active.forEach((trial, row) => m.fill(1, row * width, row * width + widths[trial]));
    stack.mask = tf.tensor3d(m, [active.length, 1, width]);
  };
  const setL2 = (): void => {
    stack.l2?.dispose();
    const values = active.map((i) => trials[i].hp.l2);
    // train() adds no penalty at l2 = 0; a stack of such trials skips it too (0 * x would add nothing).
    stack.l2 = values.some((v) => v > 0) ? tf.tensor1d(values) : null;
  };
  /** Per-trial training loss [K] of a batch: data loss plus each trial's l2 penalty on its kernels. */
  const batchLoss = (ws: readonly tf.Tensor[], xb: tf.Tensor, yb: tf.Tensor): tf.Tensor => {
    const loss = lossOf(yb, forward(ws, xb, activation, stack.mask));
    if (!stack.l2) return loss;
    const penalty = tf.addN(ws.filter((_, i) => i % 2 === 0).map((w) => tf.sum(tf.square(w), [1, 2])));
    return tf.add(loss, tf.mul(penalty, stack.l2));
  };
  const finish = (trial: number, fields: Partial<TrialRun>): void => {
    Object.assign(runs[trial], fields, { endedAt: performance.now() });
  };

  try {
    stack.params = initialParams(trials, { inputDim: d, outputDim }, modelSeeds, width);
    setMask();
    const optimizer = createStackedOptimizer(
      hp0.optimizer,
      trials.map((t) => t.hp.learningRate),
      stack.params.map((p) => p.shape),
    );
    stack.optimizer = optimizer;
    setL2();
    const maxEpochs = Math.max(...trials.map((t) => t.hp.epochs));

    for (let epoch = 1; epoch <= maxEpochs && active.length > 0; epoch++) {
      if (signal?.aborted) {
        for (const i of active) finish(i, { status: 'stopped' });
        break;
      }
      const t0 = performance.now();
      const k = active.length;
      const index = new Int32Array(k * n);
      active.forEach((trial, row) => index.set(rngs[trial].shuffle(orders[trial]), row * n));
      const [xEpoch, yEpoch] = tf.tidy(() => {
        const idx = tf.tensor2d(index, [k, n], 'int32');
        return [tf.gather(xTrain, idx), tf.gather(yTrain, idx)];
      });
      let lossSum: tf.Tensor = tf.zeros([k]);
      for (let start = 0; start < n; start += plan.batchSize) {
        const size = Math.min(plan.batchSize, n - start);
        const next = tf.tidy(() => {
          const xb = tf.slice(xEpoch, [0, start, 0], [k, size, d]);
          const yb = tf.slice(yEpoch, [0, start, 0], [k, size, outputDim]);
          // One backward pass for the [K] loss vector (dy = ones: the gradient of the sum, per trial its own).
          const { value, grads } = tf.valueAndGrads((...ws: tf.Tensor[]) => batchLoss(ws, xb, yb))(stack.params);
          optimizer.apply(stack.params, grads);
          return tf.add(lossSum, tf.mul(value, size));
        });
        lossSum.dispose();
        lossSum = next;
      }
      xEpoch.dispose();
      yEpoch.dispose();

      const stats = tf.tidy(() => {
        const out = forward(stack.params, xVal, activation, stack.mask);
        const valLoss = lossOf(tf.tile(yVal, [k, 1, 1]), out);
        const valAcc = yValIdx ? tf.mean(tf.cast(tf.equal(tf.argMax(out, 2), yValIdx), 'float32'), 1) : tf.zeros([k]);
        return tf.stack([lossSum, valLoss, valAcc]);
      });
      lossSum.dispose();
      const read1 = await read(stats.data() as Promise<Float32Array>);
      stats.dispose();
      // Numbers read after a lost context are garbage (or never come): drop this epoch and stop.
      const problem = read1 === INTERRUPTED ? (interruptReason() ?? 'interrupted') : (fault?.() ?? null);
      if (problem !== null) {
        for (const i of active) finish(i, { status: 'interrupted', interruptedReason: problem });
        break;
      }
      const values = read1 as Float32Array;
      const elapsed = performance.now() - t0;
      const keepRows: number[] = [];
      active.forEach((trial, row) => {
        const m: EpochMetrics = {
          epoch,
          trainLoss: values[row] / n,
          valLoss: values[k + row],
          ...(classification ? { valAccuracy: values[2 * k + row] } : {}),
          samplesPerSec: elapsed > 0 ? (n / elapsed) * 1000 : 0,
        };
        if (!Number.isFinite(m.trainLoss) || !Number.isFinite(m.valLoss)) {
          finish(trial, { status: 'diverged', divergedAtEpoch: epoch });
          return;
        }
        runs[trial].epochs.push(m);
        onEpoch?.(trial, m);
        if (epoch >= trials[trial].hp.epochs) finish(trial, { status: 'complete' });
        else keepRows.push(row);
      });
      active = keepRows.map((r) => active[r]);
      if (keepRows.length > 0 && keepRows.length < k) {
        stack.params = keepTrials(stack.params, keepRows);
        optimizer.keep(keepRows);
        setL2();
        setMask();
      }
      await yieldToEventLoop();
    }
  } finally {
    for (const p of stack.params) p.dispose();
    stack.optimizer?.dispose();
    stack.l2?.dispose();
    stack.mask?.dispose();
    xTrain.dispose();
    yTrain.dispose();
    xVal.dispose();
    yVal.dispose();
    yValIdx?.dispose();
  }
  const ended = performance.now();
  const tensorDelta = tf.memory().numTensors - baseline;
  return runs.map((r) => ({
    status: r.status,
    epochs: r.epochs,
    ...(r.divergedAtEpoch !== undefined ? { divergedAtEpoch: r.divergedAtEpoch } : {}),
    ...(r.interruptedReason !== undefined ? { interruptedReason: r.interruptedReason } : {}),
    batchSize: plan.batchSize,
    batchClamped: plan.clamped,
    durationMs: (r.endedAt ?? ended) - started,
    tensorDelta,
  }));
}

/**
 * Stacked variables [kernel0, bias0, kernel1, bias1, ...] holding, in row i, the initial weights buildModel
 * gives trial i for its seed (kernels [K, in, out], biases [K, 1, out]), zero-padded to `width` hidden units.
 */
function initialParams(
  trials: readonly BatchedTrial[],
  shape: { inputDim: number; outputDim: number },
  seeds: readonly number[],
  width: number,
): tf.Variable[] {
  const layers = trials[0].hp.hiddenLayers + 1;
  const perTrial: tf.Tensor[][] = trials.map((t, i) => {
    const model = buildModel(t.hp, shape, seeds[i]);
    try {
      return model.getWeights().map((w, j) => {
        const layer = Math.floor(j / 2);
        const inPad = layer === 0 ? 0 : width - t.hp.unitsPerLayer;
        const outPad = layer === layers - 1 ? 0 : width - t.hp.unitsPerLayer;
        if (inPad === 0 && outPad === 0) return tf.clone(w);
        return w.rank === 1 ? tf.pad(w, [[0, outPad]]) : tf.pad(w, [[0, inPad], [0, outPad]]);
      });
    } finally {
      model.dispose();
    }
  });
  try {
    return perTrial[0].map((w0, j) =>
      tf.tidy(() => {
        const stacked = tf.stack(perTrial.map((ws) => ws[j]));
        return tf.variable(w0.rank === 1 ? tf.expandDims(stacked, 1) : stacked);
      }),
    );
  } finally {
    for (const ws of perTrial) for (const w of ws) w.dispose();
  }
}

/** New variables holding only the given rows of each stacked parameter; the old ones are disposed. */
function keepTrials(params: readonly tf.Variable[], rows: readonly number[]): tf.Variable[] {
  const idx = tf.tensor1d(Int32Array.from(rows), 'int32');
  const next = params.map((p) => tf.tidy(() => tf.variable(tf.gather(p, idx))));
  idx.dispose();
  for (const p of params) p.dispose();
  return next;
}
