/**
 * Seeded training/validation split (stratified by class for classification) and standardization
 * fitted on the training part only, so no information leaks from the validation rows.
 */
import { createRng, type Rng } from '../../core/rng';
import type { Dataset, Split } from './types';

export interface SplitOptions {
  /** Share of rows held out for validation, 0..1 (default 0.2). */
  validationFraction?: number;
  seed?: number;
}

/** A split that also says which rows of the original dataset went where. */
export interface IndexedSplit extends Split {
  trainIndices: Uint32Array;
  validationIndices: Uint32Array;
}

export const DEFAULT_VALIDATION_FRACTION = 0.2;

/** The rows at `indices`, in that order, with everything else copied. */
export function subsetDataset(ds: Dataset, indices: ArrayLike<number>): Dataset {
  const n = indices.length;
  const x = new Float32Array(n * ds.d);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = indices[i];
    x.set(ds.x.subarray(r * ds.d, (r + 1) * ds.d), i * ds.d);
    y[i] = ds.y[r];
  }
  return { ...ds, featureNames: [...ds.featureNames], classNames: [...ds.classNames], notes: [...ds.notes], n, x, y };
}

/**
 * How many validation rows each class gets: proportional (largest remainder, so the total is
 * round(n * fraction)), at least 1 for every class with 2 or more rows, and never a whole class
 * (unless every class has a single row, the only way to fill the validation part).
 */
function allocate(sizes: readonly number[], fraction: number, total: number, wholeClasses = false): number[] {
  const lo = sizes.map((c) => (c >= 2 ? 1 : 0));
  const hi = sizes.map((c) => (wholeClasses ? c : c >= 2 ? c - 1 : 0));
  const quota = sizes.map((c) => c * fraction);
  const alloc = sizes.map((_, k) => Math.min(hi[k], Math.max(lo[k], Math.floor(quota[k]))));
  let remaining = total - alloc.reduce((a, b) => a + b, 0);
  const order = sizes.map((_, k) => k);
  while (remaining > 0) {
    const open = order.filter((k) => alloc[k] < hi[k]);
    if (open.length === 0) break;
    // The class furthest below its quota gets the next row; ties go to the earlier class.
    const k = open.reduce((best, j) => (quota[j] - alloc[j] > quota[best] - alloc[best] ? j : best));
    alloc[k]++;
    remaining--;
  }
  while (remaining < 0) {
    const open = order.filter((k) => alloc[k] > lo[k]);
    if (open.length === 0) break;
    const k = open.reduce((best, j) => (alloc[j] - quota[j] > alloc[best] - quota[best] ? j : best));
    alloc[k]--;
    remaining++;
  }
  // Only lone rows (every class has one): let some go to validation rather than leave it empty.
  if (total > 0 && !wholeClasses && alloc.every((a) => a === 0)) return allocate(sizes, fraction, total, true);
  return alloc;
}

/**
 * Shuffles (seeded) and splits. Classification is stratified: each class keeps its share in the
 * validation part. With 2 or more rows both parts get at least one; the fraction is clamped to 0..1.
 */
