/**
 * What the Gaussian process believes, for teaching: the posterior mean, its uncertainty and the
 * acquisition (log expected improvement) along one parameter, the others held at the best trial. Built from
 * the same pieces the gp sampler uses (fit, posterior, log-EI), so the picture is the model's own. Pure.
 */
import { createRng } from '../../rng';
import { choiceIndex, paramFromUnit, paramToUnit, type ParamSpec, type Params, type SearchSpace } from '../../space';
import type { Direction } from '../../study';
import { fitHyperparameters } from './fit';
import { computePosterior, type GpData } from './gp';
import { logExpectedImprovement } from './acquisition';

export interface SurrogateTrial {
  params: Params;
  value: number;
}

export interface SurrogateCurve {
  param: string;
  /** Parameter values along the axis (in the parameter's own units). */
  xs: number[];
  /** Posterior mean and standard deviation of the objective, in its own units and direction. */
  mean: number[];
  sd: number[];
  /** log expected improvement at each x (higher is more promising). */
  logEI: number[];
  /** The x with the highest acquisition along this line. */
  bestX: number;
  /** The trials, placed on this axis. */
  observed: { x: number; value: number }[];
  /** The values the other parameters are held at (the best trial's). */
  heldAt: Params;
}

const coord = (spec: ParamSpec, v: Params[string]) => (spec.type === 'categorical' ? choiceIndex(spec, v) : paramToUnit(spec, v));

export function surrogateAlong(space: SearchSpace, trials: readonly SurrogateTrial[], direction: Direction, param: string, points = 101): SurrogateCurve | null {
  const names = Object.keys(space);
  const axis = names.indexOf(param);
  const spec = space[param];
  if (axis < 0 || !spec || spec.type === 'categorical') return null;
  const ok = trials.filter((t) => Number.isFinite(t.value));
  if (ok.length < 2) return null;
  const P = names.length;
  const sign = direction === 'minimize' ? 1 : -1;
  const loss = ok.map((t) => sign * t.value);
  const mu = loss.reduce((a, b) => a + b, 0) / loss.length;
  const sd0 = Math.sqrt(loss.reduce((a, b) => a + (b - mu) ** 2, 0) / loss.length) || 1;
  const x = new Float64Array(ok.length * P);
  ok.forEach((t, i) => names.forEach((n, d) => (x[i * P + d] = coord(space[n], t.params[n]))));
  const y = Float64Array.from(loss, (l) => (l - mu) / sd0);
  const data: GpData = { x, y, n: ok.length, dims: P, categorical: Uint8Array.from(names, (n) => (space[n].type === 'categorical' ? 1 : 0)) };
  const fit = fitHyperparameters(data, { rng: createRng(1) });
  const post = computePosterior(data, fit.hyper);
  const bestIdx = loss.indexOf(Math.min(...loss));
  const held = ok[bestIdx].params;
  const incumbent = (loss[bestIdx] - mu) / sd0;
  const row = new Float64Array(P);
  names.forEach((n, d) => (row[d] = coord(space[n], held[n])));
  const out: SurrogateCurve = { param, xs: [], mean: [], sd: [], logEI: [], bestX: NaN, observed: [], heldAt: held };
  let best = -Infinity;
  for (let i = 0; i < points; i++) {
    const u = i / (points - 1);
    row[axis] = u;
    const p = post.predict(row);
    const s = Math.sqrt(Math.max(0, p.variance));
    const xv = Number(paramFromUnit(spec, u));
    const lei = logExpectedImprovement(p.mean, s, incumbent);
    out.xs.push(xv);
    out.mean.push(sign * (mu + sd0 * p.mean));
    out.sd.push(sd0 * s);
    out.logEI.push(lei);
    if (lei > best) {
      best = lei;
      out.bestX = xv;
    }
  }
  out.observed = ok.map((t) => ({ x: Number(t.params[param]), value: t.value }));
  return out;
}
