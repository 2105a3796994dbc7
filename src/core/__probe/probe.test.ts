import { test } from 'vitest';
import { createRng } from '../rng';
import { createObjective } from '../samplers/gp/fit';
import { choleskyWithJitter, cholInverse } from '../samplers/gp/linalg';
test('probe', () => {
  for (const dims of [1, 6]) for (const n of [100]) {
    const rng = createRng(1);
    const x = Float64Array.from({ length: n * dims }, () => rng.next());
    const y = Float64Array.from({ length: n }, () => rng.normal());
    const f = createObjective({ x, y, n, dims, categorical: new Uint8Array(dims) });
    const th = new Float64Array(dims + 2); th[dims + 1] = -4; const g = new Float64Array(dims + 2);
    for (let i = 0; i < 100; i++) f(th, g);
    let t0 = performance.now();
    for (let i = 0; i < 300; i++) f(th, g);
    console.log(dims, n, 'objective ms', ((performance.now() - t0) / 300).toFixed(3));
  }
  const n = 100;
  const K = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) K[i * n + j] = Math.exp(-Math.abs(i - j) / 5) + (i === j ? 0.1 : 0);
  const L = new Float64Array(n * n), inv = new Float64Array(n * n), work = new Float64Array(n * n);
  for (let i = 0; i < 300; i++) { choleskyWithJitter(K, n, L); cholInverse(L, n, inv, work); }
  let t0 = performance.now();
  for (let i = 0; i < 300; i++) { choleskyWithJitter(K, n, L); cholInverse(L, n, inv, work); }
  console.log('chol+inv', ((performance.now() - t0) / 300).toFixed(3));
});
