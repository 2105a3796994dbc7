import { describe, expect, test } from 'vitest';
import { applyScaling, scaleFeatures, splitDataset, standardize, subsetDataset, unscaleTarget } from './split';
import { generateToy } from './toy';
import { loadTabular } from './tabular';
import type { Dataset } from './types';

function classCounts(ds: Dataset): number[] {
  const c = Array.from({ length: ds.classNames.length }, () => 0);
  for (const v of ds.y) c[v]++;
  return c;
}

/** A classification set with the given class sizes; row i has features (i, 2i). */
function withClasses(sizes: number[]): Dataset {
  const y: number[] = [];
  sizes.forEach((s, k) => { for (let i = 0; i < s; i++) y.push(k); });
  const n = y.length;
  return {
    id: 't', name: 't', task: 'classification', featureNames: ['a', 'b'], n, d: 2,
    x: Float32Array.from({ length: 2 * n }, (_, i) => (i % 2 === 0 ? i / 2 : i - 1)),
    y: Float32Array.from(y), classNames: sizes.map((_, k) => `c${k}`), targetName: 'y', notes: ['a note'],
  };
}

function columnStats(ds: Dataset, j: number): { mean: number; std: number } {
  let s = 0;
  for (let i = 0; i < ds.n; i++) s += ds.x[i * ds.d + j];
  const mean = s / ds.n;
  let q = 0;
  for (let i = 0; i < ds.n; i++) q += (ds.x[i * ds.d + j] - mean) ** 2;
  return { mean, std: Math.sqrt(q / ds.n) };
}

describe('splitDataset', () => {
  test('sizes add up, no row is in both parts, and each row keeps its own label', () => {
    const ds = withClasses([50, 30, 20]);
    const s = splitDataset(ds, { validationFraction: 0.2, seed: 1 });
    expect(s.train.n + s.validation.n).toBe(100);
    expect(s.validation.n).toBe(20);
    const all = [...s.trainIndices, ...s.validationIndices].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    s.trainIndices.forEach((r, i) => {
      expect(s.train.x[2 * i]).toBe(r);
      expect(s.train.y[i]).toBe(ds.y[r]);
    });
    expect(s.train.notes).toEqual(['a note']);
    expect(s.train.x.length).toBe(s.train.n * 2);
  });

  test('stratified: each class keeps its share in validation', () => {
    const s = splitDataset(withClasses([50, 30, 20]), { validationFraction: 0.2, seed: 3 });
    expect(classCounts(s.validation)).toEqual([10, 6, 4]);
    expect(classCounts(s.train)).toEqual([40, 24, 16]);
    const iris = splitDataset(loadTabular('iris'), { validationFraction: 0.3, seed: 2 });
    expect(classCounts(iris.validation)).toEqual([15, 15, 15]);
  });

  test('the total stays round(n * fraction) when shares do not divide evenly', () => {
    const s = splitDataset(withClasses([7, 7, 7]), { validationFraction: 0.25, seed: 1 });
    expect(s.validation.n).toBe(5);
    for (const c of classCounts(s.validation)) expect([1, 2]).toContain(c);
  });

  test('every class with 2 or more rows gets a validation row; a lone row stays in training', () => {
    const s = splitDataset(withClasses([200, 2, 3, 1]), { validationFraction: 0.1, seed: 1 });
    const v = classCounts(s.validation);
    expect(v[1]).toBe(1);
    expect(v[2]).toBe(1);
    expect(v[3]).toBe(0);
    expect(classCounts(s.train)[3]).toBe(1);
    expect(v[0]).toBeGreaterThanOrEqual(18);
  });

  test('never puts a whole class in validation, even with a large fraction', () => {
    const s = splitDataset(withClasses([2, 2, 10]), { validationFraction: 0.9, seed: 1 });
    const t = classCounts(s.train);
    for (const c of t) expect(c).toBeGreaterThanOrEqual(1);
  });

  test('same seed, same split; another seed, another split', () => {
    const ds = generateToy('circle', { n: 200, seed: 1 });
    const a = splitDataset(ds, { seed: 5 });
    const b = splitDataset(ds, { seed: 5 });
    const c = splitDataset(ds, { seed: 6 });
    expect(a.trainIndices).toEqual(b.trainIndices);
    expect(a.validation.x).toEqual(b.validation.x);
    expect(a.validationIndices).not.toEqual(c.validationIndices);
  });

  test('rows are shuffled, not grouped by class', () => {
    const s = splitDataset(withClasses([100, 100]), { seed: 1 });
    expect(new Set(Array.from(s.train.y.subarray(0, 40))).size).toBe(2);
  });

  test('regression splits by shuffling, default fraction 0.2', () => {
    const ds = loadTabular('penguins-mass');
    const s = splitDataset(ds, { seed: 1 });
    expect(s.validation.n).toBe(Math.round(342 * 0.2));
    expect(s.train.n).toBe(342 - s.validation.n);
    expect(new Set([...s.trainIndices, ...s.validationIndices]).size).toBe(342);
  });

  test('a big CSV-sized set (600,000 rows) splits in both modes without overflowing the stack', () => {
    const n = 600_000;
    const big: Dataset = { ...withClasses([n / 2, n / 2]) };
    const split = splitDataset(big, { validationFraction: 0.2, seed: 1 });
    expect([split.train.n, split.validation.n]).toEqual([480_000, 120_000]);
    expect(classCounts(split.validation)).toEqual([60_000, 60_000]);
    const reg = splitDataset({ ...big, task: 'regression', classNames: [] }, { validationFraction: 0.25, seed: 1 });
    expect([reg.train.n, reg.validation.n]).toEqual([450_000, 150_000]);
    expect(new Set([...reg.trainIndices, ...reg.validationIndices]).size).toBe(n);
  });

  test('tiny sets and odd fractions still give both parts a row when they can', () => {
    expect(splitDataset(withClasses([1, 1]), { seed: 1 }).validation.n).toBe(1);
    const one = splitDataset(withClasses([1]), { seed: 1 });
    expect([one.train.n, one.validation.n]).toEqual([1, 0]);
    const zero = splitDataset(generateToy('plane', { n: 10 }), { validationFraction: 0, seed: 1 });
    expect([zero.train.n, zero.validation.n]).toEqual([9, 1]);
    const all = splitDataset(generateToy('plane', { n: 10 }), { validationFraction: 1, seed: 1 });
    expect([all.train.n, all.validation.n]).toEqual([1, 9]);
  });
});

