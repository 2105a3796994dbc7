/**
 * The training loop: train(config) -> result, with per-epoch metrics, divergence detection, Stop,
 * and every tensor owned (tf.tidy per step, explicit dispose of model, optimizer and data).
 */
import { INTERRUPTED, interruptibleReads } from './interrupt';
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../core/rng';
import type { Hyperparams } from '../core/hyperparams';
import type { Split } from './datasets/types';
import { buildModel, buildOptimizer, disposeOptimizer } from './model';
import { planBatches } from './batch';
import { yieldToEventLoop } from './yield';

export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** Classification only. */
  valAccuracy?: number;
  samplesPerSec: number;
}

export type RunStatus = 'complete' | 'diverged' | 'stopped' | 'interrupted';

export interface TrainResult {
  status: RunStatus;
  epochs: EpochMetrics[];
  /** 1-based epoch whose loss was NaN or infinite. */
  divergedAtEpoch?: number;
  /** Why the run was interrupted (the GPU context was lost, say); the epoch in progress was not recorded. */
  interruptedReason?: string;
  batchSize: number;
  batchClamped: boolean;
  durationMs: number;
  /** tf.memory().numTensors after cleanup minus before the run: 0 when nothing leaked. */
  tensorDelta: number;
}

export interface SurfaceRequest {
  /** m points, row-major m x 2, in the model's (standardized) input space. */
  points: Float32Array;
  /** Called with m * outputs values: class probabilities (classification) or the prediction (regression). */
  onSurface: (values: Float32Array, epoch: number) => void;
  /** Minimum milliseconds between surfaces (the last epoch always gets one). */
  intervalMs?: number;
}

export interface TrainOptions {
  hp: Hyperparams;
  data: Split;
  seed: number;
  onEpoch?: (m: EpochMetrics) => void;
  signal?: AbortSignal;
  surface?: SurfaceRequest;
  /** Asked after every epoch: a reason to interrupt the run (a lost WebGL context), or null. */
  fault?: () => string | null;
  /** Settles with a reason when the run must stop at once: reads from a lost GPU context never resolve. */
  interrupted?: Promise<string>;
}


function shuffledCopy(x: Float32Array, y: Float32Array, d: number, order: number[]): [Float32Array, Float32Array] {
  const xs = new Float32Array(x.length);
  const ys = new Float32Array(y.length);
  for (let i = 0; i < order.length; i++) {
    const j = order[i];
    xs.set(x.subarray(j * d, j * d + d), i * d);
    ys[i] = y[j];
  }
  return [xs, ys];
}

/** Targets as the loss wants them, on the host: one-hot rows (classification) or the values (regression). */
function hostTargets(y: Float32Array, outputDim: number, classification: boolean): Float32Array {
  if (!classification) return y;
  const out = new Float32Array(y.length * outputDim);
  for (let i = 0; i < y.length; i++) out[i * outputDim + y[i]] = 1;
  return out;
}

