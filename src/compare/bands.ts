/** Median and spread across repeats, per trial number, for best-so-far curves. Pure. */
export interface BandPoint {
  trial: number;
  median: number;
  low: number;
  high: number;
  /** How many repeats had a value at this trial. */
  count: number;
}

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/**
 * curves[r][i] is repeat r's best-so-far after trial i+1 (undefined before its first value). The band is the
 * interquartile range (25th to 75th percentile) with the median; trials where no repeat has a value are left out.
 */
export function bands(curves: readonly (readonly (number | undefined)[])[], lowQ = 0.25, highQ = 0.75): BandPoint[] {
  const n = Math.max(0, ...curves.map((c) => c.length));
  const out: BandPoint[] = [];
  for (let i = 0; i < n; i++) {
    const vals = curves.map((c) => c[i]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
    if (vals.length === 0) continue;
    out.push({ trial: i + 1, median: quantile(vals, 0.5), low: quantile(vals, lowQ), high: quantile(vals, highQ), count: vals.length });
  }
  return out;
}

/** Trials needed to reach the target (first trial whose best-so-far is at or beyond it), or null if never. */
export function trialsToTarget(best: readonly (number | undefined)[], target: number, direction: 'minimize' | 'maximize'): number | null {
  for (let i = 0; i < best.length; i++) {
    const b = best[i];
    if (b !== undefined && (direction === 'minimize' ? b <= target : b >= target)) return i + 1;
  }
  return null;
}
