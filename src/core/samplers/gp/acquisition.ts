/**
 * Expected improvement, in logs, computed so that it stays finite and accurate far below the
 * incumbent (Ament et al. 2023, "Unexpected improvements to expected improvement", LogEI).
 *
 * For minimization with posterior N(mu, sigma^2) and incumbent best:
 *   EI = sigma h(z),  z = (best - mu) / sigma,  h(z) = phi(z) + z Phi(z)
 *   log EI = log sigma + log h(z)
 * log h uses the direct formula for z > -1, then -z^2/2 - log(2pi)/2 + log1mexp(log(|z| erfcx(|z|/sqrt2)) + log(pi/2)/2),
 * and past -1/sqrt(eps), where that cancels to nothing, its asymptote -z^2/2 - log(2pi)/2 - 2 log|z|.
 */
import { erfcx, log1mexp, normCdf, normPdf } from '../../math/special';
import type { GpPosterior } from './gp';

const C1 = 0.5 * Math.log(2 * Math.PI);
const C2 = 0.5 * Math.log(Math.PI / 2);
const SQRT_HALF_PI = Math.sqrt(Math.PI / 2);
const INV_SQRT_EPS = 1 / Math.sqrt(Number.EPSILON);

/** h(z) = phi(z) + z Phi(z) = E[max(Z + z, 0)] for standard normal Z. */
export function h(z: number): number {
  return normPdf(z) + z * normCdf(z);
}

/** log h(z), finite for every finite z. */
export function logH(z: number): number {
  if (z > -1) return Math.log(h(z));
  const z2 = 0.5 * z * z;
  if (z > -INV_SQRT_EPS) return -z2 - C1 + log1mexp(Math.log(-z * erfcx(-z / Math.SQRT2)) + C2);
  return -z2 - C1 - 2 * Math.log(-z);
}

/** d log h / dz = Phi(z) / h(z), stable in the left tail (it tends to |z|). */
export function dLogH(z: number): number {
  if (z > -1) return normCdf(z) / h(z);
  if (z <= -INV_SQRT_EPS) return -z;
  const cdfOverPdf = SQRT_HALF_PI * erfcx(-z / Math.SQRT2);
  const hOverPdf = Math.exp(log1mexp(Math.log(-z * erfcx(-z / Math.SQRT2)) + C2));
  return cdfOverPdf / hOverPdf;
}

/** EI of a minimization at one point, the textbook closed form (underflows to 0 far below best). */
export function expectedImprovement(mean: number, sd: number, best: number): number {
  if (sd <= 0) return Math.max(best - mean, 0);
  return sd * h((best - mean) / sd);
}

/** log EI of a minimization at one point; finite whenever sd > 0. */
export function logExpectedImprovement(mean: number, sd: number, best: number): number {
  return Math.log(sd) + logH((best - mean) / sd);
}

export interface Acquisition {
  value(x: Float64Array): number;
  /** Values at m points (rows of xs) into out. */
  values(xs: Float64Array, m: number, out: Float64Array): void;
  /** The value, with its gradient over the numeric dims written into grad. */
  valueAndGradient(x: Float64Array, grad: Float64Array): number;
}

/** log EI over a GP posterior of a minimization (outputs standardized), incumbent `best`. */
export function createLogEI(posterior: GpPosterior, best: number): Acquisition {
  const dims = posterior.data.dims;
  const gm = new Float64Array(dims), gv = new Float64Array(dims);
  let means = new Float64Array(0), vars = new Float64Array(0);
  return {
    values(xs, m, out) {
      if (means.length < m) {
        means = new Float64Array(m);
        vars = new Float64Array(m);
      }
      posterior.predictBatch(xs, m, means, vars);
      for (let j = 0; j < m; j++) out[j] = logExpectedImprovement(means[j], Math.sqrt(vars[j]), best);
    },
    value(x) {
      const p = posterior.predict(x);
      return logExpectedImprovement(p.mean, Math.sqrt(p.variance), best);
    },
    valueAndGradient(x, grad) {
      const p = posterior.predictWithGradient(x, gm, gv);
      const sd = Math.sqrt(p.variance);
      const z = (best - p.mean) / sd;
      const r = dLogH(z);
      for (let d = 0; d < dims; d++) {
        const dsd = gv[d] / (2 * sd);
        grad[d] = dsd / sd - (r * (gm[d] + z * dsd)) / sd;
      }
      return Math.log(sd) + logH(z);
    },
  };
}
