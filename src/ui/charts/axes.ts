/** Axis domains and ticks the charts can trust: padded so edge points are not clipped, finite always. Pure. */
export interface Axis {
  domain: [number, number];
  ticks: number[];
}

function finitePositive(values: readonly number[], log: boolean): number[] {
  return values.filter((v) => Number.isFinite(v) && (!log || v > 0));
}

/** Ticks at 1, 2, 5 × 10^k inside [lo, hi] (fewer when the range spans many decades). */
export function logTicks(lo: number, hi: number, max = 7): number[] {
  const k0 = Math.floor(Math.log10(lo)), k1 = Math.ceil(Math.log10(hi));
  for (const mults of [[1, 2, 5], [1, 3], [1]]) {
    const out: number[] = [];
    for (let k = k0; k <= k1; k++) for (const m of mults) {
      const v = Number((m * 10 ** k).toPrecision(3));
      if (v >= lo && v <= hi) out.push(v);
    }
    if (out.length <= max) return out.length >= 2 ? out : [lo, hi];
  }
  const out: number[] = [];
  const stride = Math.ceil((k1 - k0 + 1) / max);
  for (let k = k0; k <= k1; k += stride) if (10 ** k >= lo && 10 ** k <= hi) out.push(10 ** k);
  return out.length >= 2 ? out : [lo, hi];
}

/** "Nice" linear ticks (steps of 1, 2 or 5 × 10^k). */
export function linearTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** A padded axis for the given values; log axes pad by a factor, linear by a share of the range. */
export function axisFor(values: readonly number[], log: boolean, pad = 0.08): Axis {
  const v = finitePositive(values, log);
  if (v.length === 0) return log ? { domain: [0.1, 10], ticks: [0.1, 1, 10] } : { domain: [0, 1], ticks: [0, 0.5, 1] };
  let lo = Math.min(...v), hi = Math.max(...v);
  if (log) {
    if (lo === hi) { lo /= 2; hi *= 2; }
    const f = (hi / lo) ** pad;
    lo /= f; hi *= f;
    return { domain: [lo, hi], ticks: logTicks(lo, hi) };
  }
  if (lo === hi) { const d = Math.abs(lo) * 0.1 || 1; lo -= d; hi += d; }
  const p = (hi - lo) * pad;
  lo -= p; hi += p;
  return { domain: [lo, hi], ticks: linearTicks(lo, hi) };
}

/** Whole-number ticks from 1 to n (epochs, trial numbers). */
export function epochTicks(n: number): number[] {
  const top = Math.max(2, Math.round(n));
  const ticks = linearTicks(0, top, 6).filter((v) => Number.isInteger(v) && v >= 1);
  return [1, ...ticks.filter((v) => v > 1)];
}
