import { paramsKey, snapInt, type ParamSpec, type ParamValue, type Params, type SearchSpace } from '../space';
import type { Sampler } from './types';
import { takenKeys } from './common';

export interface GridOptions {
  /** Points per numeric axis (one number for all, or per parameter name); categoricals use every choice. Default 5. */
  pointsPerAxis?: number | Readonly<Record<string, number>>;
}

export const DEFAULT_POINTS_PER_AXIS = 5;

function pointsFor(name: string, ppa: GridOptions['pointsPerAxis']): number {
  const n = typeof ppa === 'number' ? ppa : (ppa?.[name] ?? DEFAULT_POINTS_PER_AXIS);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Grid points per axis must be a whole number of at least 1 (got ${n} for ${name})`);
  return n;
}

/**
 * The values one parameter takes in a grid: n evenly spaced values (log-spaced on a log range, the
 * geometric midpoint when n is 1), ints rounded onto their grid with repeats dropped, every choice of a categorical.
 */
export function gridAxis(spec: ParamSpec, pointsPerAxis: number): ParamValue[] {
  if (spec.type === 'categorical') return [...spec.choices];
  const n = pointsPerAxis;
  const at = (t: number): number =>
    spec.log
      ? Math.exp(Math.log(spec.low) + t * (Math.log(spec.high) - Math.log(spec.low)))
      : spec.low + t * (spec.high - spec.low);
  const raw: number[] = [];
  if (n === 1) raw.push(at(0.5));
  else for (let i = 0; i < n; i++) raw.push(i === 0 ? spec.low : i === n - 1 ? spec.high : at(i / (n - 1)));
  if (spec.type === 'float') return raw;
  const out: number[] = [];
  for (const v of raw) {
    const s = snapInt(spec, v);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

function axes(space: SearchSpace, pointsPerAxis: GridOptions['pointsPerAxis']): { names: string[]; values: ParamValue[][] } {
  const names = Object.keys(space);
  return { names, values: names.map((n) => gridAxis(space[n], pointsFor(n, pointsPerAxis))) };
}

/** How many points a grid sweep will try (shown before it starts). */
export function gridSize(space: SearchSpace, pointsPerAxis: GridOptions['pointsPerAxis'] = DEFAULT_POINTS_PER_AXIS): number {
  if (Object.keys(space).length === 0) return 0;
  return axes(space, pointsPerAxis).values.reduce((n, a) => n * a.length, 1);
}

/** The i-th grid point: the first parameter varies slowest, like nested loops. */
function gridPoint(names: string[], values: ParamValue[][], index: number): Params {
  const p: Params = {};
  let r = index;
  for (let d = names.length - 1; d >= 0; d--) {
    const len = values[d].length;
    p[names[d]] = values[d][r % len];
    r = Math.floor(r / len);
  }
  return p;
}

/** Every grid point in sweep order. */
export function gridPoints(space: SearchSpace, pointsPerAxis: GridOptions['pointsPerAxis'] = DEFAULT_POINTS_PER_AXIS): Params[] {
  const { names, values } = axes(space, pointsPerAxis);
  const total = gridSize(space, pointsPerAxis);
  return Array.from({ length: total }, (_, i) => gridPoint(names, values, i));
}

export function createGridSampler(space: SearchSpace, options: GridOptions = {}): Sampler {
  const { names, values } = axes(space, options.pointsPerAxis);
  const total = values.reduce((n, a) => n * a.length, 1);
  // Every point before the cursor has been handed out, so each ask scans forward only.
  let cursor = 0;
  return {
    propose(ctx) {
      const taken = takenKeys(ctx);
      while (cursor < total) {
        const p = gridPoint(names, values, cursor++);
        if (!taken.has(paramsKey(space, p))) return { params: p };
      }
      return { exhausted: `All ${total} grid points have been tried` };
    },
  };
}
