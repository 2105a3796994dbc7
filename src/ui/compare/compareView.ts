/** Chart data for the comparison views, derived from the trials. Pure. */
import type { CompareTrial } from '../../compare/runner';
import type { MethodSummary } from '../../compare/summary';

export interface BandRow {
  trial: number;
  [series: string]: number | [number, number] | undefined;
}

/** One row per trial number: `${method}` = median, `${method}Band` = [low, high]; optionally as gaps to an optimum. */
export function bandRows(summaries: readonly MethodSummary[], optimum: number | null): BandRow[] {
  const n = Math.max(0, ...summaries.map((s) => s.band.at(-1)?.trial ?? 0));
  const gap = (v: number) => (optimum === null ? v : Math.max(v - optimum, 1e-9));
  const rows: BandRow[] = Array.from({ length: n }, (_, i) => ({ trial: i + 1 }));
  for (const s of summaries) {
    for (const p of s.band) {
      const row = rows[p.trial - 1];
      row[s.method] = gap(p.median);
      row[`${s.method}Band`] = [gap(p.low), gap(p.high)];
    }
  }
  return rows;
}

/** Points of one method for the "where it sampled" scatter: two parameters (or one and the value). */
export function samplePoints(trials: readonly CompareTrial[], method: string, xName: string, yName: string | null) {
  return trials
    .filter((t) => t.method === method && t.status === 'complete' && t.value !== undefined)
    .map((t) => ({ x: Number(t.params[xName]), y: yName ? Number(t.params[yName]) : (t.value as number), value: t.value as number }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

/** A colour from good (dark blue) to bad (pale yellow) for a value within [lo, hi] (lower is better). */
export function objectiveColor(v: number, lo: number, hi: number, direction: 'minimize' | 'maximize'): string {
  let u = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  if (direction === 'maximize') u = 1 - u;
  u = Math.sqrt(Math.max(0, Math.min(1, u)));
  const a = [30, 64, 175], b = [253, 224, 71];
  return `rgb(${a.map((c, i) => Math.round(c + (b[i] - c) * u)).join(',')})`;
}
