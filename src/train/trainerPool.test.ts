import { expect, test } from 'vitest';
import { MAX_POOL, poolSize, sweepPlan } from './trainerPool';

test('WebGL sweeps use one worker; wasm and cpu one per core, at most MAX_POOL', () => {
  expect(poolSize('webgl', 16)).toBe(1);
  expect(poolSize('cpu', 2)).toBe(2);
  expect(poolSize('wasm', 3)).toBe(3);
  expect(poolSize('cpu', 64)).toBe(MAX_POOL);
  expect(poolSize('wasm', undefined)).toBe(1);
  expect(poolSize('cpu', 0)).toBe(1);
});

test('sweep plans: padded stacks on webgl and wasm whatever the workers; cpu splits equal-width stacks over its pool', () => {
  expect(sweepPlan('webgl', 8, 20, 20)).toEqual({ workers: 1, size: 20, padWidths: true });
  // wasm: the unit size never depends on the number of cores (stacks there differ from training alone by rounding).
  expect(sweepPlan('wasm', 2, 20, 20)).toEqual({ workers: 2, size: 20, padWidths: true });
  expect(sweepPlan('wasm', 4, 20, 20).size).toBe(sweepPlan('wasm', 1, 20, 20).size);
  expect(sweepPlan('cpu', 2, 20, 20)).toEqual({ workers: 2, size: 10, padWidths: false });
  expect(sweepPlan('cpu', 4, 20, 6)).toEqual({ workers: 4, size: 2, padWidths: false });
  expect(sweepPlan('cpu', 1, 8, 100).size).toBe(8);
});
