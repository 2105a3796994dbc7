/**
 * Special functions for Gaussian tails, accurate to near machine precision over the whole line
 * (samplers take logs of tiny tail probabilities, where 1 - Phi(z) style formulas lose everything).
 */

const SQRT_PI = Math.sqrt(Math.PI);
const SQRT2 = Math.SQRT2;
const LOG_2PI_HALF = 0.5 * Math.log(2 * Math.PI);

/**
 * Scaled complementary error function erfcx(x) = exp(x^2) erfc(x), for x >= 0 without overflow.
 * Below 2: erf's all-positive series (no cancellation inside the sum); above: erfc's continued fraction.
 */
export function erfcx(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) {
    // erfc(-x) = 2 - erfc(x); overflows to Infinity for x below about -26, which is the true answer in doubles.
    return 2 * Math.exp(x * x) - erfcx(-x);
  }
  if (x === Infinity) return 0;
  if (x < 2) {
    // erf(x) = 2/sqrt(pi) e^{-x^2} sum_n (2x^2)^n x / (2n+1)!!, so erfcx = e^{x^2} - 2/sqrt(pi) sum_n ...
    const x2 = 2 * x * x;
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= x2 / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.exp(x * x) - (2 / SQRT_PI) * sum;
  }
  if (x > 1e8) return 1 / (SQRT_PI * x); // the fraction's first term is exact in doubles out here
  // erfc(x) e^{x^2} sqrt(pi) = 1 / (x + (1/2) / (x + 1 / (x + (3/2) / (x + ...)))), modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return 1 / (SQRT_PI * f);
}

/** Complementary error function, relative precision kept far into the right tail. */
export function erfc(x: number): number {
  if (x >= 0) return x > 27 ? 0 : erfcx(x) * Math.exp(-x * x);
  return 2 - erfc(-x);
}

export function erf(x: number): number {
  return 1 - erfc(x);
}

/** Standard normal density. */
export function normPdf(z: number): number {
  return Math.exp(-0.5 * z * z - LOG_2PI_HALF);
}

/** Standard normal CDF Phi(z), accurate in both tails. */
export function normCdf(z: number): number {
  if (z < 0) return 0.5 * erfcx(-z / SQRT2) * Math.exp(-0.5 * z * z);
  return 1 - 0.5 * erfc(z / SQRT2);
}

/** log Phi(z), finite for every finite z (about -z^2/2 far in the left tail). */
export function logNormCdf(z: number): number {
  if (z < -1) return Math.log(0.5 * erfcx(-z / SQRT2)) - 0.5 * z * z;
  if (z < 0) return Math.log(normCdf(z));
  return Math.log1p(-0.5 * erfc(z / SQRT2));
}

/** log(1 - exp(a)) for a <= 0, accurate for a near 0 and for very negative a. */
export function log1mexp(a: number): number {
  if (a > 0) return Number.NaN;
  return a > -Math.LN2 ? Math.log(-Math.expm1(a)) : Math.log1p(-Math.exp(a));
}

/** log(exp(a) + exp(b)) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** log(Phi(b) - Phi(a)) for a < b, stable in either tail. */
export function logNormCdfDiff(a: number, b: number): number {
  if (a >= b) return -Infinity;
  if (a > 0) return logNormCdfDiff(-b, -a); // mirror the right tail into the left, where Phi is accurate
  const lb = logNormCdf(b);
  const la = logNormCdf(a);
  return lb + log1mexp(la - lb);
}
