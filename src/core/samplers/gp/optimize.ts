/**
 * Maximizing an acquisition function over a mixed box: continuous coordinates in [0, 1], discrete
 * coordinates restricted to a list of values (an int's grid, as unit coordinates), categorical
 * coordinates holding a choice index. Knows nothing about GPs: it gets a function and a description
 * of the box.
 *
 * 1. Small fully discrete boxes are searched exhaustively.
 * 2. Otherwise: many scrambled Sobol candidates plus caller-given seeds (perturbations of the best
 *    trials), snapped onto the discrete values, all scored;
 * 3. from the best few, a local search alternates L-BFGS over the continuous coordinates with
 *    one-step moves of the discrete ones (neighbouring grid values, every other choice).
 */
import type { Rng } from '../../rng';
import { minimizeLbfgs } from './lbfgs';
import { createSobol } from './sobol';

export type SearchDim =
  | { kind: 'continuous' }
  /** Allowed coordinates, sorted ascending. */
  | { kind: 'discrete'; values: Float64Array }
  /** Coordinates 0 .. levels - 1, unordered. */
  | { kind: 'categorical'; levels: number };

export interface AcquisitionProblem {
  dims: readonly SearchDim[];
  value(x: Float64Array): number;
  /** Optional batch form of value: m points (rows of xs) into out. Used for the candidate pool. */
  values?(xs: Float64Array, m: number, out: Float64Array): void;
  /** Value with the gradient over continuous coordinates (other entries are ignored). */
  valueAndGradient(x: Float64Array, grad: Float64Array): number;
  /** Extra starting points, e.g. perturbations of the best trials; snapped before use. */
  seeds?: readonly Float64Array[];
  /** Points that must not be returned (already evaluated, in a discrete space). */
  excluded?(x: Float64Array): boolean;
}

export interface AcquisitionOptimizerOptions {
  /** Quasi-random candidates scored before local search. Default 2048. */
  candidates?: number;
  /** Candidates polished by local search. Default 5. */
  localStarts?: number;
  /** L-BFGS iterations per polish. Default 40. */
  maxIterations?: number;
  /** Fully discrete boxes up to this many points are searched exhaustively. Default 4096. */
  exhaustiveLimit?: number;
}

export interface AcquisitionMaximum {
  x: Float64Array;
  value: number;
}

const score = (v: number): number => (Number.isNaN(v) ? -Infinity : v);

/** Put every non-continuous coordinate of x on an allowed value (in place). */
export function snapToBox(dims: readonly SearchDim[], x: Float64Array): Float64Array {
  dims.forEach((dim, d) => {
    if (dim.kind === 'continuous') x[d] = Math.min(1, Math.max(0, x[d]));
    else if (dim.kind === 'categorical') x[d] = Math.min(dim.levels - 1, Math.max(0, Math.round(x[d])));
    else x[d] = dim.values[nearestIndex(dim.values, x[d])];
  });
  return x;
}

function nearestIndex(values: Float64Array, v: number): number {
  let lo = 0, hi = values.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= v) lo = mid;
    else hi = mid;
  }
  return Math.abs(values[hi] - v) < Math.abs(values[lo] - v) ? hi : lo;
}

/** Map a point of the unit cube onto the box, with equal shares for every discrete value. */
function fromUnitCube(dims: readonly SearchDim[], u: Float64Array, out: Float64Array): void {
  dims.forEach((dim, d) => {
    if (dim.kind === 'continuous') out[d] = u[d];
    else if (dim.kind === 'categorical') out[d] = Math.min(dim.levels - 1, Math.floor(u[d] * dim.levels));
    else out[d] = dim.values[Math.min(dim.values.length - 1, Math.floor(u[d] * dim.values.length))];
  });
}

function discreteCount(dims: readonly SearchDim[]): number {
  let n = 1;
  for (const dim of dims) {
    if (dim.kind === 'continuous') return Infinity;
    n *= dim.kind === 'categorical' ? dim.levels : dim.values.length;
  }
  return n;
}

function exhaustive(problem: AcquisitionProblem, total: number): AcquisitionMaximum | null {
  const { dims } = problem;
  const x = new Float64Array(dims.length);
  let best: AcquisitionMaximum | null = null;
  for (let i = 0; i < total; i++) {
    let r = i;
    for (let d = dims.length - 1; d >= 0; d--) {
      const dim = dims[d];
      const len = dim.kind === 'categorical' ? dim.levels : dim.kind === 'discrete' ? dim.values.length : 1;
      const k = r % len;
      r = Math.floor(r / len);
      x[d] = dim.kind === 'discrete' ? dim.values[k] : k;
    }
    if (problem.excluded?.(x)) continue;
    const v = score(problem.value(x));
    if (!best || v > best.value) best = { x: Float64Array.from(x), value: v };
  }
  return best;
}

