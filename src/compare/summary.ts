/** Per-method summary of a comparison: best with spread, trials to reach a target, time. Pure. */
import { bestSoFar, type Direction } from '../core';
import { bands, quantile, trialsToTarget, type BandPoint } from './bands';
import type { CompareTrial } from './runner';

export interface MethodSummary {
  method: string;
  repeats: number;
  trials: number;
  /** Median of each repeat's best, and its 25th–75th percentile spread. */
  bestMedian: number;
  bestLow: number;
  bestHigh: number;
  /** Median over repeats of the trials needed to reach the target; null if half or more never did. */
  trialsToTargetMedian: number | null;
  reachedTarget: number;
  totalMs: number;
  band: BandPoint[];
}

export function summarize(trials: readonly CompareTrial[], methods: readonly string[], direction: Direction, target: number | null): MethodSummary[] {
  return methods.map((method) => {
    const mine = trials.filter((t) => t.method === method);
    const repeats = [...new Set(mine.map((t) => t.repeat))].sort((a, b) => a - b);
    const curves = repeats.map((r) => {
      const lane = mine.filter((t) => t.repeat === r).sort((a, b) => a.index - b.index);
      return bestSoFar(lane.map((t) => (t.status === 'complete' ? t.value : undefined)), direction);
    });
    const bests = curves.map((c) => c.at(-1)).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    const reach = target === null ? [] : curves.map((c) => trialsToTarget(c, target, direction));
    const reached = reach.filter((v): v is number => v !== null).sort((a, b) => a - b);
    // Unreached repeats count as "more than the budget": the median exists only if most repeats got there.
    const ranked = [...reached, ...reach.filter((v) => v === null).map(() => Infinity)];
    const med = ranked.length ? quantile(ranked, 0.5) : NaN;
    return {
      method,
      repeats: repeats.length,
      trials: mine.length,
      bestMedian: quantile(bests, 0.5),
      bestLow: quantile(bests, 0.25),
      bestHigh: quantile(bests, 0.75),
      trialsToTargetMedian: Number.isFinite(med) ? med : null,
      reachedTarget: reached.length,
      totalMs: mine.reduce((s, t) => s + t.durationMs, 0),
      band: bands(curves),
    };
  });
}
