import { describe, expect, test } from 'vitest';
import { loadTabular, tabularDatasets } from './tabular';
import type { Dataset } from './types';

function classCounts(ds: Dataset): number[] {
  const c = Array.from({ length: ds.classNames.length }, () => 0);
  for (const v of ds.y) c[v]++;
  return c;
}

function column(ds: Dataset, j: number): number[] {
  return Array.from({ length: ds.n }, (_, i) => ds.x[i * ds.d + j]);
}

describe('tabularDatasets table', () => {
  test('lists iris, penguins and a regression set, each loadable with the same name and task', () => {
    expect(tabularDatasets.map((t) => t.id)).toEqual(['iris', 'penguins', 'penguins-mass']);
    for (const t of tabularDatasets) {
      const ds = loadTabular(t.id);
      expect(ds.id).toBe(t.id);
      expect(ds.name).toBe(t.name);
      expect(ds.task).toBe(t.task);
      expect(t.description).toMatch(/^[A-Z].*\.$/);
      expect(ds.x.length).toBe(ds.n * ds.d);
      expect(ds.y.length).toBe(ds.n);
      expect(ds.featureNames.length).toBe(ds.d);
      for (const v of ds.x) expect(Number.isFinite(v)).toBe(true);
      for (const v of ds.y) expect(Number.isFinite(v)).toBe(true);
    }
  });

  test('an unknown id is refused', () => {
    expect(() => loadTabular('titanic')).toThrow(/no built-in dataset called "titanic"/);
  });
});

describe('iris', () => {
  const ds = loadTabular('iris');
  test('150 flowers, 4 features, 50 of each of 3 species', () => {
    expect(ds.n).toBe(150);
    expect(ds.d).toBe(4);
    expect(ds.task).toBe('classification');
    expect(ds.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(classCounts(ds)).toEqual([50, 50, 50]);
    expect(ds.targetName).toBe('Species');
    expect(ds.notes).toEqual([]);
  });

  test('features are the raw measurements (first row 5.1, 3.5, 1.4, 0.2)', () => {
    expect(Array.from(ds.x.subarray(0, 4))).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    expect(ds.featureNames[2]).toBe('Petal length (cm)');
    const petal = column(ds, 2);
    const setosaMax = Math.max(...petal.filter((_, i) => ds.y[i] === 0));
    const virginicaMin = Math.min(...petal.filter((_, i) => ds.y[i] === 2));
    expect(setosaMax).toBeLessThan(virginicaMin);
  });
});

describe('penguins', () => {
  const ds = loadTabular('penguins');
  test('344 penguins, 2 with missing measurements left out and reported: 342 rows remain', () => {
    expect(ds.n).toBe(342);
    expect(ds.d).toBe(4);
    expect(ds.notes).toContain('2 rows with missing values were left out.');
    expect(ds.notes).toContain('The columns Island and Sex are not used.');
  });

  test('3 species as classes; numeric features in their usual ranges', () => {
    expect(ds.classNames).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(classCounts(ds)).toEqual([151, 68, 123]);
    expect(ds.featureNames).toEqual(['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)']);
    const mass = column(ds, 3);
    expect(Math.min(...mass)).toBeGreaterThanOrEqual(2500);
    expect(Math.max(...mass)).toBeLessThanOrEqual(6500);
    const flipper = column(ds, 2);
    expect(Math.min(...flipper)).toBeGreaterThan(150);
    expect(Math.max(...flipper)).toBeLessThan(250);
    expect(ds.targetName).toBe('Species');
  });

  test('Gentoo penguins are the heaviest on average', () => {
    const mass = column(ds, 3);
    const mean = (k: number): number => {
      const v = mass.filter((_, i) => ds.y[i] === k);
      return v.reduce((a, b) => a + b, 0) / v.length;
    };
    expect(mean(2)).toBeGreaterThan(mean(0) + 1000);
  });
});

describe('penguins-mass', () => {
  test('regression of body mass (g) on three beak and flipper measures', () => {
    const ds = loadTabular('penguins-mass');
    expect(ds.task).toBe('regression');
    expect(ds.n).toBe(342);
    expect(ds.d).toBe(3);
    expect(ds.featureNames).toEqual(['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)']);
    expect(ds.targetName).toBe('Body Mass (g)');
    expect(ds.classNames).toEqual([]);
    expect(Math.min(...ds.y)).toBeGreaterThanOrEqual(2500);
    expect(Math.max(...ds.y)).toBeLessThanOrEqual(6500);
    expect(ds.notes).toContain('2 rows with missing values were left out.');
    expect(ds.notes).toContain('The columns Species, Island and Sex are not used.');
  });
});