describe('standardize', () => {
  test('training features get mean 0 and std 1; validation uses the training statistics', () => {
    const ds = loadTabular('penguins');
    const s = splitDataset(ds, { seed: 1 });
    const out = standardize(s);
    for (let j = 0; j < ds.d; j++) {
      const st = columnStats(out.split.train, j);
      expect(st.mean).toBeCloseTo(0, 4);
      expect(st.std).toBeCloseTo(1, 4);
      expect(out.means[j]).toBeCloseTo(columnStats(s.train, j).mean, 2);
      const raw = s.validation.x[j];
      expect(out.split.validation.x[j]).toBeCloseTo((raw - out.means[j]) / out.stds[j], 4);
    }
    // Validation statistics are near, but not exactly, 0 and 1: they were not fitted on it.
    expect(Math.abs(columnStats(out.split.validation, 0).mean)).toBeLessThan(0.5);
    expect(out.target).toBeNull();
    expect(out.split.train.y).toEqual(s.train.y);
    expect(out.split.train.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
  });

  test('the input split is not changed', () => {
    const s = splitDataset(loadTabular('iris'), { seed: 1 });
    const before = Float32Array.from(s.train.x);
    standardize(s);
    expect(s.train.x).toEqual(before);
  });

  test('a constant feature gets std 1 instead of a division by zero', () => {
    const ds = withClasses([10, 10]);
    for (let i = 0; i < ds.n; i++) ds.x[2 * i + 1] = 7;
    const out = standardize(splitDataset(ds, { seed: 1 }));
    expect(out.stds[1]).toBe(1);
    for (let i = 0; i < out.split.train.n; i++) expect(out.split.train.x[2 * i + 1]).toBe(0);
    for (const v of out.split.validation.x) expect(Number.isFinite(v)).toBe(true);
  });

  test('regression targets are standardized too, and can be turned back', () => {
    const s = splitDataset(loadTabular('penguins-mass'), { seed: 2 });
    const out = standardize(s);
    expect(out.target).not.toBeNull();
    const t = out.target as { mean: number; std: number };
    expect(t.mean).toBeGreaterThan(3500);
    expect(t.mean).toBeLessThan(5000);
    let sum = 0, sq = 0;
    for (const v of out.split.train.y) { sum += v; sq += v * v; }
    expect(sum / out.split.train.n).toBeCloseTo(0, 4);
    expect(Math.sqrt(sq / out.split.train.n)).toBeCloseTo(1, 4);
    expect(unscaleTarget(out.split.validation.y[0], out)).toBeCloseTo(s.validation.y[0], 1);
    expect(unscaleTarget(0.5, { means: [], stds: [], target: null })).toBe(0.5);
  });

  test('applyScaling and scaleFeatures agree for new data', () => {
    const s = splitDataset(generateToy('gaussian', { n: 100, noise: 0.3, seed: 1 }), { seed: 1 });
    const out = standardize(s);
    const row = [0.2, -0.4];
    const scaled = scaleFeatures(row, out);
    const ds = subsetDataset(s.train, [0]);
    ds.x.set(row);
    const applied = applyScaling(ds, out);
    expect(Array.from(scaled)).toEqual(Array.from(applied.x));
  });
});
