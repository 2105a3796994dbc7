/**
 * Kernel hyperparameters by maximum a posteriori: log marginal likelihood plus log priors, with
 * analytic gradients, minimized (as its negative) by L-BFGS from a warm start and a few restarts.
 *
 * Parameters theta = [log l_1 .. log l_D, log signal variance, log (noise - NOISE_FLOOR)].
 * The constant prior mean is not a parameter: for each theta it is profiled out in closed form
 * (generalized least squares, c = 1'K^-1 y / 1'K^-1 1), as a learned constant mean in BoTorch's
 * SingleTaskGP. It matters: once many trials cluster in a good region their plain average is
 * low, and a zero mean (in standardized units) would make every unexplored corner look promising;
 * GLS weighs a cluster of correlated trials about as one.
 * Priors, all Gaussian on the logs:
 * - lengthscales: the dimension-scaled LogNormal(sqrt2 + log(D)/2, sqrt3) that BoTorch adopted
 *   (Hvarfner et al. 2024). GPyTorch evaluates that density on l itself, not on log l; on log l that
 *   is a Gaussian of the same spread centred at mu - sigma^2 (l about 0.29 for D = 2, 0.5 for D = 6),
 *   which is what is used here. Centring it at mu instead (l about 10 for D = 6) calls every
 *   dimension irrelevant until the data insist, and the search wanders;
 * - signal variance: log s2 ~ N(0, 1), as outputs are standardized;
 * - noise: log noise ~ N(-10, 2^2): small (about 5e-5 of the output variance) for deterministic
 *   objectives, so the model can resolve a minimum to 1e-3, yet a dozen noisy trials easily raise it.
 */
import type { Rng } from '../../rng';
import { dimDistance, SQRT5 } from './kernel';
import { choleskyWithJitter, cholInverse, cholSolve, cholLogDet } from './linalg';
import { NOISE_FLOOR, type GpData, type GpHyperparameters } from './gp';
import { minimizeLbfgs } from './lbfgs';

export interface GpPrior {
  lengthscaleMean: number;
  lengthscaleStd: number;
  signalMean: number;
  signalStd: number;
  noiseMean: number;
  noiseStd: number;
}

export function defaultPrior(dims: number): GpPrior {
  const lengthscaleStd = Math.sqrt(3);
  return {
    lengthscaleMean: Math.SQRT2 + 0.5 * Math.log(Math.max(1, dims)) - lengthscaleStd ** 2,
    lengthscaleStd,
    signalMean: 0,
    signalStd: 1,
    noiseMean: -10,
    noiseStd: 2,
  };
}

/** Box bounds on theta: wide, only there to keep a bad start from wandering into overflow. */
export function thetaBounds(dims: number): { lower: Float64Array; upper: Float64Array } {
  const lower = new Float64Array(dims + 2), upper = new Float64Array(dims + 2);
  for (let d = 0; d < dims; d++) {
    lower[d] = Math.log(1e-3);
    upper[d] = Math.log(1e3);
  }
  lower[dims] = Math.log(1e-3);
  upper[dims] = Math.log(1e2);
  lower[dims + 1] = Math.log(1e-10);
  upper[dims + 1] = Math.log(2);
  return { lower, upper };
}

export function thetaOf(h: GpHyperparameters): Float64Array {
  const d = h.logLengthscales.length;
  const t = new Float64Array(d + 2);
  t.set(h.logLengthscales);
  t[d] = h.logSignalVariance;
  t[d + 1] = h.logNoise;
  return t;
}

export function hyperOf(theta: ArrayLike<number>, dims: number): GpHyperparameters {
  return {
    logLengthscales: Float64Array.from({ length: dims }, (_, d) => theta[d]),
    logSignalVariance: theta[dims],
    logNoise: theta[dims + 1],
  };
}

/** The prior's centre: where a fit starts when there is nothing better. */
export function priorMode(dims: number, prior: GpPrior = defaultPrior(dims)): Float64Array {
  const t = new Float64Array(dims + 2).fill(prior.lengthscaleMean, 0, dims);
  t[dims] = prior.signalMean;
  t[dims + 1] = prior.noiseMean;
  return t;
}

export interface Objective {
  /** Negative log posterior (up to a constant) at theta, gradient into grad; Infinity if K cannot be factored. */
  (theta: Float64Array, grad: Float64Array): number;
  /** The value alone, about a third of the cost (no inverse): for screening starting points. */
  value(theta: Float64Array): number;
  evaluations: number;
  /** The constant mean that goes with the last theta evaluated (0 when the mean is not learned). */
  mean: number;
}

