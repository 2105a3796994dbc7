import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { datasetRegistry, findDatasetInfo, loadDataset, type LoadResult } from './index';
import type { Dataset } from './types';

function ok(r: LoadResult): Dataset {
  if ('error' in r) throw new Error(r.error);
  return r.dataset;
}

describe('datasetRegistry', () => {
  test('lists toy and tabular sets once each, with names, tasks and descriptions', () => {
    const ids = datasetRegistry.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(datasetRegistry.filter((d) => d.kind === 'toy').length).toBeGreaterThanOrEqual(6);
    expect(ids).toEqual(expect.arrayContaining(['circle', 'xor', 'gaussian', 'spiral', 'plane', 'iris', 'penguins', 'penguins-mass']));
    for (const d of datasetRegistry) {
      expect(['toy', 'tabular']).toContain(d.kind);
      expect(['classification', 'regression']).toContain(d.task);
      expect(d.name).not.toBe('');
      expect(d.description).toMatch(/\.$/);
    }
    expect(findDatasetInfo('iris')?.kind).toBe('tabular');
    expect(findDatasetInfo('nope')).toBeUndefined();
  });

  test('every entry loads, with the task the registry promises', () => {
    for (const d of datasetRegistry) {
      const source = d.kind === 'toy' ? { kind: 'toy' as const, id: d.id, n: 50, noise: 0.1, seed: 1 } : { kind: 'tabular' as const, id: d.id };
      const ds = ok(loadDataset(source));
      expect(ds.id).toBe(d.id);
      expect(ds.task).toBe(d.task);
      expect(ds.name).toBe(d.name);
    }
  });
});

describe('loadDataset', () => {
  test('toy sets follow n, noise and seed; defaults fill the gaps', () => {
    const a = ok(loadDataset({ kind: 'toy', id: 'spiral', n: 120, noise: 0.2, seed: 4 }));
    const b = ok(loadDataset({ kind: 'toy', id: 'spiral', n: 120, noise: 0.2, seed: 4 }));
    expect(a.n).toBe(120);
    expect(a.x).toEqual(b.x);
    expect(ok(loadDataset({ kind: 'toy', id: 'circle' })).n).toBe(400);
  });

  test('CSV text goes through parsing with the chosen target and task', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i},${i * 2},${i % 2 ? 'cat' : 'dog'}`);
    const ds = ok(loadDataset({ kind: 'csv', text: ['a,b,pet', ...rows].join('\n'), name: 'pets.csv' }));
    expect(ds.classNames).toEqual(['cat', 'dog']);
    expect(ds.name).toBe('pets.csv');
    const reg = ok(loadDataset({ kind: 'csv', text: ['a,b,pet', ...rows].join('\n'), target: 'b', task: 'regression' }));
    expect(reg.task).toBe('regression');
  });

  test('problems come back as messages, never as exceptions', () => {
    expect(loadDataset({ kind: 'toy', id: 'moons' })).toEqual({ error: 'There is no toy dataset called "moons".' });
    expect(loadDataset({ kind: 'tabular', id: 'titanic' })).toEqual({ error: 'There is no built-in dataset called "titanic".' });
    expect(loadDataset({ kind: 'toy', id: 'circle', n: 0 })).toEqual({ error: 'The number of points must be a whole number from 2 to 100000, not 0.' });
    expect(loadDataset({ kind: 'csv', text: '' })).toEqual({ error: 'The file is empty.' });
    // A malformed message from outside (the worker receives plain objects) is refused too.
    const bad = JSON.parse('{"kind":"url","id":"x"}') as Parameters<typeof loadDataset>[0];
    expect(loadDataset(bad)).toEqual({ error: 'Unknown kind of dataset.' });
  });
});

describe('the datasets folder stays pure', () => {
  test('no module imports React, tfjs or the DOM', () => {
    const dir = fileURLToPath(new URL('.', import.meta.url));
    const sources = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
    expect(sources.length).toBeGreaterThanOrEqual(6);
    for (const f of sources) {
      const text = readFileSync(dir + f, 'utf8');
      expect(text, f).not.toMatch(/from ['"](react|react-dom|@tensorflow\/[^'"]+)['"]/);
      expect(text, f).not.toMatch(/\b(document|window|localStorage|FileReader)\./);
    }
  });
});
