import { describe, expect, test } from 'vitest';
import { erf, erfc, erfcx, log1mexp, logNormCdf, logNormCdfDiff, normCdf } from './special';

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.abs(b);

describe('error functions', () => {
  test('erfc at reference values', () => {
    // Reference values (Abramowitz & Stegun / mpmath).
    const cases: [number, number][] = [
      [0, 1],
      [0.5, 0.4795001221869535],
      [1, 0.15729920705028513],
      [2, 0.004677734981047266],
      [3, 2.209049699858544e-5],
      [5, 1.5374597944280349e-12],
      [10, 2.088487583762545e-45],
      [-1, 1.8427007929497148],
    ];
    for (const [x, want] of cases) expect(rel(erfc(x), want)).toBeLessThan(1e-13);
  });

  test('erfcx at reference values and its asymptote 1/(x sqrt(pi))', () => {
    expect(rel(erfcx(1), 0.42758357615580705)).toBeLessThan(1e-13);
    expect(rel(erfcx(2), 0.2553956763105057)).toBeLessThan(1e-13);
    expect(rel(erfcx(1e4), 1 / (1e4 * Math.sqrt(Math.PI)) * (1 - 1 / (2e8)))).toBeLessThan(1e-12);
    expect(rel(erfcx(1e10), 1 / (1e10 * Math.sqrt(Math.PI)))).toBeLessThan(1e-15);
  });

  test('erfcx is continuous where its two methods meet', () => {
    expect(rel(erfcx(2 - 1e-12), erfcx(2))).toBeLessThan(1e-11);
  });

  test('erf is odd and matches a numerical integral', () => {
    // Simpson's rule on 2/sqrt(pi) e^{-t^2}.
    const integral = (x: number): number => {
      const n = 2000, h = x / n;
      let s = 1 + Math.exp(-x * x);
      for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * Math.exp(-((i * h) ** 2));
      return (2 / Math.sqrt(Math.PI)) * (s * h) / 3;
    };
    for (const x of [0.1, 0.7, 1.3, 2.5]) expect(erf(x)).toBeCloseTo(integral(x), 12);
    expect(erf(-0.7)).toBeCloseTo(-erf(0.7), 15);
  });
});

describe('normal CDF in logs', () => {
  test('Phi at known points', () => {
    expect(normCdf(0)).toBe(0.5);
    expect(normCdf(1.959963984540054)).toBeCloseTo(0.975, 14);
    expect(rel(normCdf(-10), 7.61985302416047e-24)).toBeLessThan(1e-12);
  });

  test('log Phi stays finite and accurate far in the left tail', () => {
    expect(rel(logNormCdf(-10), Math.log(7.61985302416047e-24))).toBeLessThan(1e-13);
    // log Phi(z) ~ -z^2/2 - log(-z) - log(2 pi)/2 for very negative z
    const z = -1e5;
    expect(rel(logNormCdf(z), -z * z / 2 - Math.log(-z) - 0.5 * Math.log(2 * Math.PI))).toBeLessThan(1e-12);
    expect(logNormCdf(40)).toBe(-0);
    expect(logNormCdf(8)).toBeCloseTo(-6.220960574271786e-16, 25);
  });

  test('log of a CDF difference in either tail', () => {
    expect(logNormCdfDiff(-1, 1)).toBeCloseTo(Math.log(0.6826894921370859), 13);
    // Far right tail: Phi(31) - Phi(30) ~ phi(30)/30, impossible by subtraction.
    expect(rel(logNormCdfDiff(30, 31), logNormCdf(-30))).toBeLessThan(1e-10);
    expect(Number.isFinite(logNormCdfDiff(-50, -49))).toBe(true);
    expect(logNormCdfDiff(1, 1)).toBe(-Infinity);
  });

  test('log1mexp is accurate at both ends', () => {
    expect(log1mexp(-1e-20)).toBeCloseTo(Math.log(1e-20), 10);
    expect(log1mexp(-50)).toBeCloseTo(-Math.exp(-50), 30);
  });
});
