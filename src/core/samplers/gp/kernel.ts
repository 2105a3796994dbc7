/**
 * Matern 5/2 kernel with automatic relevance determination (one lengthscale per dimension):
 *   k(x, x') = s2 (1 + sqrt5 r + 5 r^2 / 3) exp(-sqrt5 r),  r^2 = sum_d dist_d(x, x')^2 / l_d^2.
 * Numeric dims use (x_d - x'_d)^2; categorical dims hold a choice index and use the Hamming distance
 * [x_d != x'_d], which is half the squared distance between one-hot blocks, so choices are never ordered.
 */

export const SQRT5 = Math.sqrt(5);

/** Matern 5/2 correlation at scaled distance r (unit signal variance). */
export function matern52(r: number): number {
  const s = SQRT5 * r;
  return (1 + s + (s * s) / 3) * Math.exp(-s);
}

/** -2 dk/d(r^2) = (5/3)(1 + sqrt5 r) exp(-sqrt5 r): turns derivatives of r^2 into derivatives of k. */
export function matern52Slope(r: number): number {
  const s = SQRT5 * r;
  return (5 / 3) * (1 + s) * Math.exp(-s);
}

/** Which dims of a GP input compare by equality (1) rather than by difference (0). */
export type CategoricalMask = Uint8Array;

/** Per-dim squared distance between two points. */
export function dimDistance(a: number, b: number, categorical: number): number {
  if (categorical) return a === b ? 0 : 1;
  const d = a - b;
  return d * d;
}

/** Scaled squared distance r^2 between row i of `a` and row j of `b` (both with `dims` columns). */
export function scaledSqDist(
  a: ArrayLike<number>,
  i: number,
  b: ArrayLike<number>,
  j: number,
  dims: number,
  categorical: CategoricalMask,
  invSqLengthscales: ArrayLike<number>,
): number {
  let r2 = 0;
  const ai = i * dims, bj = j * dims;
  for (let d = 0; d < dims; d++) r2 += dimDistance(a[ai + d], b[bj + d], categorical[d]) * invSqLengthscales[d];
  return r2;
}

/** k(x, x') with explicit hyperparameters (for tests and one-off evaluations). */
export function kernel(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  lengthscales: ArrayLike<number>,
  signalVariance: number,
  categorical: CategoricalMask = new Uint8Array(x.length),
): number {
  const inv = Array.from(lengthscales, (l) => 1 / (l * l));
  return signalVariance * matern52(Math.sqrt(scaledSqDist(x, 0, y, 0, x.length, categorical, inv)));
}
