/** Typed messages between the training worker and the helper workers of its pool (wasm and cpu sweeps). */
import type { BatchedTrial } from './batched';
import type { Split } from './datasets/types';
import type { EpochMetrics, TrainResult } from './trainer';
import type { BackendName } from './backends';

/** A trial of a unit: its hyperparameters and seed, as the batched trainer takes them. */
export type UnitTrial = BatchedTrial;

export type ToPoolWorker =
  /** The sweep's data, sent once per sweep (dataId) before its first unit. */
  | { type: 'data'; dataId: number; data: Split }
  /** Train one unit: one trial alone, or several as one batched computation. */
  | { type: 'unit'; jobId: number; dataId: number; backend: BackendName; trials: UnitTrial[] }
  | { type: 'stop'; jobId: number };

export type FromPoolWorker =
  | { type: 'epoch'; jobId: number; k: number; metrics: EpochMetrics }
  | { type: 'done'; jobId: number; results: TrainResult[]; backend: BackendName }
  | { type: 'error'; jobId: number; message: string };
