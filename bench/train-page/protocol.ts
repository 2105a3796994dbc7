/** Messages between the throughput bench page and its worker (bench only, not the product's protocol). */
import type { Hyperparams } from '../../src/core/hyperparams';
import type { BackendName } from '../../src/train/backends';
import type { Split } from '../../src/train/datasets/types';

export type Method = 'trainer' | 'fit';

export interface CaseRequest {
  caseId: string;
  hp: Hyperparams;
  data: Split;
  seed: number;
  repeats: number;
  /** Epochs of the discarded warm-up run of each method (also used to size the measured runs). */
  warmupEpochs: number;
  /** Wanted duration of one measured run; epochs are chosen from the warm-up's steady epoch time. */
  targetMs: number;
  minEpochs: number;
  maxEpochs: number;
}

export interface RunSample {
  method: Method;
  epochs: number;
  /** Wall time of the whole call in the worker: build model + optimizer, tensors, all epochs, dispose. */
  wallMs: number;
  samplesPerSec: number;
  finalTrainLoss: number;
  status: string;
  /** tf.memory().numTensors after minus before. */
  tensorDelta: number;
}

export interface CaseResult {
  caseId: string;
  backend: string;
  nTrain: number;
  nValidation: number;
  batchSize: number;
  stepsPerEpoch: number;
  epochs: number;
  /** Trainer's steady epoch time in the warm-up (epochs after the first), used to choose `epochs`. */
  warmupEpochMs: number;
  warmup: RunSample[];
  samples: RunSample[];
}

/** Many trials, trained the ways the product can: one at a time, as stacks, on a pool of workers. */
export interface TrialsRequest {
  data: Split;
  fixed: Hyperparams;
  trials: number;
  seed: number;
}

export type TrialsMode = 'one at a time' | 'padded stacks' | 'app plan' | `app plan: ${string}`;

export interface TrialsResult {
  mode: TrialsMode;
  workers: number;
  /** Trials per stack (median over units) and the number of units trained. */
  unitTrials: number;
  units: number;
  wallMs: number;
  trialsPerMinute: number;
  /** Each trial's objective (last validation loss), in trial order, to check that every mode agrees. */
  values: (number | null)[];
  /** The app's default on this backend. */
  appDefault: boolean;
}

export type ToBenchWorker =
  | { type: 'init'; backend: BackendName }
  | { type: 'case'; request: CaseRequest }
  | { type: 'trials'; request: TrialsRequest };

export type FromBenchWorker =
  | { type: 'ready'; backend: string; requested: BackendName; reason?: string; renderer?: string }
  | { type: 'progress'; text: string }
  | { type: 'caseDone'; result: CaseResult }
  | { type: 'trialsDone'; results: TrialsResult[] }
  | { type: 'error'; message: string };