/**
 * -log p(y | theta) - log p(theta), with its gradient
 *   d/dtheta_j = -1/2 tr((alpha alpha^T - K^{-1}) dK/dtheta_j) - d log p(theta)/dtheta_j.
 * Buffers are allocated once; each call is O(n^3) for the factorization and inverse, O(n^2 D) for the rest.
 */
export function createObjective(data: GpData, prior: GpPrior | null = defaultPrior(data.dims), learnMean = true): Objective {
  const { x: X, y, n, dims, categorical } = data;
  const pairs = (n * (n - 1)) / 2;
  // Per-pair, per-dim squared distances never change during a fit.
  const sq = new Float64Array(pairs * dims);
  {
    let p = 0;
    for (let i = 1; i < n; i++) {
      for (let j = 0; j < i; j++, p++) {
        for (let d = 0; d < dims; d++) sq[p * dims + d] = dimDistance(X[i * dims + d], X[j * dims + d], categorical[d]);
      }
    }
  }
  const K = new Float64Array(n * n), L = new Float64Array(n * n), Kinv = new Float64Array(n * n), work = new Float64Array(n * n);
  const alpha = new Float64Array(n), ones = new Float64Array(n).fill(1), alphaOne = new Float64Array(n), kf = new Float64Array(pairs), slope = new Float64Array(pairs);
  const invSq = new Float64Array(dims), gl = new Float64Array(dims);
  const halfLog2Pi = 0.5 * n * Math.log(2 * Math.PI);

  const evaluate = (theta: Float64Array, grad: Float64Array | null): number => {
    objective.evaluations++;
    for (let d = 0; d < dims; d++) invSq[d] = Math.exp(-2 * theta[d]);
    const s2 = Math.exp(theta[dims]);
    const noiseExcess = Math.exp(theta[dims + 1]);
    const noise = NOISE_FLOOR + noiseExcess;

    let p = 0;
    for (let i = 1; i < n; i++) {
      for (let j = 0; j < i; j++, p++) {
        let r2 = 0;
        const off = p * dims;
        for (let d = 0; d < dims; d++) r2 += sq[off + d] * invSq[d];
        const r = Math.sqrt(r2);
        const e = s2 * Math.exp(-SQRT5 * r);
        const k = (1 + SQRT5 * r + (5 / 3) * r2) * e;
        kf[p] = k;
        slope[p] = (5 / 3) * (1 + SQRT5 * r) * e; // s2 * matern52Slope(r)
        K[i * n + j] = k;
        K[j * n + i] = k;
      }
    }
    for (let i = 0; i < n; i++) K[i * n + i] = s2 + noise;
    try {
      choleskyWithJitter(K, n, L);
    } catch {
      return Infinity;
    }
    cholSolve(L, n, y, alpha);
    if (learnMean) {
      // Profile the constant mean out: c = 1'K^-1 y / 1'K^-1 1 minimizes the data term for this K,
      // and (envelope theorem) the gradient at c is the partial one, so c needs no search of its own.
      cholSolve(L, n, ones, alphaOne);
      let num = 0, den = 0;
      for (let i = 0; i < n; i++) {
        num += alpha[i];
        den += alphaOne[i];
      }
      const c = den > 0 ? num / den : 0;
      objective.mean = c;
      for (let i = 0; i < n; i++) alpha[i] -= c * alphaOne[i];
    }
    const c = objective.mean;
    let yAlpha = 0;
    for (let i = 0; i < n; i++) yAlpha += (y[i] - c) * alpha[i];
    let value = 0.5 * yAlpha + 0.5 * cholLogDet(L, n) + halfLog2Pi;
    if (grad) computeGradient(grad, s2, noiseExcess);
    if (prior) {
      const add = (idx: number, mean: number, std: number): void => {
        const z = (theta[idx] - mean) / std;
        value += 0.5 * z * z;
        if (grad) grad[idx] += z / std;
      };
      for (let d = 0; d < dims; d++) add(d, prior.lengthscaleMean, prior.lengthscaleStd);
      add(dims, prior.signalMean, prior.signalStd);
      add(dims + 1, prior.noiseMean, prior.noiseStd);
    }
    return value;
  };

  const computeGradient = (grad: Float64Array, s2: number, noiseExcess: number): void => {
    cholInverse(L, n, Kinv, work);
    // W = alpha alpha^T - K^{-1}; off-diagonal pairs count twice in the trace.
    gl.fill(0);
    let trWKf = 0;
    let p = 0;
    for (let i = 1; i < n; i++) {
      const ai = alpha[i], ri = i * n;
      for (let j = 0; j < i; j++, p++) {
        const w = ai * alpha[j] - Kinv[ri + j];
        trWKf += 2 * w * kf[p];
        const ws = 2 * w * slope[p];
        const off = p * dims;
        for (let d = 0; d < dims; d++) gl[d] += ws * sq[off + d];
      }
    }
    let trW = 0;
    for (let i = 0; i < n; i++) trW += alpha[i] * alpha[i] - Kinv[i * n + i];
    trWKf += s2 * trW;
    for (let d = 0; d < dims; d++) grad[d] = -0.5 * gl[d] * invSq[d];
    grad[dims] = -0.5 * trWKf;
    grad[dims + 1] = -0.5 * trW * noiseExcess;
  };

  const objective = ((theta: Float64Array, grad: Float64Array): number => evaluate(theta, grad)) as Objective;
  objective.value = (theta) => evaluate(theta, null);
  objective.evaluations = 0;
  objective.mean = 0;
  return objective;
}

