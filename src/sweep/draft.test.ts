import { describe, expect, test } from 'vitest';
import { buildSpace, defaultAxis, defaultDraft, draftFromSpace } from './draft';


import { hyperparamText } from '../ui/messages/en';

const label = (n: keyof typeof hyperparamText) => hyperparamText[n].label;

test('draftFromSpace is the inverse of buildSpace', () => {
  const draft = { ...defaultDraft(), unitsPerLayer: defaultAxis('unitsPerLayer', 'range'), activation: defaultAxis('activation', 'choices') };
  const { space } = buildSpace(draft, label);
  expect(buildSpace(draftFromSpace(space), label).space).toEqual(space);
  expect(draftFromSpace(space).epochs).toEqual({ mode: 'fixed' });
});

describe('buildSpace', () => {
  test('the default draft sweeps the learning rate on a log scale', () => {
    const { space, problems } = buildSpace(defaultDraft(), label);
    expect(problems).toEqual([]);
    expect(space).toEqual({ learningRate: { type: 'float', low: 1e-4, high: 1, log: true } });
  });

  test('int ranges, choices and their problems', () => {
    const draft = { ...defaultDraft(), unitsPerLayer: defaultAxis('unitsPerLayer', 'range'), optimizer: defaultAxis('optimizer', 'choices') };
    const { space } = buildSpace(draft, label);
    expect(space.unitsPerLayer).toEqual({ type: 'int', low: 2, high: 64, log: true });
    expect(space.optimizer).toEqual({ type: 'categorical', choices: ['sgd', 'adam', 'rmsprop'] });
    const bad = (patch: object) => buildSpace({ ...defaultDraft(), ...patch }, label).problems;
    expect(bad({ learningRate: { mode: 'range', low: '0', high: '1', log: true } })).toEqual(['Learning rate: a log scale needs a minimum above 0.']);
    expect(bad({ learningRate: { mode: 'range', low: '1', high: '0.1', log: true } })).toEqual(['Learning rate: the minimum must be smaller than the maximum.']);
    expect(bad({ learningRate: { mode: 'range', low: 'abc', high: '0.1', log: true } })).toEqual(['Learning rate: the minimum is not a number.']);
    expect(bad({ learningRate: { mode: 'range', low: '0.1', high: '100', log: true } })[0]).toMatch(/within/);
    expect(bad({ epochs: { mode: 'range', low: '3.2', high: '3.8', log: false } })[0]).toMatch(/fewer than two whole numbers/);
    expect(bad({ optimizer: { mode: 'choices', choices: [] } })).toEqual(['Optimizer: pick at least one choice.']);
    expect(bad({ learningRate: { mode: 'fixed' } })[0]).toMatch(/at least one hyperparameter/);
  });
});
