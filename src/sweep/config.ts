/** What a sweep is: pure data, shared by the page, the worker and Node scripts. */
import type { Hyperparams, HyperparamName } from '../core/hyperparams';
import type { SamplerName, SearchSpace } from '../core';

export type ObjectiveName = 'valLoss' | 'valAccuracy';

export interface SweepConfig {
  /** The swept hyperparameters only; everything else comes from `fixed`. */
  space: SearchSpace;
  fixed: Hyperparams;
  sampler: SamplerName;
  budget: number;
  objective: ObjectiveName;
  seed: number;
  /** Grid only: points per numeric axis. */
  gridPointsPerAxis: number;
}

export const objectiveDirection = (o: ObjectiveName): 'minimize' | 'maximize' => (o === 'valLoss' ? 'minimize' : 'maximize');

/** Fixed values overlaid with a trial's params, rounded to what each hyperparameter allows. */
export function trialHyperparams(fixed: Hyperparams, params: Record<string, number | string | boolean>): Hyperparams {
  const hp: Hyperparams = { ...fixed };
  for (const [name, value] of Object.entries(params)) {
    (hp as unknown as Record<HyperparamName, unknown>)[name as HyperparamName] = value;
  }
  return hp;
}
