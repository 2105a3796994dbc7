import { describe, expect, test } from 'vitest';
import { kernel, matern52, matern52Slope } from './kernel';

// The general Matern form 2^{1-nu}/Gamma(nu) (sqrt(2 nu) r)^nu K_nu(sqrt(2 nu) r) at nu = 5/2, with the
// half-integer Bessel function K_{5/2}(z) = sqrt(pi / (2z)) e^{-z} (1 + 3/z + 3/z^2): an independent route.
function maternViaBessel(r: number): number {
  const nu = 2.5, z = Math.sqrt(2 * nu) * r;
  const gamma52 = (3 * Math.sqrt(Math.PI)) / 4;
  const besselK = Math.sqrt(Math.PI / (2 * z)) * Math.exp(-z) * (1 + 3 / z + 3 / (z * z));
  return (2 ** (1 - nu) / gamma52) * z ** nu * besselK;
}

describe('Matern 5/2', () => {
  test('values at known distances', () => {
    expect(matern52(0)).toBe(1);
    expect(matern52(1)).toBeCloseTo(0.5239941088318203, 14);
    expect(matern52(0.5)).toBeCloseTo(0.8286491424181253, 14);
    expect(matern52(3)).toBeCloseTo(0.027723421914625804, 14);
    for (const r of [0.01, 0.3, 1, 2.5, 7]) expect(matern52(r)).toBeCloseTo(maternViaBessel(r), 12);
  });

  test('decreasing in distance, with slope = -2 dk/d(r^2)', () => {
    for (const r of [0.1, 0.5, 1.5]) {
      const h = 1e-6;
      const dkdr2 = (matern52(Math.sqrt(r * r + h)) - matern52(Math.sqrt(r * r - h))) / (2 * h);
      expect(matern52Slope(r)).toBeCloseTo(-2 * dkdr2, 7);
      expect(matern52(r + 0.1)).toBeLessThan(matern52(r));
    }
  });

  test('ARD: each dim is scaled by its own lengthscale, and signal variance scales the value', () => {
    // dims of 0.5 and 2 with lengthscales 0.5 and 2 give r = sqrt(2)
    expect(kernel([0, 0], [0.5, 2], [0.5, 2], 1)).toBeCloseTo(0.3172833639540438, 14);
    expect(kernel([0, 0], [0.5, 2], [0.5, 2], 2.5)).toBeCloseTo(2.5 * 0.3172833639540438, 14);
    // A very long lengthscale switches a dim off.
    expect(kernel([0, 0], [0, 0.9], [1, 1e9], 1)).toBeCloseTo(1, 12);
  });

  test('categorical dims compare by equality, not by the size of the index difference', () => {
    const cat = new Uint8Array([1]);
    const near = kernel([0], [1], [1], 1, cat);
    const far = kernel([0], [3], [1], 1, cat);
    expect(near).toBeCloseTo(matern52(1), 14);
    expect(far).toBe(near);
    expect(kernel([2], [2], [1], 1, cat)).toBe(1);
  });
});
