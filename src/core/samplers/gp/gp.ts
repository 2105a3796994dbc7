/**
 * Gaussian-process regression with a Matern 5/2 ARD kernel: the posterior given data and fixed
 * hyperparameters. Inputs are rows of `dims` numbers (unit-cube coordinates, or a choice index on
 * categorical dims); outputs are expected standardized (mean 0, variance 1), with a zero prior mean.
 */
import { matern52, matern52Slope, scaledSqDist, SQRT5, type CategoricalMask } from './kernel';
import { choleskyWithJitter, solveLower, solveLowerTransposed } from './linalg';

export interface GpHyperparameters {
  /** log lengthscale of each input dimension. */
  logLengthscales: Float64Array;
  logSignalVariance: number;
  /** log of the noise variance above NOISE_FLOOR. */
  logNoise: number;
  /** Constant prior mean, in the outputs' (standardized) units; 0 when absent. */
  mean?: number;
}

/** Smallest observation-noise variance, in standardized units: keeps K well conditioned with repeats. */
export const NOISE_FLOOR = 1e-6;

export function noiseVariance(h: GpHyperparameters): number {
  return NOISE_FLOOR + Math.exp(h.logNoise);
}

export interface GpData {
  /** n rows of `dims` inputs, row-major. */
  x: Float64Array;
  /** n standardized outputs. */
  y: Float64Array;
  n: number;
  dims: number;
  categorical: CategoricalMask;
}

export interface Prediction {
  mean: number;
  /** Variance of the latent function (noise excluded), never negative. */
  variance: number;
}

export interface GpPosterior {
  readonly data: GpData;
  readonly hyper: GpHyperparameters;
  /** Jitter the Cholesky factorization needed on top of the noise (0 normally). */
  readonly jitter: number;
  /** K^{-1} (y - mean). */
  readonly alpha: Float64Array;
  predict(x: ArrayLike<number>): Prediction;
  /**
   * Means and variances of m points (rows of xs) at once; much faster than m calls to predict, as
   * the triangular solve runs over contiguous blocks of points.
   */
  predictBatch(xs: Float64Array, m: number, means: Float64Array, variances: Float64Array): void;
  /**
   * Mean and variance at x, with their gradients with respect to x's numeric dims written into
   * gradMean and gradVariance (categorical dims get 0). Returns the prediction.
   */
  predictWithGradient(x: ArrayLike<number>, gradMean: Float64Array, gradVariance: Float64Array): Prediction;
}

export function computePosterior(data: GpData, hyper: GpHyperparameters): GpPosterior {
  const { x: X, y, n, dims, categorical } = data;
  const s2 = Math.exp(hyper.logSignalVariance);
  const noise = noiseVariance(hyper);
  const invSq = new Float64Array(dims);
  for (let d = 0; d < dims; d++) invSq[d] = Math.exp(-2 * hyper.logLengthscales[d]);

  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    K[i * n + i] = s2 + noise;
    for (let j = 0; j < i; j++) {
      const k = s2 * matern52(Math.sqrt(scaledSqDist(X, i, X, j, dims, categorical, invSq)));
      K[i * n + j] = k;
      K[j * n + i] = k;
    }
  }
  const L = new Float64Array(n * n);
  const jitter = choleskyWithJitter(K, n, L);
  const c = hyper.mean ?? 0;
  const alpha = new Float64Array(n);
  for (let i = 0; i < n; i++) alpha[i] = y[i] - c;
  solveLower(L, n, alpha, alpha);
  solveLowerTransposed(L, n, alpha, alpha);

  const kStar = new Float64Array(n), slope = new Float64Array(n), v = new Float64Array(n), w = new Float64Array(n);

  const kernelRow = (x: ArrayLike<number>, withSlope: boolean): number => {
    let mean = c;
    for (let i = 0; i < n; i++) {
      let r2 = 0;
      const off = i * dims;
      for (let d = 0; d < dims; d++) {
        const a = x[d], b = X[off + d];
        if (categorical[d]) {
          if (a !== b) r2 += invSq[d];
        } else {
          r2 += (a - b) * (a - b) * invSq[d];
        }
      }
      const r = Math.sqrt(r2);
      const k = s2 * matern52(r);
      kStar[i] = k;
      if (withSlope) slope[i] = s2 * matern52Slope(r);
      mean += alpha[i] * k;
    }
    return mean;
  };

  const variance = (): number => {
    solveLower(L, n, kStar, v);
    let vv = 0;
    for (let i = 0; i < n; i++) vv += v[i] * v[i];
    return Math.max(s2 - vv, 1e-12 * s2);
  };

  const BLOCK = 256;
  let block: Float64Array | undefined;
  const predictBatch = (xs: Float64Array, m: number, means: Float64Array, variances: Float64Array): void => {
    block ??= new Float64Array(n * BLOCK);
    const V = block;
    for (let start = 0; start < m; start += BLOCK) {
      const b = Math.min(BLOCK, m - start);
      // V[i][j] = k(X_i, x_j) for the points of this block
      for (let j = 0; j < b; j++) {
        const xo = (start + j) * dims;
        let mean = c;
        for (let i = 0; i < n; i++) {
          let r2 = 0;
          const off = i * dims;
          for (let d = 0; d < dims; d++) {
            const a = xs[xo + d], c = X[off + d];
            if (categorical[d]) {
              if (a !== c) r2 += invSq[d];
            } else {
              r2 += (a - c) * (a - c) * invSq[d];
            }
          }
          const r = Math.sqrt(r2);
          const k = s2 * (1 + SQRT5 * r + (5 / 3) * r2) * Math.exp(-SQRT5 * r); // s2 * matern52(r)
          V[i * BLOCK + j] = k;
          mean += alpha[i] * k;
        }
        means[start + j] = mean;
      }
      // Forward substitution L V = K*, row by row: each step is an axpy over the block.
      for (let i = 0; i < n; i++) {
        const ri = i * n, vi = i * BLOCK;
        for (let k = 0; k < i; k++) {
          const lik = L[ri + k];
          if (lik === 0) continue;
          const vk = k * BLOCK;
          for (let j = 0; j < b; j++) V[vi + j] -= lik * V[vk + j];
        }
        const inv = 1 / L[ri + i];
        for (let j = 0; j < b; j++) V[vi + j] *= inv;
      }
      for (let j = 0; j < b; j++) {
        let vv = 0;
        for (let i = 0; i < n; i++) vv += V[i * BLOCK + j] * V[i * BLOCK + j];
        variances[start + j] = Math.max(s2 - vv, 1e-12 * s2);
      }
    }
  };

  return {
    data,
    hyper,
    jitter,
    alpha,
    predictBatch,
    predict(x) {
      const mean = kernelRow(x, false);
      return { mean, variance: variance() };
    },
    predictWithGradient(x, gradMean, gradVariance) {
      const mean = kernelRow(x, true);
      const vr = variance();
      solveLowerTransposed(L, n, v, w); // w = K^{-1} k*
      for (let d = 0; d < dims; d++) {
        if (categorical[d]) {
          gradMean[d] = 0;
          gradVariance[d] = 0;
          continue;
        }
        // dk_i/dx_d = -slope_i (x_d - X_id) / l_d^2
        let gm = 0, gw = 0;
        for (let i = 0; i < n; i++) {
          const dk = -slope[i] * (x[d] - X[i * dims + d]) * invSq[d];
          gm += alpha[i] * dk;
          gw += w[i] * dk;
        }
        gradMean[d] = gm;
        gradVariance[d] = -2 * gw;
      }
      return { mean, variance: vr };
    },
  };
}
