/** Typed messages between the page and the training worker. */
import type { Hyperparams } from '../core/hyperparams';
import type { Params } from '../core';
import type { Split } from './datasets/types';
import type { EpochMetrics, TrainResult } from './trainer';
import type { BackendName } from './backends';
import type { SweepConfig } from '../sweep/config';
import type { SweepEnd, TrialRecord } from '../sweep/runner';
import type { CompareConfig, CompareEnd, CompareTrial } from '../compare/runner';
import type { ObjectiveName } from '../sweep/config';
import type { ScanPoint } from '../lr/zones';
import type { Direction, SearchSpace } from '../core';
import type { SurrogateCurve, SurrogateMap, SurrogateTrial } from '../core/samplers/gp/surrogate';

/** What a comparison optimizes: a cheap synthetic function, or real training of the network. */
export type CompareObjective =
  | { kind: 'synthetic'; id: string }
  | { kind: 'training'; fixed: Hyperparams; objective: ObjectiveName; data: Split };

export type ToWorker =
  | { type: 'init'; backend: BackendName }
  | { type: 'train'; runId: number; hp: Hyperparams; data: Split; seed: number; surfacePoints?: Float32Array }
  | { type: 'sweep'; runId: number; config: SweepConfig; data: Split; history?: TrialRecord[]; stepMode?: boolean }
  /** Step mode: train the proposed trial (or switch step mode off with continuous: true). */
  | { type: 'step'; runId: number; continuous?: boolean }
  | { type: 'stop'; runId: number }
  | { type: 'compare'; runId: number; config: CompareConfig; objective: CompareObjective }
  | { type: 'lrScan'; runId: number; hp: Hyperparams; data: Split; rates: number[]; epochs: number; seed: number }
  /** Fault injection, for tests and for showing a class what happens: lose the WebGL context. */
  | { type: 'loseContext' }
  /** The GP's view along one parameter (answered at once, between epochs of a running job). */
  | { type: 'surrogate'; requestId: number; space: SearchSpace; trials: SurrogateTrial[]; direction: Direction; param: string; param2?: string };

export type FromWorker =
  | { type: 'backend'; backend: BackendName; requested: BackendName; reason?: string }
  | { type: 'epoch'; runId: number; trialId?: number; metrics: EpochMetrics }
  | { type: 'surface'; runId: number; epoch: number; values: Float32Array }
  | { type: 'runDone'; runId: number; result: TrainResult }
  /** The run (or the sweep's current trial) was interrupted and starts again from scratch on `backend`. */
  | { type: 'restart'; runId: number; trialId?: number; reason: string; backend: BackendName }
  /** How a sweep is trained: on this backend, with this many workers (the training worker and its pool). */
  | { type: 'sweepPlan'; runId: number; backend: BackendName; workers: number }
  | { type: 'trialStart'; runId: number; trialId: number; index: number; params: Params; hp: Hyperparams; note?: string }
  | { type: 'trialDone'; runId: number; trial: TrialRecord }
  | { type: 'sweepDone'; runId: number; end: SweepEnd }
  /** Step mode: the proposed trial waits for a 'step'. */
  | { type: 'stepWaiting'; runId: number }
  | { type: 'compareTrial'; runId: number; trial: CompareTrial }
  | { type: 'compareDone'; runId: number; end: CompareEnd }
  | { type: 'scanEpoch'; runId: number; index: number; epoch: number; valLoss: number }
  | { type: 'scanPoint'; runId: number; index: number; point: ScanPoint }
  | { type: 'scanDone'; runId: number; stopped: boolean }
  | { type: 'surrogateResult'; requestId: number; curve: SurrogateCurve | null; map: SurrogateMap | null; error?: string }
  | { type: 'error'; runId?: number; message: string };
