import { expect, test } from 'vitest';
import { MAX_POOL, poolSize } from './trainerPool';

test('WebGL sweeps use one worker; wasm and cpu one per core, at most MAX_POOL', () => {
  expect(poolSize('webgl', 16)).toBe(1);
  expect(poolSize('cpu', 2)).toBe(2);
  expect(poolSize('wasm', 3)).toBe(3);
  expect(poolSize('cpu', 64)).toBe(MAX_POOL);
  expect(poolSize('wasm', undefined)).toBe(1);
  expect(poolSize('cpu', 0)).toBe(1);
});
