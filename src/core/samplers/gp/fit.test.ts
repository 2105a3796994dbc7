import { describe, expect, test } from 'vitest';
import { createRng } from '../../rng';
import { matern52 } from './kernel';
import { choleskyWithJitter } from './linalg';
import { createObjective, defaultPrior, fitHyperparameters, priorMode } from './fit';
import type { GpData } from './gp';

function sampleGp(n: number, lengthscales: number[], seed: number, categorical?: Uint8Array): GpData {
  const rng = createRng(seed);
  const dims = lengthscales.length;
  const cat = categorical ?? new Uint8Array(dims);
  const x = new Float64Array(n * dims);
  for (let i = 0; i < n * dims; i++) x[i] = cat[i % dims] ? rng.int(0, 2) : rng.next();
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let r2 = 0;
      for (let d = 0; d < dims; d++) {
        const a = x[i * dims + d], b = x[j * dims + d];
        r2 += (cat[d] ? (a === b ? 0 : 1) : (a - b) ** 2) / lengthscales[d] ** 2;
      }
      K[i * n + j] = matern52(Math.sqrt(r2)) + (i === j ? 1e-4 : 0);
    }
  const L = new Float64Array(n * n);
  choleskyWithJitter(K, n, L);
  const z = Array.from({ length: n }, () => rng.normal());
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let k = 0; k <= i; k++) y[i] += L[i * n + k] * z[k];
  // standardize, as the sampler does
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(y.reduce((s, v) => s + (v - mean) ** 2, 0) / n);
  for (let i = 0; i < n; i++) y[i] = (y[i] - mean) / sd;
  return { x, y, n, dims, categorical: cat };
}

describe('marginal likelihood objective', () => {
  test('analytic gradient matches finite differences (numeric and categorical dims, with priors)', () => {
    const data = sampleGp(12, [0.4, 0.8, 1], 3, new Uint8Array([0, 0, 1]));
    for (const prior of [defaultPrior(3), null]) {
      const f = createObjective(data, prior);
      const theta = new Float64Array([Math.log(0.5), Math.log(1.3), Math.log(0.7), Math.log(0.8), Math.log(0.02)]);
      const g = new Float64Array(5), scratch = new Float64Array(5);
      f(theta, g);
      for (let j = 0; j < 5; j++) {
        const h = 1e-5;
        const up = Float64Array.from(theta), dn = Float64Array.from(theta);
        up[j] += h;
        dn[j] -= h;
        const fd = (f(up, scratch) - f(dn, scratch)) / (2 * h);
        expect(Math.abs(g[j] - fd)).toBeLessThan(1e-5 * Math.max(1, Math.abs(fd)));
      }
    }
  });

  test('the prior mode is the mode of the dimension-scaled LogNormal(sqrt2 + log(D)/2, sqrt3) lengthscale prior', () => {
    const t = priorMode(4);
    // a LogNormal(mu, s) density on l peaks at exp(mu - s^2)
    expect(Math.exp(t[0])).toBeCloseTo(Math.exp(Math.SQRT2 + Math.log(4) / 2 - 3), 10);
    // and the noise prior sits low, for deterministic objectives
    expect(t[5]).toBeCloseTo(-10, 10);
  });
});

describe('hyperparameter fit', () => {
  test('recovers a known lengthscale from data drawn from a GP', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const data = sampleGp(60, [0.3], seed);
      const fit = fitHyperparameters(data, { rng: createRng(seed) });
      const l = Math.exp(fit.hyper.logLengthscales[0]);
      expect(l).toBeGreaterThan(0.3 / 1.6);
      expect(l).toBeLessThan(0.3 * 1.6);
      expect(Math.exp(fit.hyper.logNoise)).toBeLessThan(0.05);
    }
  });

  test('ARD tells a relevant dim from an irrelevant one', () => {
    const data = sampleGp(60, [0.3, 30], 5);
    const fit = fitHyperparameters(data, { rng: createRng(5) });
    const [l0, l1] = Array.from(fit.hyper.logLengthscales, Math.exp);
    expect(l0).toBeLessThan(0.6);
    expect(l1).toBeGreaterThan(3 * l0);
  });

  test('a warm start at the optimum converges in few evaluations', () => {
    const data = sampleGp(30, [0.3], 7);
    const cold = fitHyperparameters(data, {});
    const warm = fitHyperparameters(data, { warmStart: cold.hyper });
    expect(warm.value).toBeCloseTo(cold.value, 6);
  });

  test('the constant mean is fitted by generalized least squares: a cluster of trials counts about once', () => {
    // 10 spread trials near 1 and 20 trials clustered at x = 0.1 with value -2: the plain mean is
    // -1, the fitted one stays near the level of the spread trials.
    const n = 30;
    const x = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < 10; i++) {
      x[i] = 0.3 + (0.7 * i) / 9;
      y[i] = 1 + 0.05 * Math.sin(7 * i);
    }
    for (let i = 10; i < n; i++) {
      x[i] = 0.1 + 0.001 * (i - 10);
      y[i] = -2 + 0.001 * (i - 10);
    }
    const data: GpData = { x, y, n, dims: 1, categorical: new Uint8Array(1) };
    const fit = fitHyperparameters(data, { rng: createRng(1) });
    expect(fit.hyper.mean!).toBeGreaterThan(0);
    expect(fitHyperparameters(data, { rng: createRng(1), learnMean: false }).hyper.mean).toBe(0);
  });

  test('noisy data raise the noise estimate despite the low noise prior', () => {
    const rng = createRng(4);
    const n = 40;
    const x = Float64Array.from({ length: n }, () => rng.next());
    const raw = Array.from(x, (v) => Math.sin(6 * v) + 0.3 * rng.normal());
    const mean = raw.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(raw.reduce((a, b) => a + (b - mean) ** 2, 0) / n);
    const y = Float64Array.from(raw, (v) => (v - mean) / sd);
    const fit = fitHyperparameters({ x, y, n, dims: 1, categorical: new Uint8Array(1) }, { rng: createRng(4) });
    // the true noise variance is 0.09 / sd^2 in standardized units
    const truth = 0.09 / (sd * sd);
    const noise = Math.exp(fit.hyper.logNoise);
    expect(noise).toBeGreaterThan(truth / 3);
    expect(noise).toBeLessThan(truth * 3);
  });

  test('constant outputs do not break the fit', () => {
    const data = sampleGp(10, [0.3], 9);
    data.y.fill(0);
    const fit = fitHyperparameters(data, { rng: createRng(1) });
    expect(Number.isFinite(fit.value)).toBe(true);
  });
});
