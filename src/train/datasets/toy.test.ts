import { describe, expect, test } from 'vitest';
import { generateToy, toyDatasets, type ToyId } from './toy';
import type { Dataset } from './types';

const ids = toyDatasets.map((t) => t.id);
const classIds = toyDatasets.filter((t) => t.task === 'classification').map((t) => t.id);
const regressionIds = toyDatasets.filter((t) => t.task === 'regression').map((t) => t.id);

function counts(ds: Dataset): number[] {
  const c = Array.from({ length: ds.classNames.length }, () => 0);
  for (const v of ds.y) c[v]++;
  return c;
}

function radius(ds: Dataset, i: number): number {
  return Math.hypot(ds.x[2 * i], ds.x[2 * i + 1]);
}

describe('toyDatasets table', () => {
  test('has the promised sets with unique ids and short descriptions', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ['circle', 'xor', 'gaussian', 'spiral', 'plane']) expect(ids).toContain(id);
    expect(regressionIds.length).toBeGreaterThanOrEqual(2);
    for (const t of toyDatasets) {
      expect(t.name.length).toBeGreaterThan(0);
      expect(t.description).toMatch(/^[A-Z].*\.$/);
      expect(t.description.length).toBeLessThan(100);
    }
  });
});

describe.each(ids)('generateToy(%s)', (id: ToyId) => {
  test('has the asked size and shape, finite features in about [-1, 1]', () => {
    for (const n of [2, 7, 300]) {
      const ds = generateToy(id, { n, noise: 0.3, seed: 3 });
      expect(ds.id).toBe(id);
      expect(ds.n).toBe(n);
      expect(ds.d).toBe(2);
      expect(ds.x.length).toBe(2 * n);
      expect(ds.y.length).toBe(n);
      expect(ds.featureNames).toEqual(['x1', 'x2']);
      for (const v of ds.x) {
        expect(Number.isFinite(v)).toBe(true);
        expect(Math.abs(v)).toBeLessThan(2.5);
      }
      for (const v of ds.y) expect(Number.isFinite(v)).toBe(true);
    }
    const clean = generateToy(id, { n: 500, noise: 0, seed: 1 });
    const inside = Array.from(clean.x).filter((v) => Math.abs(v) <= 1.05).length;
    expect(inside / clean.x.length).toBeGreaterThan(0.95);
  });

  test('same seed gives the same data, another seed other data', () => {
    const a = generateToy(id, { n: 100, noise: 0.2, seed: 11 });
    const b = generateToy(id, { n: 100, noise: 0.2, seed: 11 });
    const c = generateToy(id, { n: 100, noise: 0.2, seed: 12 });
    expect(a.x).toEqual(b.x);
    expect(a.y).toEqual(b.y);
    expect(a.x).not.toEqual(c.x);
  });

  test('the task matches the table', () => {
    const ds = generateToy(id, { n: 50 });
    const info = toyDatasets.find((t) => t.id === id);
    expect(ds.task).toBe(info?.task);
    expect(ds.name).toBe(info?.name);
    if (ds.task === 'regression') expect(ds.classNames).toEqual([]);
  });
});

describe.each(classIds)('classification set %s', (id) => {
  test('labels are class indices and the classes are balanced', () => {
    const ds = generateToy(id, { n: 600, noise: 0, seed: 5 });
    expect(ds.classNames.length).toBeGreaterThanOrEqual(2);
    for (const v of ds.y) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(ds.classNames.length);
    }
    const c = counts(ds);
    const share = 600 / ds.classNames.length;
    for (const k of c) expect(Math.abs(k - share)).toBeLessThanOrEqual(1);
  });

  test('rows are shuffled, not grouped by class', () => {
    const ds = generateToy(id, { n: 200, noise: 0, seed: 2 });
    const firstHalf = Array.from(ds.y.subarray(0, 100));
    expect(new Set(firstHalf).size).toBe(ds.classNames.length);
  });
});

