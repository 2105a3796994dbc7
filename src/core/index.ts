/** The public face of core: search spaces, studies, samplers and analysis. Pure TypeScript. */
export { createRng, type Rng } from './rng';
export {
  validateSpace,
  assertValidSpace,
  validateParams,
  createEncoder,
  paramToUnit,
  paramFromUnit,
  choiceIndex,
  oneHot,
  snapInt,
  intCount,
  intStep,
  isDiscrete,
  discreteValues,
  discreteSize,
  paramsKey,
  type ParamSpec,
  type SearchSpace,
  type ParamValue,
  type Params,
  type Encoder,
  type ParamColumn,
} from './space';
export {
  createStudy,
  type Study,
  type StudyOptions,
  type Trial,
  type TrialState,
  type TrialResult,
  type Direction,
} from './study';
export {
  samplerRegistry,
  samplerNames,
  isSamplerName,
  createSampler,
  type SamplerName,
  type SamplerOptionsMap,
  type Sampler,
  type SamplerContext,
  type SamplerFactory,
  type Proposal,
} from './samplers';
export { gridSize, gridAxis, gridPoints, DEFAULT_POINTS_PER_AXIS, type GridOptions } from './samplers/grid';
export type { RandomOptions } from './samplers/random';
export { defaultStartup as gpDefaultStartup, type GpOptions } from './samplers/gp';
export { tpeGamma, tpeWeights, type TpeOptions } from './samplers/tpe';
export { bestSoFar, bestSoFarOfTrials, regret } from './analysis/bestSoFar';
