import { describe, expect, test } from 'vitest';
import { decodeUrlState, defaultUrlState, encodeUrlState } from './url';
import { defaultHyperparams } from '../core/hyperparams';

describe('URL state', () => {
  test('round trip of hyperparameters, toy dataset and seeds', () => {
    const s = {
      hp: { ...defaultHyperparams, learningRate: 0.003, optimizer: 'rmsprop' as const, hiddenLayers: 3, activation: 'relu' as const },
      choice: { kind: 'toy' as const, id: 'spiral', n: 600, noise: 0.25, seed: 9 },
      splitSeed: 4,
      backend: 'wasm' as const,
    };
    const { state, rejected } = decodeUrlState(encodeUrlState(s));
    expect(rejected).toEqual([]);
    expect(state).toEqual(s);
  });

  test('tabular choice round trips; a csv file is not written, only that one was used', () => {
    const { state } = decodeUrlState(encodeUrlState({ ...defaultUrlState, choice: { kind: 'tabular', id: 'iris' } }));
    expect(state.choice).toEqual({ kind: 'tabular', id: 'iris' });
    const q = encodeUrlState({ ...defaultUrlState, choice: { kind: 'csv', fileName: 'a.csv', file: new Blob(['x,y\n1,2\n']), target: 'x' } });
    expect(q).toContain('data=csv');
    expect(q).not.toContain('x%2Cy');
    expect(q).not.toContain('a.csv');
    expect(decodeUrlState(q).state.choice).toEqual({ kind: 'csv', fileName: '', target: '' });
  });

  test('bad values are replaced by defaults or clamped, and named', () => {
    const { state, rejected } = decodeUrlState(
      '?learningRate=NaN&batchSize=-4&epochs=1e9&optimizer=evil&hiddenLayers=2.5&activation=<script>&data=nope&split=x&backend=gpu&noise=3',
    );
    expect(state.hp.learningRate).toBe(defaultHyperparams.learningRate);
    expect(state.hp.batchSize).toBe(1);
    expect(state.hp.epochs).toBe(500);
    expect(state.hp.optimizer).toBe(defaultHyperparams.optimizer);
    expect(state.hp.hiddenLayers).toBe(3);
    expect(state.hp.activation).toBe(defaultHyperparams.activation);
    expect(state.choice).toEqual(defaultUrlState.choice);
    expect(state.backend).toBe('webgl');
    expect(rejected.sort()).toEqual(['activation', 'backend', 'batchSize', 'data', 'epochs', 'hiddenLayers', 'learningRate', 'optimizer', 'split'].sort());
  });

  test('an empty query is the default state', () => {
    expect(decodeUrlState('')).toEqual({ state: defaultUrlState, rejected: [] });
  });
});