export function splitDataset(ds: Dataset, opts: SplitOptions = {}): IndexedSplit {
  const rawFraction = opts.validationFraction ?? DEFAULT_VALIDATION_FRACTION;
  const fraction = Number.isFinite(rawFraction) ? Math.min(1, Math.max(0, rawFraction)) : DEFAULT_VALIDATION_FRACTION;
  const rng: Rng = createRng(opts.seed ?? 1);
  const n = ds.n;
  const total = n >= 2 ? Math.min(n - 1, Math.max(1, Math.round(n * fraction))) : 0;

  const train: number[] = [];
  const validation: number[] = [];
  // A loop, not push(...rows): spreading hundreds of thousands of rows overflows the call stack.
  const take = (from: number[], start: number, end: number, into: number[]) => {
    for (let i = start; i < end; i++) into.push(from[i]);
  };
  if (ds.task === 'classification') {
    let k = ds.classNames.length;
    for (const v of ds.y) k = Math.max(k, v + 1);
    const groups: number[][] = Array.from({ length: k }, () => []);
    for (let i = 0; i < n; i++) groups[ds.y[i]].push(i);
    const alloc = allocate(
      groups.map((g) => g.length),
      fraction,
      total,
    );
    groups.forEach((g, c) => {
      rng.shuffle(g);
      take(g, 0, alloc[c], validation);
      take(g, alloc[c], g.length, train);
    });
  } else {
    const all = rng.shuffle(Array.from({ length: n }, (_, i) => i));
    take(all, 0, total, validation);
    take(all, total, n, train);
  }
  // Mix the classes so batches in order are not one class after another.
  rng.shuffle(train);
  rng.shuffle(validation);

  const trainIndices = Uint32Array.from(train);
  const validationIndices = Uint32Array.from(validation);
  return {
    train: subsetDataset(ds, trainIndices),
    validation: subsetDataset(ds, validationIndices),
    trainIndices,
    validationIndices,
  };
}

/** Per-feature (and, for regression, target) mean and standard deviation of the training rows. */
export interface Scaling {
  means: number[];
  stds: number[];
  /** Set for regression: targets were scaled too, and predictions are scaled back with it. */
  target: { mean: number; std: number } | null;
}

export interface Standardized extends Scaling {
  split: Split;
}

/** Mean and population standard deviation; a spread of (almost) 0 becomes 1 so nothing divides by 0. */
function meanStd(values: (i: number) => number, n: number): { mean: number; std: number } {
  if (n === 0) return { mean: 0, std: 1 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values(i);
  const mean = sum / n;
  let sq = 0;
  for (let i = 0; i < n; i++) sq += (values(i) - mean) ** 2;
  const std = Math.sqrt(sq / n);
  return { mean, std: std > 1e-12 * Math.max(1, Math.abs(mean)) ? std : 1 };
}

/** Fits the scaling on a dataset's rows (use the training part). */
export function fitScaling(train: Dataset): Scaling {
  const means: number[] = [];
  const stds: number[] = [];
  for (let j = 0; j < train.d; j++) {
    const s = meanStd((i) => train.x[i * train.d + j], train.n);
    means.push(s.mean);
    stds.push(s.std);
  }
  const target = train.task === 'regression' ? meanStd((i) => train.y[i], train.n) : null;
  return { means, stds, target };
}

/** A copy of the dataset with the scaling applied: (value - mean) / std. */
export function applyScaling(ds: Dataset, scaling: Scaling): Dataset {
  const x = new Float32Array(ds.x.length);
  for (let i = 0; i < ds.n; i++) {
    for (let j = 0; j < ds.d; j++) x[i * ds.d + j] = (ds.x[i * ds.d + j] - scaling.means[j]) / scaling.stds[j];
  }
  const y = Float32Array.from(ds.y);
  if (scaling.target && ds.task === 'regression') {
    const { mean, std } = scaling.target;
    for (let i = 0; i < ds.n; i++) y[i] = (ds.y[i] - mean) / std;
  }
  return { ...ds, featureNames: [...ds.featureNames], classNames: [...ds.classNames], notes: [...ds.notes], x, y };
}

/** Standardizes both parts with the training part's statistics (std 0 -> 1). */
export function standardize(split: Split): Standardized {
  const scaling = fitScaling(split.train);
  return {
    split: { train: applyScaling(split.train, scaling), validation: applyScaling(split.validation, scaling) },
    ...scaling,
  };
}

/** A scaled prediction back in the target's own units (identity for classification). */
export function unscaleTarget(value: number, scaling: Scaling): number {
  return scaling.target ? value * scaling.target.std + scaling.target.mean : value;
}

/** Raw features of one row into the scaled space the model sees (e.g. for a decision-surface grid). */
export function scaleFeatures(row: ArrayLike<number>, scaling: Scaling): Float32Array {
  return Float32Array.from({ length: scaling.means.length }, (_, j) => (row[j] - scaling.means[j]) / scaling.stds[j]);
}
