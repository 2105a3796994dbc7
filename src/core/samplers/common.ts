import type { Rng } from '../rng';
import { discreteSize, discreteValues, paramFromUnit, paramsKey, type Params, type SearchSpace } from '../space';
import type { Direction, Trial } from '../study';
import type { SamplerContext } from './types';

/** A trial's value as a loss (smaller is better), whatever the direction. */
export function toLoss(value: number, direction: Direction): number {
  return direction === 'maximize' ? -value : value;
}

/** Keys of every point already handed out (finished or running). */
export function takenKeys(ctx: SamplerContext): Set<string> {
  const keys = new Set<string>();
  for (const t of ctx.finished) keys.add(paramsKey(ctx.space, t.params));
  for (const p of ctx.pending) keys.add(paramsKey(ctx.space, p));
  return keys;
}

/** One independent uniform draw from the space (log-uniform on log ranges, uniform on int grids). */
export function sampleUniform(space: SearchSpace, rng: Rng): Params {
  const p: Params = {};
  for (const [name, spec] of Object.entries(space)) {
    if (spec.type === 'categorical') p[name] = rng.choice(spec.choices);
    else p[name] = paramFromUnit(spec, rng.next());
  }
  return p;
}

/** Enumerating a discrete space is fine up to this many points. */
export const ENUMERATION_LIMIT = 200_000;

/** Every point of a fully discrete space, in mixed-radix order (last parameter fastest). */
export function enumerateDiscrete(space: SearchSpace): Params[] {
  const names = Object.keys(space);
  const axes = names.map((n) => discreteValues(space[n]));
  const total = discreteSize(space);
  const out: Params[] = [];
  for (let i = 0; i < total; i++) {
    const p: Params = {};
    let r = i;
    for (let d = names.length - 1; d >= 0; d--) {
      const len = axes[d].length;
      p[names[d]] = axes[d][r % len];
      r = Math.floor(r / len);
    }
    out.push(p);
  }
  return out;
}

/**
 * A uniformly drawn point of a discrete space that is not in `taken`, or null when none is left.
 * Tries rejection first (cheap while the space is mostly free), then enumerates the rest.
 */
export function untakenDiscretePoint(space: SearchSpace, taken: ReadonlySet<string>, rng: Rng): Params | null {
  const size = discreteSize(space);
  if (taken.size >= size) return null;
  for (let i = 0; i < 64; i++) {
    const p = sampleUniform(space, rng);
    if (!taken.has(paramsKey(space, p))) return p;
  }
  if (size <= ENUMERATION_LIMIT) {
    const free = enumerateDiscrete(space).filter((p) => !taken.has(paramsKey(space, p)));
    return free.length > 0 ? rng.choice(free) : null;
  }
  for (let i = 0; i < 100_000; i++) {
    const p = sampleUniform(space, rng);
    if (!taken.has(paramsKey(space, p))) return p;
  }
  return null;
}

/** Finished trials with a usable value: complete ones, in id order. */
export function completed(trials: readonly Trial[]): Trial[] {
  return trials.filter((t) => t.state === 'complete' && typeof t.value === 'number' && Number.isFinite(t.value));
}
