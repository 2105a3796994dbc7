/** One unit of a sweep's work: a trial trained alone, or several trials as one batched computation. */
import { train, type EpochMetrics, type TrainResult } from './trainer';
import { trainBatched } from './batched';
import type { Split } from './datasets/types';
import type { UnitTrial } from './poolProtocol';

export interface UnitOptions {
  trials: readonly UnitTrial[];
  data: Split;
  onEpoch?: (k: number, m: EpochMetrics) => void;
  signal?: AbortSignal;
  fault?: () => string | null;
  interrupted?: Promise<string>;
}

export async function trainUnit(opts: UnitOptions): Promise<TrainResult[]> {
  const { trials, data, onEpoch, signal, fault, interrupted } = opts;
  const extra = { ...(signal ? { signal } : {}), ...(fault ? { fault } : {}), ...(interrupted ? { interrupted } : {}) };
  if (trials.length === 1) {
    const [t] = trials;
    return [await train({ hp: t.hp, data, seed: t.seed, ...(onEpoch ? { onEpoch: (m: EpochMetrics) => onEpoch(0, m) } : {}), ...extra })];
  }
  return trainBatched({ trials, data, ...(onEpoch ? { onEpoch } : {}), ...extra });
}