export interface FitOptions {
  /** Where the previous fit ended: usually close to the new optimum. */
  warmStart?: GpHyperparameters;
  /** Extra starting points drawn from the prior (needs rng). Default 2. */
  randomStarts?: number;
  rng?: Rng;
  /** How many of the screened starting points L-BFGS polishes. Default 2. */
  localStarts?: number;
  maxIterations?: number;
  /** Stop when an L-BFGS step improves the objective by less than this (relative). Default 1e-9. */
  relativeTolerance?: number;
  /** null fits the plain marginal likelihood (no priors). */
  prior?: GpPrior | null;
  /** Fit a constant prior mean (by generalized least squares) instead of fixing it at 0. Default true. */
  learnMean?: boolean;
}

export interface FitResult {
  hyper: GpHyperparameters;
  /** Negative log posterior at the optimum. */
  value: number;
  evaluations: number;
}

/**
 * MAP hyperparameters. Starting points (the warm start, the prior's centre, a short- and a
 * medium-lengthscale guess, draws from the prior) are screened by value alone, which is cheap;
 * L-BFGS then polishes the best few. Screening matters: from the prior's long-lengthscale centre a
 * local search can settle on "all of it is noise" when a short lengthscale explains the data far better.
 */
export function fitHyperparameters(data: GpData, options: FitOptions = {}): FitResult {
  const dims = data.dims;
  const prior = options.prior === undefined ? defaultPrior(dims) : options.prior;
  const p = prior ?? defaultPrior(dims);
  const objective = createObjective(data, prior, options.learnMean ?? true);
  const { lower, upper } = thetaBounds(dims);

  const starts: Float64Array[] = [];
  if (options.warmStart && options.warmStart.logLengthscales.length === dims) starts.push(thetaOf(options.warmStart));
  const centre = priorMode(dims, p);
  starts.push(centre);
  for (const l of [0.15, 0.5]) {
    const t = Float64Array.from(centre);
    t.fill(Math.log(l * Math.sqrt(dims)), 0, dims);
    t[dims + 1] = Math.log(1e-3);
    starts.push(t);
  }
  const rng = options.rng;
  const draws = rng ? (options.randomStarts ?? 2) : 0;
  for (let r = 0; rng && r < draws; r++) {
    const t = new Float64Array(dims + 2);
    for (let d = 0; d < dims; d++) t[d] = p.lengthscaleMean + p.lengthscaleStd * rng.normal();
    t[dims] = p.signalMean + 0.5 * p.signalStd * rng.normal();
    t[dims + 1] = p.noiseMean + p.noiseStd * rng.normal();
    starts.push(t);
  }
  for (const t of starts) for (let i = 0; i < t.length; i++) t[i] = Math.min(upper[i], Math.max(lower[i], t[i]));

  const screened = starts
    .map((t, i) => ({ t, f: objective.value(t), i }))
    .filter((s) => Number.isFinite(s.f))
    .sort((a, b) => a.f - b.f || a.i - b.i);
  let best: { x: Float64Array; f: number } | undefined;
  for (const s of screened.slice(0, options.localStarts ?? 2)) {
    const res = minimizeLbfgs(objective, s.t, {
      lower,
      upper,
      maxIterations: options.maxIterations ?? 60,
      gradientTolerance: 1e-5,
      relativeTolerance: options.relativeTolerance ?? 1e-9,
    });
    if (Number.isFinite(res.f) && (!best || res.f < best.f)) best = { x: res.x, f: res.f };
  }
  if (!best) throw new Error('The GP fit failed: the kernel matrix could not be factored at any starting point');
  const evaluations = objective.evaluations;
  objective.value(best.x); // sets the mean that goes with the optimum
  return { hyper: { ...hyperOf(best.x, dims), mean: objective.mean }, value: best.f, evaluations };
}
