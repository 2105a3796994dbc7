import type { SearchSpace } from '../space';
import { createGridSampler, type GridOptions } from './grid';
import { createRandomSampler, type RandomOptions } from './random';
import { createGpSampler, type GpOptions } from './gp';
import { createTpeSampler, type TpeOptions } from './tpe';
import type { Sampler, SamplerFactory } from './types';

/** Every sampler a study can use. A new sampler is one entry here. */
export const samplerRegistry = {
  grid: createGridSampler as SamplerFactory<GridOptions>,
  random: createRandomSampler as SamplerFactory<RandomOptions>,
  gp: createGpSampler as SamplerFactory<GpOptions>,
  tpe: createTpeSampler as SamplerFactory<TpeOptions>,
};

export type SamplerName = keyof typeof samplerRegistry;
export type SamplerOptionsMap = { [K in SamplerName]: Parameters<(typeof samplerRegistry)[K]>[1] };
export const samplerNames = Object.keys(samplerRegistry) as SamplerName[];

export function isSamplerName(name: string): name is SamplerName {
  return Object.prototype.hasOwnProperty.call(samplerRegistry, name);
}

export function createSampler<S extends SamplerName>(
  name: S,
  space: SearchSpace,
  options: SamplerOptionsMap[S] | undefined,
  seed: number,
): Sampler {
  if (!isSamplerName(name)) throw new Error(`Unknown sampler "${String(name)}" (known: ${samplerNames.join(', ')})`);
  // The registry's entries take different option types; indexing by a generic name loses the pairing.
  const factory = samplerRegistry[name] as SamplerFactory<SamplerOptionsMap[S]>;
  return factory(space, options ?? ({} as SamplerOptionsMap[S]), seed);
}

export type { Sampler, SamplerContext, SamplerFactory, Proposal } from './types';
