/** What is saved, as it finishes: every finished trial of a sweep, and every finished training run. */
import type { Hyperparams } from '../../core/hyperparams';
import type { DataChoice } from '../../train/prepare';
import type { SweepConfig } from '../../sweep/config';
import type { TrialRecord } from '../../sweep/runner';
import type { TrainResult } from '../../train/trainer';

export interface CurvePoint {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  valAccuracy?: number;
}

export interface SavedTrial extends TrialRecord {
  curve: CurvePoint[];
}

export interface SavedSweep {
  id: string;
  createdAt: number;
  updatedAt: number;
  config: SweepConfig;
  choice: DataChoice;
  validationFraction: number;
  splitSeed: number;
  /** 'running' until the sweep ends; a saved sweep still 'running' after a reload was interrupted. */
  status: 'running' | 'complete' | 'stopped' | 'exhausted' | 'error';
  message?: string;
  trials: SavedTrial[];
}

export interface SavedRun {
  id: string;
  createdAt: number;
  hp: Hyperparams;
  choice: DataChoice;
  splitSeed: number;
  result: TrainResult;
}

export interface Persistence {
  saveSweep(s: SavedSweep): Promise<void>;
  /** The most recently updated sweep, if any. */
  latestSweep(): Promise<SavedSweep | undefined>;
  saveRun(r: SavedRun): Promise<void>;
  runs(): Promise<SavedRun[]>;
}
