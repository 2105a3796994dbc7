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

/** The fitted model and what is needed to read it in the objective's units. */
function fitSurrogate(space: SearchSpace, trials: readonly SurrogateTrial[], direction: Direction) {
  const names = Object.keys(space);
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
  const post = computePosterior(data, fitHyperparameters(data, { rng: createRng(1) }).hyper);
  const bestIdx = loss.indexOf(Math.min(...loss));
  const held = ok[bestIdx].params;
  const row = new Float64Array(P);
  names.forEach((n, d) => (row[d] = coord(space[n], held[n])));
  return { names, ok, post, sign, mu, sd0, held, row, incumbent: (loss[bestIdx] - mu) / sd0 };
}

export interface SurrogateMap {
  params: [string, string];
  /** Axis values (parameter units), res each. */
  xs: number[];
  ys: number[];
  /** res x res, row-major, row 0 = the highest y. Mean in the objective's units; log EI. */
  mean: Float64Array;
  logEI: Float64Array;
  /** Grid cell (column, row) with the highest acquisition. */
  best: { x: number; y: number };
  observed: { x: number; y: number; value: number }[];
  heldAt: Params;
}

/** The posterior mean and acquisition over two numeric parameters, the others held at the best trial. */
export function surrogateMap(space: SearchSpace, trials: readonly SurrogateTrial[], direction: Direction, px: string, py: string, res = 24): SurrogateMap | null {
  const sx = space[px], sy = space[py];
  if (!sx || !sy || sx.type === 'categorical' || sy.type === 'categorical' || px === py) return null;
  const m = fitSurrogate(space, trials, direction);
  if (!m) return null;
  const ix = m.names.indexOf(px), iy = m.names.indexOf(py);
  const xs = Array.from({ length: res }, (_, i) => Number(paramFromUnit(sx, (i + 0.5) / res)));
  const ys = Array.from({ length: res }, (_, j) => Number(paramFromUnit(sy, 1 - (j + 0.5) / res)));
  const mean = new Float64Array(res * res), logEI = new Float64Array(res * res);
  const row = Float64Array.from(m.row);
  let best = -Infinity, bx = xs[0], by = ys[0];
  for (let j = 0; j < res; j++) {
    for (let i = 0; i < res; i++) {
      row[ix] = (i + 0.5) / res;
      row[iy] = 1 - (j + 0.5) / res;
      const p = m.post.predict(row);
      const s = Math.sqrt(Math.max(0, p.variance));
      mean[j * res + i] = m.sign * (m.mu + m.sd0 * p.mean);
      const lei = logExpectedImprovement(p.mean, s, m.incumbent);
      logEI[j * res + i] = lei;
      if (lei > best) {
        best = lei;
        bx = xs[i];
        by = ys[j];
      }
    }
  }
  return {
    params: [px, py], xs, ys, mean, logEI, best: { x: bx, y: by },
    observed: m.ok.map((t) => ({ x: Number(t.params[px]), y: Number(t.params[py]), value: t.value })),
    heldAt: m.held,
  };
}

export function surrogateAlong(space: SearchSpace, trials: readonly SurrogateTrial[], direction: Direction, param: string, points = 101): SurrogateCurve | null {
  const spec = space[param];
  if (!spec || spec.type === 'categorical') return null;
  const m = fitSurrogate(space, trials, direction);
  if (!m) return null;
  const axis = m.names.indexOf(param);
  const row = Float64Array.from(m.row);
  const out: SurrogateCurve = { param, xs: [], mean: [], sd: [], logEI: [], bestX: NaN, observed: [], heldAt: m.held };
  let best = -Infinity;
  for (let i = 0; i < points; i++) {
    const u = i / (points - 1);
    row[axis] = u;
    const p = m.post.predict(row);
    const s = Math.sqrt(Math.max(0, p.variance));
    const xv = Number(paramFromUnit(spec, u));
    const lei = logExpectedImprovement(p.mean, s, m.incumbent);
    out.xs.push(xv);
    out.mean.push(m.sign * (m.mu + m.sd0 * p.mean));
    out.sd.push(m.sd0 * s);
    out.logEI.push(lei);
    if (lei > best) {
      best = lei;
      out.bestX = xv;
    }
  }
  out.observed = m.ok.map((t) => ({ x: Number(t.params[param]), value: t.value }));
  return out;
}
