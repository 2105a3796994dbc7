import type { Rng } from '../rng';
import type { Params, SearchSpace } from '../space';
import type { Direction, Trial } from '../study';

/** Everything a sampler may know when asked for the next point: no more, so any study can use any sampler. */
export interface SamplerContext {
  readonly space: SearchSpace;
  /** Trials with a result (every state except 'running'), in id order. */
  readonly finished: readonly Trial[];
  /** Params of trials still running: no result yet, but already taken. */
  readonly pending: readonly Params[];
  readonly direction: Direction;
  /** A generator for this one proposal, derived from the study seed and the trial id. */
  readonly rng: Rng;
}

export type Proposal =
  | { params: Params; note?: string }
  /** The sampler has nothing new to offer (a grid that has been walked, a discrete space used up). */
  | { exhausted: string };

export interface Sampler {
  propose(ctx: SamplerContext): Proposal;
}

/** Builds a sampler for one study. `seed` is the study's, for designs that must stay fixed across asks. */
export type SamplerFactory<O> = (space: SearchSpace, options: O, seed: number) => Sampler;