/** The best point found, or null when every point of a fully discrete box is excluded. */
export function maximizeAcquisition(
  problem: AcquisitionProblem,
  rng: Rng,
  options: AcquisitionOptimizerOptions = {},
): AcquisitionMaximum | null {
  const { dims } = problem;
  const D = dims.length;
  const total = discreteCount(dims);
  if (total <= (options.exhaustiveLimit ?? 4096)) return exhaustive(problem, total);

  // 1. Score candidates.
  const nCand = options.candidates ?? 2048;
  const seeds = problem.seeds ?? [];
  const sobol = createSobol(D, rng);
  const u = new Float64Array(D);
  const xs = new Float64Array((nCand + seeds.length) * D);
  const x = new Float64Array(D);
  let m = 0;
  const add = (p: Float64Array): void => {
    if (problem.excluded?.(p)) return;
    xs.set(p, m * D);
    m++;
  };
  for (let i = 0; i < nCand; i++) {
    sobol.point(i, u);
    fromUnitCube(dims, u, x);
    add(x);
  }
  for (const s of seeds) add(snapToBox(dims, Float64Array.from(s)));
  if (m === 0) return null;
  const vals = new Float64Array(m);
  if (problem.values) problem.values(xs, m, vals);
  else for (let i = 0; i < m; i++) vals[i] = problem.value(xs.subarray(i * D, (i + 1) * D));
  const pool: AcquisitionMaximum[] = [];
  for (let i = 0; i < m; i++) pool.push({ x: xs.slice(i * D, (i + 1) * D), value: score(vals[i]) });
  pool.sort((a, b) => b.value - a.value);

  // 2. Polish the best few distinct candidates.
  const starts: AcquisitionMaximum[] = [];
  for (const c of pool) {
    if (starts.length >= (options.localStarts ?? 5)) break;
    if (!starts.some((s) => s.x.every((v, d) => v === c.x[d]))) starts.push(c);
  }
  let best = pool[0];
  for (const start of starts) {
    const polished = localSearch(problem, start, options.maxIterations ?? 40);
    if (polished.value > best.value) best = polished;
  }
  return best;
}

function localSearch(problem: AcquisitionProblem, start: AcquisitionMaximum, maxIterations: number): AcquisitionMaximum {
  const { dims } = problem;
  const cont = dims.flatMap((dim, d) => (dim.kind === 'continuous' ? [d] : []));
  let x = Float64Array.from(start.x);
  let value = start.value;
  const full = new Float64Array(dims.length), fullGrad = new Float64Array(dims.length);

  // L-BFGS over the continuous coordinates, then one-step moves of the discrete ones; again only
  // while a discrete move changed the point (otherwise the continuous optimum is already found).
  for (let round = 0; round < 4; round++) {
    if (cont.length > 0) {
      full.set(x);
      const res = minimizeLbfgs(
        (sub, g) => {
          for (let i = 0; i < cont.length; i++) full[cont[i]] = sub[i];
          const v = problem.valueAndGradient(full, fullGrad);
          for (let i = 0; i < cont.length; i++) g[i] = -fullGrad[cont[i]];
          return Number.isFinite(v) ? -v : Infinity;
        },
        cont.map((d) => x[d]),
        {
          lower: cont.map(() => 0),
          upper: cont.map(() => 1),
          maxIterations,
          gradientTolerance: 1e-7,
          relativeTolerance: 1e-12,
        },
      );
      if (-res.f > value) {
        const next = Float64Array.from(x);
        for (let i = 0; i < cont.length; i++) next[cont[i]] = res.x[i];
        if (!problem.excluded?.(next)) {
          x = next;
          value = -res.f;
        }
      }
    }
    let moved = false;
    for (let d = 0; d < dims.length; d++) {
      const dim = dims[d];
      if (dim.kind === 'continuous') continue;
      const options: number[] = [];
      if (dim.kind === 'categorical') for (let k = 0; k < dim.levels; k++) options.push(k);
      else {
        const i = nearestIndex(dim.values, x[d]);
        for (const j of [i - 2, i - 1, i + 1, i + 2]) if (j >= 0 && j < dim.values.length) options.push(dim.values[j]);
      }
      const keep = x[d];
      let bestV = value, bestC = keep;
      for (const c of options) {
        if (c === keep) continue;
        x[d] = c;
        if (problem.excluded?.(x)) continue;
        const v = score(problem.value(x));
        if (v > bestV) {
          bestV = v;
          bestC = c;
        }
      }
      x[d] = bestC;
      if (bestC !== keep) {
        value = bestV;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return { x, value };
}
