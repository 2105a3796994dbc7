/**
 * Dense linear algebra for small symmetric positive-definite systems (n up to a few hundred).
 * Matrices are row-major Float64Arrays of n*n; only the lower triangle of a Cholesky factor is used.
 */

/** In-place Cholesky A = L L^T of a row-major SPD matrix; false if a pivot is not positive. */
export function choleskyInPlace(a: Float64Array, n: number): boolean {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let s = a[rj + j];
    for (let k = 0; k < j; k++) s -= a[rj + k] * a[rj + k];
    if (!(s > 0) || !Number.isFinite(s)) return false;
    const ljj = Math.sqrt(s);
    a[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let t = a[ri + j];
      for (let k = 0; k < j; k++) t -= a[ri + k] * a[rj + k];
      a[ri + j] = t * inv;
    }
    for (let i = j + 1; i < n; i++) a[rj + i] = 0;
  }
  return true;
}

/**
 * Cholesky factor of `a` into `out`, adding jitter to the diagonal (growing tenfold from 1e-10 of the
 * mean diagonal) until the factorization succeeds. Returns the jitter added; throws when even a large
 * jitter cannot make the matrix positive definite.
 */
export function choleskyWithJitter(a: Float64Array, n: number, out: Float64Array): number {
  out.set(a.subarray(0, n * n));
  if (choleskyInPlace(out, n)) return 0;
  let meanDiag = 0;
  for (let i = 0; i < n; i++) meanDiag += a[i * n + i];
  meanDiag = Number.isFinite(meanDiag) && meanDiag > 0 ? meanDiag / n : 1;
  for (let jitter = 1e-10 * meanDiag; jitter <= 1e-1 * meanDiag; jitter *= 10) {
    out.set(a.subarray(0, n * n));
    for (let i = 0; i < n; i++) out[i * n + i] += jitter;
    if (choleskyInPlace(out, n)) return jitter;
  }
  throw new Error('The kernel matrix is not positive definite, even with jitter');
}

/** Solve L x = b (forward substitution); b and x may be the same array. */
export function solveLower(l: Float64Array, n: number, b: ArrayLike<number>, x: Float64Array): Float64Array {
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[ri + k] * x[k];
    x[i] = s / l[ri + i];
  }
  return x;
}

/** Solve L^T x = b (back substitution with the lower factor); b and x may be the same array. */
export function solveLowerTransposed(l: Float64Array, n: number, b: ArrayLike<number>, x: Float64Array): Float64Array {
  if (x !== b) for (let i = 0; i < n; i++) x[i] = b[i];
  for (let i = n - 1; i >= 0; i--) {
    const xi = x[i] / l[i * n + i];
    x[i] = xi;
    for (let k = 0; k < i; k++) x[k] -= l[i * n + k] * xi;
  }
  return x;
}

/** Solve (L L^T) x = b. */
export function cholSolve(l: Float64Array, n: number, b: ArrayLike<number>, x: Float64Array): Float64Array {
  solveLower(l, n, b, x);
  return solveLowerTransposed(l, n, x, x);
}

/** The inverse of L L^T into `out` (n*n, symmetric), using `work` (n*n) as scratch. */
export function cholInverse(l: Float64Array, n: number, out: Float64Array, work: Float64Array): Float64Array {
  // work row j = column j of L^{-1} (so work is L^{-T}, upper triangular): every inner loop runs along rows.
  work.fill(0, 0, n * n);
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    work[rj + j] = 1 / l[rj + j];
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = 0;
      for (let k = j; k < i; k++) s -= l[ri + k] * work[rj + k];
      work[rj + i] = s / l[ri + i];
    }
  }
  // (L L^T)^{-1}[i][j] = sum_{k >= max(i,j)} Linv[k][i] Linv[k][j] = sum_k work[i][k] work[j][k].
  for (let i = 0; i < n; i++) {
    const ri = i * n;
    for (let j = 0; j <= i; j++) {
      const rj = j * n;
      let s = 0;
      for (let k = i; k < n; k++) s += work[ri + k] * work[rj + k];
      out[ri + j] = s;
      out[rj + i] = s;
    }
  }
  return out;
}

/** log det(L L^T) = 2 sum log L_ii. */
export function cholLogDet(l: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(l[i * n + i]);
  return 2 * s;
}
