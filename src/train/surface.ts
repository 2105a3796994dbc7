/** The grid a 2-D model is evaluated on for the decision-boundary / regression-surface heatmap. Pure. */
import type { Split } from './datasets/types';

export interface SurfaceGrid {
  resolution: number;
  /** Extent in the model's (standardized) input space. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** resolution^2 points, row-major (row = y from y1 down to y0, so row 0 is the top of the picture). */
  points: Float32Array;
}

export function makeSurfaceGrid(split: Split, resolution = 40, pad = 0.1): SurfaceGrid | null {
  if (split.train.d !== 2) return null;
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const part of [split.train, split.validation]) {
    for (let i = 0; i < part.n; i++) {
      const a = part.x[2 * i], b = part.x[2 * i + 1];
      if (a < x0) x0 = a;
      if (a > x1) x1 = a;
      if (b < y0) y0 = b;
      if (b > y1) y1 = b;
    }
  }
  if (!Number.isFinite(x0) || !Number.isFinite(y0)) return null;
  const px = Math.max(1e-3, (x1 - x0) * pad), py = Math.max(1e-3, (y1 - y0) * pad);
  x0 -= px; x1 += px; y0 -= py; y1 += py;
  const points = new Float32Array(resolution * resolution * 2);
  for (let r = 0; r < resolution; r++) {
    const yv = y1 - ((r + 0.5) / resolution) * (y1 - y0);
    for (let c = 0; c < resolution; c++) {
      const k = (r * resolution + c) * 2;
      points[k] = x0 + ((c + 0.5) / resolution) * (x1 - x0);
      points[k + 1] = yv;
    }
  }
  return { resolution, x0, x1, y0, y1, points };
}