describe('geometry', () => {
  test('circle: with no noise, the inside class is a disc and the outside class a ring', () => {
    const ds = generateToy('circle', { n: 1000, noise: 0, seed: 1 });
    for (let i = 0; i < ds.n; i++) {
      if (ds.y[i] === 1) expect(radius(ds, i)).toBeLessThan(2.5 / 6 + 1e-6);
      else expect(radius(ds, i)).toBeGreaterThan(3.5 / 6 - 1e-6);
    }
  });

  test('circle: with noise, inside points still have a smaller radius on average, but some labels cross', () => {
    const ds = generateToy('circle', { n: 2000, noise: 0.5, seed: 1 });
    let inSum = 0, inN = 0, outSum = 0, outN = 0, crossed = 0;
    for (let i = 0; i < ds.n; i++) {
      const r = radius(ds, i);
      if (ds.y[i] === 1) { inSum += r; inN++; if (r > 3.5 / 6) crossed++; }
      else { outSum += r; outN++; if (r < 2.5 / 6) crossed++; }
    }
    expect(inSum / inN).toBeLessThan(outSum / outN);
    expect(crossed).toBeGreaterThan(0);
  });

  test('xor: with no noise the label is the sign of x1 * x2, and points keep off the axes', () => {
    const ds = generateToy('xor', { n: 1000, noise: 0, seed: 4 });
    for (let i = 0; i < ds.n; i++) {
      const a = ds.x[2 * i], b = ds.x[2 * i + 1];
      expect(ds.y[i]).toBe(a * b >= 0 ? 1 : 0);
      expect(Math.abs(a)).toBeGreaterThanOrEqual(0.3 / 6 - 1e-6);
      expect(Math.abs(b)).toBeGreaterThanOrEqual(0.3 / 6 - 1e-6);
    }
  });

  test('xor: noise flips some labels near the axes', () => {
    const ds = generateToy('xor', { n: 1000, noise: 0.5, seed: 4 });
    let wrong = 0;
    for (let i = 0; i < ds.n; i++) if (ds.y[i] !== (ds.x[2 * i] * ds.x[2 * i + 1] >= 0 ? 1 : 0)) wrong++;
    expect(wrong).toBeGreaterThan(10);
    expect(wrong).toBeLessThan(500);
  });

  test('gaussian: class means sit on opposite sides, and noise spreads the clouds', () => {
    const spread = (noise: number): number => {
      const ds = generateToy('gaussian', { n: 2000, noise, seed: 9 });
      const mean = [0, 0, 0, 0];
      const c = counts(ds);
      for (let i = 0; i < ds.n; i++) {
        mean[2 * ds.y[i]] += ds.x[2 * i] / c[ds.y[i]];
        mean[2 * ds.y[i] + 1] += ds.x[2 * i + 1] / c[ds.y[i]];
      }
      expect(mean[0]).toBeCloseTo(-2 / 6, 1);
      expect(mean[1]).toBeCloseTo(-2 / 6, 1);
      expect(mean[2]).toBeCloseTo(2 / 6, 1);
      expect(mean[3]).toBeCloseTo(2 / 6, 1);
      let sq = 0;
      for (let i = 0; i < ds.n; i++) sq += (ds.x[2 * i] - mean[2 * ds.y[i]]) ** 2;
      return Math.sqrt(sq / ds.n);
    };
    const tight = spread(0), loose = spread(0.5);
    expect(tight).toBeCloseTo(Math.sqrt(0.5) / 6, 1);
    expect(loose).toBeCloseTo(2 / 6, 1);
  });

  test('blobs: three classes around three different centres', () => {
    const ds = generateToy('blobs', { n: 900, noise: 0, seed: 2 });
    expect(ds.classNames.length).toBe(3);
    const centres = [0, 1, 2].map((k) => {
      let sx = 0, sy = 0, c = 0;
      for (let i = 0; i < ds.n; i++) if (ds.y[i] === k) { sx += ds.x[2 * i]; sy += ds.x[2 * i + 1]; c++; }
      return [sx / c, sy / c];
    });
    for (const [cx, cy] of centres) expect(Math.hypot(cx, cy)).toBeCloseTo(0.5, 1);
    expect(Math.hypot(centres[0][0] - centres[1][0], centres[0][1] - centres[1][1])).toBeGreaterThan(0.6);
  });

  test('spiral: the two arms are point reflections of each other at noise 0', () => {
    const ds = generateToy('spiral', { n: 400, noise: 0, seed: 1 });
    const key = (a: number, b: number): string => `${a.toFixed(4)},${b.toFixed(4)}`;
    const arm0 = new Set<string>();
    for (let i = 0; i < ds.n; i++) if (ds.y[i] === 0) arm0.add(key(ds.x[2 * i], ds.x[2 * i + 1]));
    let matched = 0;
    for (let i = 0; i < ds.n; i++) if (ds.y[i] === 1 && arm0.has(key(-ds.x[2 * i] + 0, -ds.x[2 * i + 1] + 0))) matched++;
    expect(matched).toBeGreaterThan(190);
    let maxR = 0;
    for (let i = 0; i < ds.n; i++) maxR = Math.max(maxR, radius(ds, i));
    expect(maxR).toBeLessThanOrEqual(5 / 6 + 1e-6);
  });

  test('plane: with no noise the target is (x1 + x2) * 0.6', () => {
    const ds = generateToy('plane', { n: 300, noise: 0, seed: 1 });
    for (let i = 0; i < ds.n; i++) expect(ds.y[i]).toBeCloseTo((ds.x[2 * i] + ds.x[2 * i + 1]) * 0.6, 5);
  });

  test('plane: noise moves targets away from the plane', () => {
    const ds = generateToy('plane', { n: 300, noise: 0.3, seed: 1 });
    let err = 0;
    for (let i = 0; i < ds.n; i++) err += Math.abs(ds.y[i] - (ds.x[2 * i] + ds.x[2 * i + 1]) * 0.6);
    expect(err / ds.n).toBeGreaterThan(0.05);
  });

  test('wave: with no noise the target is sin(pi x1) cos(pi x2)', () => {
    const ds = generateToy('wave', { n: 300, noise: 0, seed: 1 });
    for (let i = 0; i < ds.n; i++) {
      expect(ds.y[i]).toBeCloseTo(Math.sin(Math.PI * ds.x[2 * i]) * Math.cos(Math.PI * ds.x[2 * i + 1]), 4);
    }
  });

  test('bumps: targets lie in [-1, 1], positive near a hill and negative near a valley', () => {
    const ds = generateToy('bumps', { n: 3000, noise: 0, seed: 1 });
    let hill = 0, valley = 0;
    for (let i = 0; i < ds.n; i++) {
      expect(Math.abs(ds.y[i])).toBeLessThanOrEqual(1.01);
      const a = ds.x[2 * i] * 6, b = ds.x[2 * i + 1] * 6;
      if (Math.hypot(a + 4, b - 2.5) < 0.5) { expect(ds.y[i]).toBeGreaterThan(0.8); hill++; }
      if (Math.hypot(a, b - 2.5) < 0.5) { expect(ds.y[i]).toBeLessThan(-0.8); valley++; }
    }
    expect(hill).toBeGreaterThan(0);
    expect(valley).toBeGreaterThan(0);
  });
});

describe('bad options', () => {
  test('unknown ids, sizes and noise levels are refused with a plain message', () => {
    expect(() => generateToy('moons')).toThrow(/no toy dataset called "moons"/);
    expect(() => generateToy('circle', { n: 1 })).toThrow(/whole number from 2/);
    expect(() => generateToy('circle', { n: 10.5 })).toThrow(/whole number/);
    expect(() => generateToy('circle', { n: 1e6 })).toThrow(/whole number/);
    expect(() => generateToy('circle', { noise: -0.1 })).toThrow(/Noise/);
    expect(() => generateToy('circle', { noise: 50 })).toThrow(/from 0 to 1/);
    expect(() => generateToy('circle', { noise: Number.NaN })).toThrow(/Noise/);
  });

  test('defaults give 400 clean points', () => {
    const ds = generateToy('circle');
    expect(ds.n).toBe(400);
    expect(generateToy('circle').x).toEqual(ds.x);
  });
});
