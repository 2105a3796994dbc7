/**
 * Optimizers for K stacked trials: every parameter has shape [K, ...] and each trial has its own learning
 * rate, held as a [K, 1, 1] tensor (the stacked parameters are all rank 3). The update rules copy tfjs
 * 4.22's optimizers op for op (node_modules/@tensorflow/tfjs-core/dist/optimizers/*.js) with the
 * settings src/train/model.ts uses, so one trial of a stack follows the same float32 path as the tfjs
 * optimizer would for that trial alone:
 *   sgd      w += (-lr) * g
 *   momentum a = 0.9 * a + g;  w += (-lr) * a                                  (not Nesterov)
 *   adam     m = 0.9 m + (1 - 0.9) g;  v = 0.999 v + (1 - 0.999) g^2;  w += -lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps)
 *            (b1^t, b2^t kept as float32 scalar variables multiplied once per step, as tfjs does)
 *   rmsprop  ms = 0.9 ms + (1 - 0.9) g^2;  w -= (g * lr) / sqrt(ms + eps)    (decay 0.9, momentum 0, not centered)
 *   adagrad  acc = acc + g^2 (acc starts at 0.1);  w += -lr * g / sqrt(acc + eps)
 * eps is the backend's epsilon(), as tfjs reads it: 1e-7 for float32 backends, 1e-4 on a float16 WebGL.
 * tfjs's rmsprop also keeps a momentum accumulator; with momentum 0 it adds 0 * a = 0 each step, which
 * changes no finite value, so it is left out here.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { OptimizerName } from '../core/hyperparams';

export interface StackedOptimizer {
  readonly kind: OptimizerName;
  /** One update of every parameter from its gradient (same order). Call inside tf.tidy. */
  apply(params: readonly tf.Variable[], grads: readonly tf.Tensor[]): void;
  /** Keeps only the given trials (indices into the current stack, in that order), e.g. after a divergence. */
  keep(indices: readonly number[]): void;
  /** Current per-trial learning rates, in stack order. */
  readonly learningRates: readonly number[];
  dispose(): void;
}

const MOMENTUM = 0.9;
const BETA1 = 0.9;
const BETA2 = 0.999;
const RMS_DECAY = 0.9;
const ADAGRAD_INITIAL = 0.1;

/** Slots per parameter: how many state tensors each rule keeps, and their initial value. */
const slotSpec: Record<OptimizerName, { count: number; init: number }> = {
  sgd: { count: 0, init: 0 },
  momentum: { count: 1, init: 0 },
  adam: { count: 2, init: 0 },
  rmsprop: { count: 1, init: 0 },
  adagrad: { count: 1, init: ADAGRAD_INITIAL },
};

const lrTensor = (rates: readonly number[], sign: 1 | -1): tf.Tensor3D =>
  tf.tensor3d(rates.map((r) => sign * r), [rates.length, 1, 1]);

// tf.variable(t) keeps t alive beside the variable: make variables inside tidy so t is freed.
/**
 * A stacked optimizer for parameters of the given shapes (each [K, ...], rank 3), one learning rate per
 * trial. It owns its state and its learning-rate tensors: call dispose().
 */
