import { describe, expect, test } from 'vitest';
import { computePosterior, NOISE_FLOOR, type GpHyperparameters } from './gp';

// Matern 5/2 written out again, so the check does not lean on kernel.ts.
const k52 = (r: number): number => (1 + Math.sqrt(5) * r + (5 / 3) * r * r) * Math.exp(-Math.sqrt(5) * r);

describe('GP posterior', () => {
  const l = 0.5, s2 = 1.5, noise = 0.01;
  const hyper: GpHyperparameters = {
    logLengthscales: new Float64Array([Math.log(l)]),
    logSignalVariance: Math.log(s2),
    logNoise: Math.log(noise - NOISE_FLOOR),
  };
  const X = [0.2, 0.7], y = [1, -0.5];
  const post = computePosterior(
    { x: new Float64Array(X), y: new Float64Array(y), n: 2, dims: 1, categorical: new Uint8Array(1) },
    hyper,
  );

  test('mean and variance match the closed form with an explicit 2x2 inverse', () => {
    const kxx = (a: number, b: number): number => s2 * k52(Math.abs(a - b) / l);
    const a = kxx(X[0], X[0]) + noise, b = kxx(X[0], X[1]), d = kxx(X[1], X[1]) + noise;
    const det = a * d - b * b;
    const inv = [d / det, -b / det, -b / det, a / det];
    for (const xs of [0.4, 0.2, 0.95, -0.3]) {
      const ks = [kxx(xs, X[0]), kxx(xs, X[1])];
      const Kinv_y = [inv[0] * y[0] + inv[1] * y[1], inv[2] * y[0] + inv[3] * y[1]];
      const Kinv_k = [inv[0] * ks[0] + inv[1] * ks[1], inv[2] * ks[0] + inv[3] * ks[1]];
      const mean = ks[0] * Kinv_y[0] + ks[1] * Kinv_y[1];
      const variance = s2 - (ks[0] * Kinv_k[0] + ks[1] * Kinv_k[1]);
      const p = post.predict([xs]);
      expect(Math.abs(p.mean - mean)).toBeLessThan(1e-9);
      expect(Math.abs(p.variance - variance)).toBeLessThan(1e-9);
    }
  });

  test('a constant prior mean shifts predictions, in batch and with gradients alike', () => {
    const c = 0.7;
    const shifted = computePosterior(
      { x: new Float64Array(X), y: new Float64Array(y.map((v) => v + c)), n: 2, dims: 1, categorical: new Uint8Array(1) },
      { ...hyper, mean: c },
    );
    const means = new Float64Array(3), vars = new Float64Array(3);
    shifted.predictBatch(new Float64Array([0.4, 0.95, 50]), 3, means, vars);
    const gm = new Float64Array(1), gv = new Float64Array(1), gm0 = new Float64Array(1), gv0 = new Float64Array(1);
    [0.4, 0.95, 50].forEach((xs, i) => {
      const p0 = post.predict([xs]);
      expect(shifted.predict([xs]).mean).toBeCloseTo(p0.mean + c, 12);
      expect(means[i]).toBeCloseTo(p0.mean + c, 12);
      expect(vars[i]).toBeCloseTo(p0.variance, 12);
      expect(shifted.predictWithGradient([xs], gm, gv).mean).toBeCloseTo(p0.mean + c, 12);
      post.predictWithGradient([xs], gm0, gv0);
      expect(gm[0]).toBeCloseTo(gm0[0], 12);
    });
  });

  test('far from the data the posterior returns to the prior', () => {
    const p = post.predict([50]);
    expect(p.mean).toBeCloseTo(0, 12);
    expect(p.variance).toBeCloseTo(s2, 12);
  });

  test('gradients of mean and variance match finite differences', () => {
    const gm = new Float64Array(1), gv = new Float64Array(1);
    for (const xs of [0.05, 0.4, 0.66]) {
      post.predictWithGradient([xs], gm, gv);
      const h = 1e-6;
      const up = post.predict([xs + h]), dn = post.predict([xs - h]);
      expect(gm[0]).toBeCloseTo((up.mean - dn.mean) / (2 * h), 6);
      expect(gv[0]).toBeCloseTo((up.variance - dn.variance) / (2 * h), 6);
    }
  });

  test('repeated inputs are fine (noise keeps K invertible)', () => {
    const rep = computePosterior(
      { x: new Float64Array([0.3, 0.3, 0.3]), y: new Float64Array([1, 1.2, 0.8]), n: 3, dims: 1, categorical: new Uint8Array(1) },
      hyper,
    );
    const p = rep.predict([0.3]);
    expect(p.mean).toBeGreaterThan(0.9);
    expect(p.mean).toBeLessThan(1.05);
    expect(Number.isFinite(p.variance)).toBe(true);
  });
});