export async function train(opts: TrainOptions): Promise<TrainResult> {
  const { hp, data, seed, onEpoch, signal, surface, fault, interrupted } = opts;
  const { read, reason: interruptReason } = interruptibleReads(interrupted);
  const started = performance.now();
  const baseline = tf.memory().numTensors;
  const { train: tr, validation: va } = data;
  const classification = tr.task === 'classification';
  const outputDim = classification ? tr.classNames.length : 1;
  const d = tr.d;
  const plan = planBatches(hp.batchSize, tr.n);
  const rng = createRng(seed);

  const model = buildModel(hp, { inputDim: d, outputDim }, rng.uint32());
  const optimizer = buildOptimizer(hp.optimizer, hp.learningRate);
  const kernels = model.trainableWeights.filter((w) => w.name.includes('kernel')).map((w) => w.read());

  const toTargets = (y: Float32Array, n: number): tf.Tensor =>
    classification
      ? tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), outputDim), 'float32'))
      : tf.tensor2d(y, [n, 1]);
  const lossOf = (out: tf.Tensor, target: tf.Tensor): tf.Scalar =>
    classification ? tf.losses.softmaxCrossEntropy(target, out) : tf.losses.meanSquaredError(target, out);

  const xVal = tf.tensor2d(va.x, [va.n, d]);
  const yVal = toTargets(va.y, va.n);
  const yValIdx = classification ? tf.tensor1d(Int32Array.from(va.y), 'int32') : null;
  const surfacePoints = surface ? tf.tensor2d(surface.points, [surface.points.length / 2, 2]) : null;

  const epochs: EpochMetrics[] = [];
  let status: RunStatus = 'complete';
  let divergedAtEpoch: number | undefined;
  let interruptedReason: string | undefined;
  let lastSurface = -Infinity;
  const order = Array.from({ length: tr.n }, (_, i) => i);

  try {
    for (let epoch = 1; epoch <= hp.epochs; epoch++) {
      if (signal?.aborted) {
        status = 'stopped';
        break;
      }
      const t0 = performance.now();
      rng.shuffle(order);
      const [xs, ys] = shuffledCopy(tr.x, tr.y, d, order);
      // On the GPU a batch is a slice of the epoch's tensor (one dispatch). On wasm and cpu a slice copies the
      // whole input out of backend memory each step, so batches are made from the shuffled host arrays instead.
      const onHost = tf.getBackend() !== 'webgl';
      const yHost = onHost ? hostTargets(ys, outputDim, classification) : null;
      const xEpoch = onHost ? null : tf.tensor2d(xs, [tr.n, d]);
      const yEpoch = onHost ? null : toTargets(ys, tr.n);
      let lossSum: tf.Scalar = tf.scalar(0);
      for (let start = 0; start < tr.n; start += plan.batchSize) {
        const size = Math.min(plan.batchSize, tr.n - start);
        const next = tf.tidy(() => {
          const xb = xEpoch ? tf.slice(xEpoch, [start, 0], [size, d]) : tf.tensor2d(xs.subarray(start * d, (start + size) * d), [size, d]);
          const yb = yEpoch
            ? tf.slice(yEpoch, [start, 0], [size, outputDim])
            : tf.tensor2d(yHost!.subarray(start * outputDim, (start + size) * outputDim), [size, outputDim]);
          const batchLoss = optimizer.minimize(() => {
            const out = model.apply(xb, { training: true }) as tf.Tensor;
            let loss = lossOf(out, yb);
            if (hp.l2 > 0 && kernels.length > 0) {
              loss = tf.add(loss, tf.mul(tf.addN(kernels.map((k) => tf.sum(tf.square(k)))), hp.l2));
            }
            return loss as tf.Scalar;
          }, true) as tf.Scalar;
          return tf.add(lossSum, tf.mul(batchLoss, size)) as tf.Scalar;
        });
        lossSum.dispose();
        lossSum = next;
      }
      xEpoch?.dispose();
      yEpoch?.dispose();

      const [valLossT, valAccT] = tf.tidy(() => {
        const out = model.predict(xVal) as tf.Tensor;
        const loss = lossOf(out, yVal);
        const acc = yValIdx ? tf.mean(tf.cast(tf.equal(tf.argMax(out, 1), yValIdx), 'float32')) : tf.scalar(0);
        return [loss, acc];
      });
      const metricsRead = await read(Promise.all([lossSum.data(), valLossT.data(), valAccT.data()]));
      lossSum.dispose();
      valLossT.dispose();
      valAccT.dispose();
      // Numbers read after a lost context are garbage (or never come): drop this epoch and stop.
      const problem = metricsRead === INTERRUPTED ? interruptReason() : fault?.() ?? null;
      if (problem) {
        status = 'interrupted';
        interruptedReason = problem;
        break;
      }
      const [trainSum, valLoss, valAcc] = metricsRead as [Float32Array, Float32Array, Float32Array];
      const trainLoss = trainSum[0] / tr.n;
      const elapsed = performance.now() - t0;
      const m: EpochMetrics = {
        epoch,
        trainLoss,
        valLoss: valLoss[0],
        ...(classification ? { valAccuracy: valAcc[0] } : {}),
        samplesPerSec: elapsed > 0 ? (tr.n / elapsed) * 1000 : 0,
      };
      if (!Number.isFinite(m.trainLoss) || !Number.isFinite(m.valLoss)) {
        status = 'diverged';
        divergedAtEpoch = epoch;
        break;
      }
      epochs.push(m);
      onEpoch?.(m);

      if (surface && surfacePoints) {
        const now = performance.now();
        if (epoch === hp.epochs || now - lastSurface >= (surface.intervalMs ?? 150)) {
          lastSurface = now;
          const values = tf.tidy(() => {
            const out = model.predict(surfacePoints) as tf.Tensor;
            return classification ? tf.softmax(out) : out;
          });
          const arr = await read(values.data() as Promise<Float32Array>);
          values.dispose();
          if (arr === INTERRUPTED) {
            status = 'interrupted';
            interruptedReason = interruptReason() ?? 'interrupted';
            break;
          }
          surface.onSurface(arr, epoch);
        }
      }
      await yieldToEventLoop();
    }
  } finally {
    xVal.dispose();
    yVal.dispose();
    yValIdx?.dispose();
    surfacePoints?.dispose();
    model.dispose();
    disposeOptimizer(optimizer);
  }
  return {
    status,
    epochs,
    ...(divergedAtEpoch !== undefined ? { divergedAtEpoch } : {}),
    ...(interruptedReason !== undefined ? { interruptedReason } : {}),
    batchSize: plan.batchSize,
    batchClamped: plan.clamped,
    durationMs: performance.now() - started,
    tensorDelta: tf.memory().numTensors - baseline,
  };
}