export function createStackedOptimizer(
  kind: OptimizerName,
  learningRates: readonly number[],
  shapes: readonly (readonly number[])[],
): StackedOptimizer {
  const k = learningRates.length;
  for (const s of shapes) {
    if (s.length !== 3 || s[0] !== k) throw new Error(`Stacked parameters must be [${k}, a, b], got [${s.join(', ')}]`);
  }
  let rates = [...learningRates];
  let negLr = lrTensor(rates, -1);
  let posLr = lrTensor(rates, 1);
  const spec = slotSpec[kind];
  // slots[j][i]: state j of parameter i.
  let slots: tf.Variable[][] = Array.from({ length: spec.count }, () =>
    shapes.map((s) => tf.tidy(() => tf.variable(tf.fill([...s], spec.init), false))),
  );
  // Adam's running beta1^t and beta2^t: scalars shared by the stack, as every trial steps together.
  const scalarVar = (x: number): tf.Variable => tf.tidy(() => tf.variable(tf.scalar(x), false));
  const accBeta1 = kind === 'adam' ? scalarVar(BETA1) : null;
  const accBeta2 = kind === 'adam' ? scalarVar(BETA2) : null;
  const eps = tf.backend().epsilon();

  const apply = (params: readonly tf.Variable[], grads: readonly tf.Tensor[]): void => {
    if (params.length !== grads.length || params.length !== shapes.length) {
      throw new Error(`Expected ${shapes.length} parameters and gradients, got ${params.length} and ${grads.length}`);
    }
    switch (kind) {
      case 'sgd':
        params.forEach((w, i) => w.assign(tf.add(tf.mul(negLr, grads[i]), w)));
        break;
      case 'momentum':
        params.forEach((w, i) => {
          const acc = slots[0][i];
          const next = tf.add(tf.mul(MOMENTUM, acc), grads[i]);
          acc.assign(next);
          w.assign(tf.add(tf.mul(negLr, next), w));
        });
        break;
      case 'adam': {
        const oneMinusAccBeta1 = tf.sub(1, accBeta1!);
        const oneMinusAccBeta2 = tf.sub(1, accBeta2!);
        params.forEach((w, i) => {
          const g = grads[i];
          const m = slots[0][i];
          const v = slots[1][i];
          const newM = tf.add(tf.mul(m, BETA1), tf.mul(g, 1 - BETA1));
          const newV = tf.add(tf.mul(v, BETA2), tf.mul(tf.square(g), 1 - BETA2));
          const mHat = tf.div(newM, oneMinusAccBeta1);
          const vHat = tf.div(newV, oneMinusAccBeta2);
          m.assign(newM);
          v.assign(newV);
          w.assign(tf.add(tf.mul(tf.div(mHat, tf.add(tf.sqrt(vHat), eps)), negLr), w));
        });
        accBeta1!.assign(tf.mul(accBeta1!, BETA1));
        accBeta2!.assign(tf.mul(accBeta2!, BETA2));
        break;
      }
      case 'rmsprop':
        params.forEach((w, i) => {
          const g = grads[i];
          const ms = slots[0][i];
          const newMs = tf.add(tf.mul(ms, RMS_DECAY), tf.mul(tf.square(g), 1 - RMS_DECAY));
          const step = tf.div(tf.mul(g, posLr), tf.sqrt(tf.add(newMs, eps)));
          ms.assign(newMs);
          w.assign(tf.sub(w, step));
        });
        break;
      case 'adagrad':
        params.forEach((w, i) => {
          const g = grads[i];
          const acc = slots[0][i];
          const newAcc = tf.add(acc, tf.square(g));
          acc.assign(newAcc);
          w.assign(tf.add(tf.mul(tf.div(g, tf.sqrt(tf.add(newAcc, eps))), negLr), w));
        });
        break;
    }
  };

  const keep = (indices: readonly number[]): void => {
    const idx = tf.tensor1d(Int32Array.from(indices), 'int32');
    slots = slots.map((perParam) =>
      perParam.map((s) => {
        const next = tf.tidy(() => tf.variable(tf.gather(s, idx), false));
        s.dispose();
        return next;
      }),
    );
    idx.dispose();
    rates = indices.map((i) => rates[i]);
    negLr.dispose();
    posLr.dispose();
    negLr = lrTensor(rates, -1);
    posLr = lrTensor(rates, 1);
  };

  return {
    kind,
    apply,
    keep,
    get learningRates() {
      return rates;
    },
    dispose: () => {
      for (const perParam of slots) for (const s of perParam) s.dispose();
      slots = [];
      negLr.dispose();
      posLr.dispose();
      accBeta1?.dispose();
      accBeta2?.dispose();
    },
  };
}
