import type { Direction, Trial } from '../study';

/**
 * The running best of a sequence: entry i is the best of values[0..i] by direction, undefined until the
 * first usable value. Missing and non-finite values (trials that did not complete) are skipped.
 */
export function bestSoFar(values: readonly (number | undefined)[], direction: Direction): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  let best: number | undefined;
  for (const v of values) {
    if (typeof v === 'number' && Number.isFinite(v)) {
      if (best === undefined || (direction === 'minimize' ? v < best : v > best)) best = v;
    }
    out.push(best);
  }
  return out;
}

/** Best-so-far over trials in id order, counting complete trials only. */
export function bestSoFarOfTrials(trials: readonly Trial[], direction: Direction): (number | undefined)[] {
  return bestSoFar(trials.map((t) => (t.state === 'complete' ? t.value : undefined)), direction);
}

/** Simple regret of the running best against a known optimum (>= 0; undefined before any value). */
export function regret(values: readonly (number | undefined)[], optimum: number, direction: Direction): (number | undefined)[] {
  return bestSoFar(values, direction).map((b) => (b === undefined ? undefined : direction === 'minimize' ? b - optimum : optimum - b));
}
