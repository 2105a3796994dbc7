/** One unit of a sweep's work: a trial trained alone, or several trials as one batched computation. */
import { train, type EpochMetrics, type TrainResult } from './trainer';
import { trainBatched, type BatchedTrainOptions } from './batched';

/** The batched trainer's options; a unit of one trial goes through train(), the same trial alone. */
export async function trainUnit(opts: BatchedTrainOptions): Promise<TrainResult[]> {
  const { trials, data, onEpoch, signal, fault, interrupted } = opts;
  if (trials.length !== 1) return trainBatched(opts);
  const [t] = trials;
  return [await train({
    hp: t.hp,
    data,
    seed: t.seed,
    ...(onEpoch ? { onEpoch: (m: EpochMetrics) => onEpoch(0, m) } : {}),
    ...(signal ? { signal } : {}),
    ...(fault ? { fault } : {}),
    ...(interrupted ? { interrupted } : {}),
  })];
}
