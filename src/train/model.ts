/** Hyperparams -> a tf.Sequential and its optimizer. The caller owns both and disposes both. */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { Hyperparams, OptimizerName } from '../core/hyperparams';

export interface ModelShape {
  inputDim: number;
  /** Number of output units: classes for classification (logits), 1 for regression. */
  outputDim: number;
}

export function buildModel(hp: Hyperparams, shape: ModelShape, seed: number): tfl.Sequential {
  const model = tfl.sequential();
  let s = seed >>> 0;
  const nextSeed = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0);
  const layerArgs = () => ({
    kernelInitializer: tfl.initializers.glorotUniform({ seed: nextSeed() }),
    biasInitializer: 'zeros' as const,
  });
  for (let i = 0; i < hp.hiddenLayers; i++) {
    model.add(
      tfl.layers.dense({
        units: hp.unitsPerLayer,
        activation: hp.activation,
        ...(i === 0 ? { inputShape: [shape.inputDim] } : {}),
        ...layerArgs(),
      }),
    );
    if (hp.dropout > 0) model.add(tfl.layers.dropout({ rate: hp.dropout, seed: nextSeed() }));
  }
  model.add(
    tfl.layers.dense({
      units: shape.outputDim,
      activation: 'linear',
      ...(hp.hiddenLayers === 0 ? { inputShape: [shape.inputDim] } : {}),
      ...layerArgs(),
    }),
  );
  return model;
}

export function buildOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'sgd':
      return tf.train.sgd(learningRate);
    case 'momentum':
      return tf.train.momentum(learningRate, 0.9);
    case 'adam':
      return tf.train.adam(learningRate);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate);
    case 'adagrad':
      return tf.train.adagrad(learningRate);
  }
}

/**
 * Frees an optimizer and all it holds. tfjs 4.22's MomentumOptimizer.dispose() overrides SGD's without
 * calling it, so the -learningRate scalar SGD keeps (field `c`) leaks one tensor per optimizer: free it here.
 */
export function disposeOptimizer(optimizer: tf.Optimizer): void {
  optimizer.dispose();
  if (optimizer instanceof tf.MomentumOptimizer) {
    const c = (optimizer as unknown as { c?: tf.Tensor }).c;
    if (c && !c.isDisposed) c.dispose();
  }
}
