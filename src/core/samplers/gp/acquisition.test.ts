import { describe, expect, test } from 'vitest';
import { computePosterior, NOISE_FLOOR } from './gp';
import { createLogEI, dLogH, expectedImprovement, logExpectedImprovement, logH } from './acquisition';

describe('expected improvement', () => {
  test('closed form equals a numerical integral of max(best - f, 0) over the posterior', () => {
    for (const [mean, sd, best] of [[0, 1, 0], [1, 0.5, 0.2], [-0.3, 2, 0.4], [2, 0.7, 0]]) {
      // Simpson's rule from mean - 12 sd up to best (the integrand is 0 above best, and has a kink there)
      const a = Math.min(mean - 12 * sd, best - 1), b = best, n = 4000, step = (b - a) / n;
      const f = (y: number): number => (Math.max(best - y, 0) * Math.exp(-0.5 * ((y - mean) / sd) ** 2)) / (sd * Math.sqrt(2 * Math.PI));
      let s = f(a) + f(b);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * step);
      expect(expectedImprovement(mean, sd, best)).toBeCloseTo((s * step) / 3, 9);
    }
  });

  test('log EI equals log of the closed form wherever EI is representable', () => {
    for (const sd of [0.1, 1, 3]) {
      for (const z of [-30, -20, -8, -3, -1.0001, -1, -0.5, 0, 0.5, 2, 10]) {
        const mean = 0.5, best = mean + z * sd;
        const ei = expectedImprovement(mean, sd, best);
        expect(ei).toBeGreaterThan(0);
        const log = logExpectedImprovement(mean, sd, best);
        expect(Math.abs(log - Math.log(ei))).toBeLessThan(1e-9 * Math.max(1, Math.abs(log)));
      }
    }
  });

  test('far below the incumbent log EI stays finite, accurate and monotone', () => {
    const zs = [-38, -40, -100, -1e3, -1e4, -1e6, -1e8, -1e9, -1e12];
    const values = zs.map(logH);
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThan(values[i - 1]);
    expect(expectedImprovement(0, 1, -40)).toBe(0); // the naive form underflows here...
    // ...where h(z)/phi(z) ~ z^-2 (1 - 3 z^-2 + 15 z^-4 - 105 z^-6 + 945 z^-8)
    for (const z of [-40, -100, -1e3]) {
      const w = 1 / (z * z);
      const series = Math.log1p(w * (-3 + w * (15 + w * (-105 + w * 945))));
      const asym = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z) + series;
      expect(Math.abs(logH(z) - asym) / Math.abs(asym)).toBeLessThan(1e-12);
    }
  });

  test('log h is continuous across its branches and its derivative is Phi/h', () => {
    const eps = 1e-9;
    expect(Math.abs(logH(-1 - eps) - logH(-1 + eps))).toBeLessThan(1e-8);
    const cut = -1 / Math.sqrt(Number.EPSILON);
    expect(Math.abs(logH(cut * (1 + 1e-12)) - logH(cut * (1 - 1e-12))) / Math.abs(logH(cut))).toBeLessThan(1e-9);
    for (const z of [-50, -5, -1.5, -0.3, 0.7, 4]) {
      const step = 1e-5 * Math.max(1, Math.abs(z));
      expect(dLogH(z)).toBeCloseTo((logH(z + step) - logH(z - step)) / (2 * step), 4);
    }
    expect(dLogH(-1e9)).toBeCloseTo(1e9, 0);
  });
});

describe('log EI over a posterior', () => {
  const post = computePosterior(
    {
      x: new Float64Array([0.1, 0.2, 0.5, 0.9, 0.8, 0.3]),
      y: new Float64Array([1, -1, 0.5]),
      n: 3,
      dims: 2,
      categorical: new Uint8Array(2),
    },
    { logLengthscales: new Float64Array([Math.log(0.3), Math.log(0.5)]), logSignalVariance: 0, logNoise: Math.log(1e-4 - NOISE_FLOOR) },
  );
  const acq = createLogEI(post, -1);

  test('gradient matches finite differences', () => {
    const g = new Float64Array(2), scratch = new Float64Array(2);
    for (const x of [[0.3, 0.6], [0.05, 0.95], [0.7, 0.2]]) {
      acq.valueAndGradient(new Float64Array(x), g);
      for (let d = 0; d < 2; d++) {
        const up = new Float64Array(x), dn = new Float64Array(x);
        up[d] += 1e-6;
        dn[d] -= 1e-6;
        const fd = (acq.valueAndGradient(up, scratch) - acq.valueAndGradient(dn, scratch)) / 2e-6;
        expect(g[d]).toBeCloseTo(fd, 4);
      }
    }
  });

  test('finite even at an observed point, where the posterior is almost certain', () => {
    const v = acq.value(new Float64Array([0.1, 0.2]));
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeLessThan(acq.value(new Float64Array([0.6, 0.6])));
  });
});
