/**
 * Scrambled Sobol' points: Joe & Kuo's direction numbers (new-joe-kuo-6.21201, dims 1..32), a random
 * linear matrix scramble and a random digital shift, as in SciPy's qmc.Sobol. Points are accessed
 * by index (Gray code), so a design can hand out point i on the i-th ask.
 */
import type { Rng } from '../../rng';

/** Rows for dims 2..32: degree s, coefficients a, initial direction numbers m_1..m_s. */
const JOE_KUO: readonly (readonly number[])[] = [
  [1, 0, 1], [2, 1, 1, 3], [3, 1, 1, 3, 1], [3, 2, 1, 1, 1], [4, 1, 1, 1, 3, 3], [4, 4, 1, 3, 5, 13],
  [5, 2, 1, 1, 5, 5, 17], [5, 4, 1, 1, 5, 5, 5], [5, 7, 1, 1, 7, 11, 19], [5, 11, 1, 1, 5, 1, 1],
  [5, 13, 1, 1, 1, 3, 11], [5, 14, 1, 3, 5, 5, 31], [6, 1, 1, 3, 3, 9, 7, 49], [6, 13, 1, 1, 1, 15, 21, 21],
  [6, 16, 1, 3, 1, 13, 27, 49], [6, 19, 1, 1, 1, 15, 7, 5], [6, 22, 1, 3, 1, 15, 13, 25], [6, 25, 1, 1, 5, 5, 19, 61],
  [7, 1, 1, 3, 7, 11, 23, 15, 103], [7, 4, 1, 3, 7, 13, 13, 15, 69], [7, 7, 1, 1, 3, 13, 7, 35, 63],
  [7, 8, 1, 3, 5, 9, 1, 25, 53], [7, 14, 1, 3, 1, 13, 9, 35, 107], [7, 19, 1, 3, 1, 5, 27, 61, 31],
  [7, 21, 1, 1, 5, 11, 19, 41, 61], [7, 28, 1, 3, 5, 3, 3, 13, 69], [7, 31, 1, 1, 7, 13, 1, 19, 1],
  [7, 32, 1, 3, 7, 5, 13, 19, 59], [7, 37, 1, 1, 3, 9, 25, 29, 41], [7, 41, 1, 3, 5, 13, 23, 1, 55],
  [7, 42, 1, 3, 7, 3, 13, 59, 17],
];

export const SOBOL_MAX_DIMS = JOE_KUO.length + 1;
const BITS = 32;

/** Direction numbers of one dimension as 32-bit integers (column k of the generating matrix). */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dim === 0) {
    for (let k = 0; k < BITS; k++) v[k] = (1 << (31 - k)) >>> 0;
    return v;
  }
  const [s, a, ...m] = JOE_KUO[dim - 1];
  for (let k = 0; k < s; k++) v[k] = (m[k] << (31 - k)) >>> 0;
  for (let k = s; k < BITS; k++) {
    let x = (v[k - s] ^ (v[k - s] >>> s)) >>> 0;
    for (let i = 1; i < s; i++) if ((a >>> (s - 1 - i)) & 1) x = (x ^ v[k - i]) >>> 0;
    v[k] = x;
  }
  return v;
}

function parity32(x: number): number {
  let y = x ^ (x >>> 16);
  y ^= y >>> 8;
  y ^= y >>> 4;
  return (0x6996 >>> (y & 0xf)) & 1;
}

export interface SobolSequence {
  readonly dims: number;
  /** Point `index` (0, 1, 2, ...) into out[offset .. offset + dims). */
  point(index: number, out: Float64Array, offset?: number): void;
}

/**
 * A Sobol' sequence in [0, 1)^dims, scrambled when an rng is given. Dimensions past the table
 * (over 32 parameters) fall back to plain uniform draws from a generator seeded by the point index.
 */
export function createSobol(dims: number, rng?: Rng): SobolSequence {
  const sobolDims = Math.min(dims, SOBOL_MAX_DIMS);
  const dirs: Uint32Array[] = [];
  const shift = new Uint32Array(sobolDims);
  for (let d = 0; d < sobolDims; d++) {
    const v = directions(d);
    if (rng) {
      // Linear matrix scramble: output digit p (from the top) mixes in digits above it.
      const rows = new Uint32Array(BITS);
      for (let p = 0; p < BITS; p++) {
        const above = p === 0 ? 0 : ~((2 ** (32 - p) - 1) >>> 0) >>> 0;
        rows[p] = ((1 << (31 - p)) | (rng.uint32() & above)) >>> 0;
      }
      for (let k = 0; k < BITS; k++) {
        let out = 0;
        for (let p = 0; p < BITS; p++) if (parity32(rows[p] & v[k])) out |= 1 << (31 - p);
        v[k] = out >>> 0;
      }
      shift[d] = rng.uint32();
    }
    dirs.push(v);
  }
  const extraSeed = rng ? rng.uint32() : 0;
  return {
    dims,
    point(index, out, offset = 0) {
      const gray = (index ^ (index >>> 1)) >>> 0;
      for (let d = 0; d < sobolDims; d++) {
        let x = shift[d];
        const v = dirs[d];
        for (let k = 0, g = gray; g !== 0; k++, g >>>= 1) if (g & 1) x ^= v[k];
        out[offset + d] = (x >>> 0) / 4294967296;
      }
      if (dims > sobolDims) {
        // Cheap stateless hash per (index, dim): plenty for dimensions beyond any real search space.
        for (let d = sobolDims; d < dims; d++) {
          let h = Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(d + 1, 0x85ebca6b) ^ extraSeed;
          h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
          h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
          out[offset + d] = ((h ^ (h >>> 15)) >>> 0) / 4294967296;
        }
      }
    },
  };
}

/** The first n points as an n*dims row-major array. */
export function sobolPoints(n: number, dims: number, rng?: Rng, start = 0): Float64Array {
  const seq = createSobol(dims, rng);
  const out = new Float64Array(n * dims);
  for (let i = 0; i < n; i++) seq.point(start + i, out, i * dims);
  return out;
}
