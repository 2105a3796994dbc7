import { expect, test } from 'vitest';
import { passesBrushes, pcAxes, pcLine, pcValueAt } from './parallel';

const space = {
  learningRate: { type: 'float' as const, low: 1e-4, high: 1, log: true },
  unitsPerLayer: { type: 'int' as const, low: 2, high: 34 },
  optimizer: { type: 'categorical' as const, choices: ['sgd', 'adam', 'rmsprop'] },
};

test('log, linear and categorical axes place values where they belong; the objective axis spans the values', () => {
  const axes = pcAxes(space, { learningRate: 'Learning rate' }, 'loss', [0.2, 0.8, NaN]);
  expect(axes.map((a) => a.kind)).toEqual(['log', 'linear', 'categorical', 'linear']);
  const line = pcLine(axes, { learningRate: 0.01, unitsPerLayer: 18, optimizer: 'rmsprop' }, 0.5);
  expect(line[0]).toBeCloseTo(0.5);
  expect(line[1]).toBeCloseTo(0.5);
  expect(line[2]).toBe(1);
  expect(line[3]).toBeCloseTo(0.5);
  expect(pcValueAt(axes[0], 0.25)).toBeCloseTo(1e-3);
  expect(pcValueAt(axes[2], 0.5)).toBe('adam');
});

test('brushing keeps only lines inside every brushed range', () => {
  const axes = pcAxes(space, {}, 'loss', [0, 1]);
  const a = pcLine(axes, { learningRate: 0.01, unitsPerLayer: 2, optimizer: 'sgd' }, 0.1);
  const b = pcLine(axes, { learningRate: 1, unitsPerLayer: 34, optimizer: 'adam' }, 0.9);
  expect(passesBrushes(a, axes, {})).toBe(true);
  expect(passesBrushes(a, axes, { __objective: [0, 0.5] })).toBe(true);
  expect(passesBrushes(b, axes, { __objective: [0.5, 0] })).toBe(false);
  expect(passesBrushes(b, axes, { learningRate: [0.9, 1], optimizer: [0.4, 0.6] })).toBe(true);
});
