import { describe, expect, test } from 'vitest';
import 'fake-indexeddb/auto';
import { createIdbPersistence, createMemoryPersistence } from './idb';
import type { SavedSweep } from './types';
import { defaultHyperparams } from '../../core/hyperparams';

const sweep = (id: string, updatedAt: number, trials = 0): SavedSweep => ({
  id, createdAt: 1, updatedAt,
  config: { space: { learningRate: { type: 'float', low: 1e-3, high: 1, log: true } }, fixed: defaultHyperparams, sampler: 'gp', budget: 10, objective: 'valLoss', seed: 1, gridPointsPerAxis: 3 },
  choice: { kind: 'toy', id: 'circle', n: 400, noise: 0.1, seed: 1 },
  validationFraction: 0.2, splitSeed: 1, status: 'running',
  trials: Array.from({ length: trials }, (_, i) => ({
    id: i, index: i, params: { learningRate: 0.01 * (i + 1) }, hp: defaultHyperparams, status: 'complete' as const, value: 0.5 - i * 0.01, durationMs: 10,
    curve: [{ epoch: 1, trainLoss: 0.7, valLoss: 0.6, valAccuracy: 0.5 }],
  })),
});

for (const [name, make] of [
  ['IndexedDB', () => createIdbPersistence(`test-${Math.random()}`)],
  ['memory', () => createMemoryPersistence()],
] as const) {
  describe(`${name} persistence`, () => {
    test('keeps every saved trial, and the latest sweep is the last updated', async () => {
      const p = make();
      expect(await p.latestSweep()).toBeUndefined();
      await p.saveSweep(sweep('a', 10, 2));
      await p.saveSweep(sweep('b', 20, 1));
      await p.saveSweep(sweep('a', 30, 3)); // a trial finished in sweep a: saved again with it
      const latest = await p.latestSweep();
      expect(latest?.id).toBe('a');
      expect(latest?.trials).toHaveLength(3);
      expect(latest?.trials[2].curve[0].valAccuracy).toBe(0.5);
    });

    test('runs come back in order', async () => {
      const p = make();
      const result = { status: 'complete' as const, epochs: [], batchSize: 16, batchClamped: false, durationMs: 5, tensorDelta: 0 };
      await p.saveRun({ id: 'r2', createdAt: 2, hp: defaultHyperparams, choice: { kind: 'tabular', id: 'iris' }, splitSeed: 1, result });
      await p.saveRun({ id: 'r1', createdAt: 1, hp: defaultHyperparams, choice: { kind: 'tabular', id: 'iris' }, splitSeed: 1, result });
      expect((await p.runs()).map((r) => r.id)).toEqual(['r1', 'r2']);
    });
  });
}
