import { describe, expect, test } from 'vitest';
import { createRng } from '../../rng';
import { choleskyInPlace, choleskyWithJitter, cholInverse, cholLogDet, cholSolve } from './linalg';

function randomSpd(n: number, seed: number): Float64Array {
  const r = createRng(seed);
  const B = Float64Array.from({ length: n * n }, () => r.normal());
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += B[i * n + k] * B[j * n + k];
      A[i * n + j] = s;
    }
  return A;
}

describe('Cholesky', () => {
  test('L L^T reproduces A, solves and inverts', () => {
    const n = 7;
    const A = randomSpd(n, 1);
    const L = new Float64Array(n * n);
    expect(choleskyWithJitter(A, n, L)).toBe(0);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += L[i * n + k] * L[j * n + k];
        expect(s).toBeCloseTo(A[i * n + j], 10);
        if (j > i) expect(L[i * n + j]).toBe(0);
      }
    const b = Float64Array.from({ length: n }, (_, i) => i - 3);
    const x = cholSolve(L, n, b, new Float64Array(n));
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += A[i * n + k] * x[k];
      expect(s).toBeCloseTo(b[i], 10);
    }
    const inv = cholInverse(L, n, new Float64Array(n * n), new Float64Array(n * n));
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += A[i * n + k] * inv[k * n + j];
        expect(s).toBeCloseTo(i === j ? 1 : 0, 10);
      }
  });

  test('log determinant of a 2x2', () => {
    const A = new Float64Array([4, 2, 2, 3]);
    const L = new Float64Array(4);
    choleskyWithJitter(A, 2, L);
    expect(cholLogDet(L, 2)).toBeCloseTo(Math.log(8), 14);
  });

  test('a singular matrix (repeated points) factors once jitter is added', () => {
    const A = new Float64Array([1, 1, 1, 1]);
    expect(choleskyInPlace(Float64Array.from(A), 2)).toBe(false);
    const L = new Float64Array(4);
    const jitter = choleskyWithJitter(A, 2, L);
    expect(jitter).toBeGreaterThan(0);
    expect(jitter).toBeLessThan(1e-3);
    expect(L.every(Number.isFinite)).toBe(true);
  });

  test('an indefinite matrix is an error', () => {
    expect(() => choleskyWithJitter(new Float64Array([1, 3, 3, 1]), 2, new Float64Array(4))).toThrow(/positive definite/);
  });
});
