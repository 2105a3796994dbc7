/**
 * The learning-rate scan: which rates to try, and what each one did, in a student's words: too low (slow),
 * good, too high (unstable), diverged. Pure.
 */
export type Zone = 'tooLow' | 'good' | 'tooHigh' | 'diverged';

export interface ScanPoint {
  rate: number;
  /** Validation loss after each epoch (finite values only; a diverged run stops early). */
  curve: number[];
  diverged: boolean;
}

export interface ScanResult {
  zones: Zone[];
  /** Smallest and largest good rate; null when no rate trained well. */
  good: [number, number] | null;
  /** The loss an untrained network has, roughly (median first-epoch loss), and the best final loss. */
  startLoss: number;
  bestLoss: number;
}

/** `count` rates evenly spaced on a log scale from low to high (both included). */
export function scanRates(low: number, high: number, count: number): number[] {
  if (!(low > 0 && high > low) || count < 2) throw new Error('The scan needs 0 < low < high and at least 2 rates.');
  const a = Math.log10(low), b = Math.log10(high);
  return Array.from({ length: count }, (_, i) => Number((10 ** (a + ((b - a) * i) / (count - 1))).toPrecision(3)));
}

const median = (xs: number[]) => {
  const s = [...xs].sort((p, q) => p - q);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/**
 * A rate is good when its final loss closed at least 70% of the gap between the untrained loss and the best
 * final loss of the scan; below the good rates it is too low, above them too high; NaN/∞ is diverged. A rate
 * whose loss ended above where it started is too high as well (it made things worse).
 */
export function classify(points: readonly ScanPoint[], share = 0.7): ScanResult {
  const finals = points.map((p) => (p.diverged || p.curve.length === 0 ? NaN : p.curve[p.curve.length - 1]));
  const ok = finals.filter((v) => Number.isFinite(v));
  const startLoss = median(points.filter((p) => p.curve.length > 0).map((p) => p.curve[0]));
  if (ok.length === 0) return { zones: points.map(() => 'diverged'), good: null, startLoss, bestLoss: NaN };
  const bestLoss = Math.min(...ok);
  const threshold = bestLoss + (1 - share) * Math.max(0, startLoss - bestLoss);
  const isGood = finals.map((v) => Number.isFinite(v) && v <= threshold);
  const goodIdx = isGood.flatMap((g, i) => (g ? [i] : []));
  const lo = goodIdx.length ? points[goodIdx[0]].rate : Infinity;
  const hi = goodIdx.length ? points[goodIdx[goodIdx.length - 1]].rate : -Infinity;
  const zones = points.map((p, i): Zone => {
    if (!Number.isFinite(finals[i])) return 'diverged';
    if (isGood[i]) return 'good';
    if (p.curve.length > 1 && finals[i] > p.curve[0]) return 'tooHigh';
    return p.rate < lo ? 'tooLow' : p.rate > hi ? 'tooHigh' : 'tooLow';
  });
  return { zones, good: goodIdx.length ? [lo, hi] : null, startLoss, bestLoss };
}

/** A sweep range around the good rates: one factor of `widen` beyond each end, kept within [min, max]. */
export function sweepRangeFrom(good: [number, number], min: number, max: number, widen = 2): [number, number] {
  const lo = Math.max(min, good[0] / widen), hi = Math.min(max, good[1] * widen);
  return [Number(lo.toPrecision(2)), Number(hi.toPrecision(2))];
}
