import { describe, expect, test } from 'vitest';
import {
  createEncoder,
  discreteSize,
  paramFromUnit,
  paramToUnit,
  validateParams,
  validateSpace,
  type ParamSpec,
  type SearchSpace,
} from './space';

const space: SearchSpace = {
  dropout: { type: 'float', low: 0, high: 0.5 },
  learningRate: { type: 'float', low: 1e-4, high: 1, log: true },
  batchSize: { type: 'int', low: 16, high: 256, step: 16 },
  unitsPerLayer: { type: 'int', low: 1, high: 512, log: true },
  activation: { type: 'categorical', choices: ['relu', 'tanh', 'sigmoid'] },
  useBias: { type: 'categorical', choices: [true, false] },
};

describe('encode / decode round trips', () => {
  const enc = createEncoder(space);
  const samples = [
    { dropout: 0.25, learningRate: 0.003, batchSize: 64, unitsPerLayer: 37, activation: 'tanh', useBias: false },
    { dropout: 0, learningRate: 1e-4, batchSize: 16, unitsPerLayer: 1, activation: 'relu', useBias: true },
    { dropout: 0.5, learningRate: 1, batchSize: 256, unitsPerLayer: 512, activation: 'sigmoid', useBias: false },
  ];

  test('model encoding has one column per numeric param and a one-hot block per categorical', () => {
    expect(enc.dims).toBe(4 + 3 + 2);
    const x = enc.encode(samples[0]);
    expect(x.slice(4, 7)).toEqual([0, 1, 0]);
    expect(x.slice(7, 9)).toEqual([0, 1]);
    for (const v of x) expect(v >= 0 && v <= 1).toBe(true);
  });

  test.each(samples)('decode(encode(p)) == p and fromUnit(toUnit(p)) == p', (p) => {
    const back = enc.decode(enc.encode(p));
    expect(back.dropout).toBeCloseTo(p.dropout, 12);
    expect((back.learningRate as number) / p.learningRate).toBeCloseTo(1, 12);
    expect(back.batchSize).toBe(p.batchSize);
    expect(back.unitsPerLayer).toBe(p.unitsPerLayer);
    expect(back.activation).toBe(p.activation);
    expect(back.useBias).toBe(p.useBias);
    const viaUnit = enc.fromUnit(enc.toUnit(p));
    expect(viaUnit.batchSize).toBe(p.batchSize);
    expect(viaUnit.unitsPerLayer).toBe(p.unitsPerLayer);
    expect(viaUnit.activation).toBe(p.activation);
    expect((viaUnit.learningRate as number) / p.learningRate).toBeCloseTo(1, 12);
  });

  test('log floats are linear in log space', () => {
    const spec: ParamSpec = { type: 'float', low: 1e-4, high: 1, log: true };
    expect(paramToUnit(spec, 1e-2)).toBeCloseTo(0.5, 12);
    expect(paramFromUnit(spec, 0.25) as number).toBeCloseTo(1e-3, 15);
  });

  test('ints decode onto their step grid and every grid value owns an equal share of the axis', () => {
    const spec: ParamSpec = { type: 'int', low: 16, high: 256, step: 16 };
    const counts = new Map<number, number>();
    const n = 15 * 100;
    for (let i = 0; i < n; i++) {
      const v = paramFromUnit(spec, (i + 0.5) / n) as number;
      expect(Number.isInteger(v)).toBe(true);
      expect((v - 16) % 16).toBe(0);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect(counts.size).toBe(16);
    expect([...counts.values()].every((c) => Math.abs(c - n / 16) <= 1)).toBe(true);
    expect(paramFromUnit(spec, 0)).toBe(16);
    expect(paramFromUnit(spec, 1)).toBe(256);
  });

  test('log ints round to whole numbers inside the bounds', () => {
    const spec: ParamSpec = { type: 'int', low: 1, high: 512, log: true };
    for (let u = 0; u <= 1; u += 0.01) {
      const v = paramFromUnit(spec, u) as number;
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(1);
      expect(v).toBeLessThanOrEqual(512);
    }
    for (const v of [1, 2, 3, 10, 100, 511, 512]) expect(paramFromUnit(spec, paramToUnit(spec, v))).toBe(v);
  });

  test('categorical decoding takes the largest one-hot entry; unit coordinates pick equal bins', () => {
    const dec = enc.decode([0.3, 0.5, 0.5, 0.5, 0.2, 0.1, 0.9, 0.6, 0.4]);
    expect(dec.activation).toBe('sigmoid');
    expect(dec.useBias).toBe(true);
    const spec = space.activation;
    expect(paramFromUnit(spec, 0.1)).toBe('relu');
    expect(paramFromUnit(spec, 0.5)).toBe('tanh');
    expect(paramFromUnit(spec, 0.999)).toBe('sigmoid');
    expect(paramFromUnit(spec, 1)).toBe('sigmoid');
  });

  test('encoding a value that is not a choice throws', () => {
    expect(() => enc.encode({ ...samples[0], activation: 'gelu' })).toThrow(/not one of the choices/);
  });
});

describe('validateSpace', () => {
  const one = (spec: unknown): string[] => validateSpace({ x: spec as ParamSpec });

  test('a good space has no problems', () => {
    expect(validateSpace(space)).toEqual([]);
    expect(validateSpace(space, Object.keys(space))).toEqual([]);
  });

  test('each bad case gets its own message', () => {
    expect(validateSpace({})).toEqual([expect.stringMatching(/empty/)]);
    expect(one({ type: 'float', low: 1, high: 1 })).toEqual([expect.stringMatching(/low \(1\) must be less than high \(1\)/)]);
    expect(one({ type: 'float', low: 2, high: 1 })).toEqual([expect.stringMatching(/must be less than high/)]);
    expect(one({ type: 'float', low: 0, high: 1, log: true })).toEqual([expect.stringMatching(/log scale needs low above 0/)]);
    expect(one({ type: 'int', low: -3, high: 10, log: true })).toEqual([expect.stringMatching(/log scale/)]);
    expect(one({ type: 'float', low: Number.NaN, high: 1 })).toEqual([expect.stringMatching(/finite numbers/)]);
    expect(one({ type: 'float', low: 0, high: Infinity })).toEqual([expect.stringMatching(/finite numbers/)]);
    expect(one({ type: 'int', low: 0.5, high: 10 })).toEqual([expect.stringMatching(/whole-number bounds/)]);
    expect(one({ type: 'int', low: 0, high: 10, step: 0 })).toEqual([expect.stringMatching(/step must be a positive/)]);
    expect(one({ type: 'int', low: 0, high: 10, step: -2 })).toEqual([expect.stringMatching(/step must be a positive/)]);
    expect(one({ type: 'int', low: 0, high: 10, step: 3 })).toEqual([expect.stringMatching(/step 3 does not divide/)]);
    expect(one({ type: 'categorical', choices: [] })).toEqual([expect.stringMatching(/at least one choice/)]);
    expect(one({ type: 'categorical', choices: ['a', 'b', 'a'] })).toEqual([expect.stringMatching(/"a" is listed more than once/)]);
    expect(one({ type: 'normal', low: 0, high: 1 })).toEqual([expect.stringMatching(/unknown kind/)]);
    expect(validateSpace({ learningRate: space.learningRate, colour: space.activation }, ['learningRate'])).toEqual([
      'Unknown hyperparameter "colour".',
    ]);
  });

  test('messages name the parameter', () => {
    expect(validateSpace({ batchSize: { type: 'int', low: 8, high: 4 } })[0]).toMatch(/^batchSize:/);
  });

  test('several problems are all reported', () => {
    expect(validateSpace({ a: { type: 'float', low: 0, high: 0, log: true }, b: { type: 'categorical', choices: [] } })).toHaveLength(3);
  });
});

describe('helpers', () => {
  test('discreteSize counts int grids and choices; floats make it infinite', () => {
    expect(discreteSize({ a: { type: 'int', low: 0, high: 10, step: 2 }, b: { type: 'categorical', choices: [1, 2, 3] } })).toBe(18);
    expect(discreteSize(space)).toBe(Infinity);
  });

  test('validateParams flags missing, out-of-range, off-grid and non-choice values', () => {
    const p = { dropout: 0.7, learningRate: 0.01, batchSize: 20, activation: 'gelu', useBias: true };
    const problems = validateParams(space, p);
    expect(problems).toEqual([
      expect.stringMatching(/^dropout: 0.7 is outside/),
      expect.stringMatching(/^batchSize: 20 is not on the integer grid/),
      expect.stringMatching(/^unitsPerLayer: missing/),
      expect.stringMatching(/^activation: "gelu" is not one of the choices/),
    ]);
  });
});
