import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { prepareData } from './prepare';
import { train } from './trainer';
import { defaultHyperparams } from '../core/hyperparams';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('prepareData -> train', () => {
  test('Iris: stratified standardized split, and a network learns it', async () => {
    const p = prepareData({ kind: 'tabular', id: 'iris' }, 0.2, 1);
    if ('error' in p) throw new Error(p.error);
    expect(p.split.train.n).toBe(120);
    expect(p.split.validation.n).toBe(30);
    expect(p.surface).toBeNull(); // four features: no 2-D picture
    const r = await train({ hp: { ...defaultHyperparams, epochs: 30, learningRate: 0.02 }, data: p.split, seed: 1 });
    expect(r.epochs.at(-1)!.valLoss).toBeLessThan(r.epochs[0].valLoss / 2);
    expect(r.epochs.at(-1)!.valAccuracy).toBeGreaterThan(0.85);
  });

  test('a toy set gets a surface grid covering every point', () => {
    const p = prepareData({ kind: 'toy', id: 'circle', n: 200, noise: 0.1, seed: 2 }, 0.25, 1);
    if ('error' in p) throw new Error(p.error);
    expect(p.split.train.n + p.split.validation.n).toBe(200);
    const g = p.surface!;
    expect(g.points.length).toBe(g.resolution * g.resolution * 2);
    for (const part of [p.split.train, p.split.validation]) {
      for (let i = 0; i < part.n; i++) {
        expect(part.x[2 * i]).toBeGreaterThan(g.x0);
        expect(part.x[2 * i]).toBeLessThan(g.x1);
        expect(part.x[2 * i + 1]).toBeGreaterThan(g.y0);
        expect(part.x[2 * i + 1]).toBeLessThan(g.y1);
      }
    }
  });

  test('bad CSV and too-small data come back as messages, not exceptions', () => {
    const empty = prepareData({ kind: 'csv', name: 'e.csv', text: '' }, 0.2, 1);
    expect('error' in empty && empty.error.length > 0).toBe(true);
    const header = prepareData({ kind: 'csv', name: 'h.csv', text: 'a,b,c\n', target: 'c' }, 0.2, 1);
    expect('error' in header).toBe(true);
  });
});
