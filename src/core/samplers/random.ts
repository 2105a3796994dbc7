import type { SearchSpace } from '../space';
import { sampleUniform } from './common';
import type { Sampler } from './types';

/** Random sampling has no options yet; the type keeps every sampler's signature alike. */
export type RandomOptions = Record<string, never>;

/** Independent uniform draws: log-uniform on log ranges, uniform over an int's grid and over choices. */
export function createRandomSampler(space: SearchSpace): Sampler {
  return { propose: (ctx) => ({ params: sampleUniform(space, ctx.rng) }) };
}
