/** The app's state, by slice. Components read it through selectors; actions live beside it. */
import type { Hyperparams, HyperparamName } from '../core/hyperparams';
import type { Params, SamplerName } from '../core';
import type { DataChoice, PreparedData } from '../train/prepare';
import type { CsvLoadProgress } from '../train/csvClient';
import type { ResolvedEncoding } from '../train/datasets/decode';
import type { EpochMetrics, TrainResult } from '../train/trainer';
import type { BackendName } from '../train/backends';
import type { AxisDraft, SpaceDraft } from '../sweep/draft';
import type { ObjectiveName } from '../sweep/config';
import type { TrialRecord } from '../sweep/runner';
import type { SavedSweep } from './persist/types';
import type { CompareConfig, CompareTrial } from '../compare/runner';
import type { ScanPoint } from '../lr/zones';
import type { SurrogateCurve, SurrogateMap } from '../core/samplers/gp/surrogate';

export interface DataSlice {
  choice: DataChoice;
  validationFraction: number;
  splitSeed: number;
  prepared: PreparedData | null;
  dataError: string | null;
  /** Column names of the loaded CSV, for the target picker. */
  csvColumns: string[];
  /** A CSV file being read or prepared in the CSV worker; the data in use meanwhile is the one before. */
  csvLoading: ({ fileName: string } & CsvLoadProgress) | null;
  /** The encoding the loaded CSV was read as. */
  csvEncodingUsed: ResolvedEncoding | null;
  /** What became of the last CSV load when it did not replace the data (cancelled). */
  csvMessage: string | null;
  /** Make a choice the current data (a CSV one through the CSV worker, so its data arrive later). */
  setChoice(choice: DataChoice): void;
  /** Prepare a choice without making it current (a resumed sweep's data); CSV progress shows meanwhile. */
  prepareChoice(choice: DataChoice, validationFraction: number, splitSeed: number): Promise<ChoiceOutcome>;
  loadCsv(file: File): void;
  /** Stop reading the CSV file; the data before it stays. */
  cancelCsv(): void;
  /** A file the app will not read (too large, say): the message replaces the data. */
  rejectFile(message: string): void;
}

export type ChoiceOutcome =
  | { choice: DataChoice; prepared: PreparedData; csv?: { columns: string[]; encoding: ResolvedEncoding | null } }
  | { choice: DataChoice; error: string; csv?: { columns: string[]; encoding: ResolvedEncoding | null } }
  | { cancelled: true };

export interface ParamsSlice {
  hp: Hyperparams;
  setParam<K extends HyperparamName>(name: K, value: Hyperparams[K]): void;
}

export interface BackendSlice {
  requestedBackend: BackendName;
  backend: BackendName | null;
  backendReason: string | null;
  setBackend(b: BackendName): void;
  /** Fault injection (tests, and showing a class what happens): lose the WebGL context mid-run. */
  loseWebGLContext(): void;
}

export type RunStatus = 'idle' | 'running' | 'complete' | 'diverged' | 'stopped' | 'interrupted' | 'error';

export interface RunSlice {
  runStatus: RunStatus;
  runId: number | null;
  epochs: EpochMetrics[];
  totalEpochs: number;
  result: TrainResult | null;
  surface: { values: Float32Array; epoch: number } | null;
  runMessage: string | null;
  startTraining(): void;
  stopTraining(): void;
}

export interface TrialView extends Partial<Omit<TrialRecord, 'status'>> {
  id: number;
  index: number;
  params: Params;
  hp: Hyperparams;
  status: TrialRecord['status'] | 'running';
  curve: { epoch: number; trainLoss: number; valLoss: number; valAccuracy?: number }[];
}

export type SweepStatus = 'idle' | 'running' | 'complete' | 'stopped' | 'exhausted' | 'error' | 'interrupted';

export interface SweepSlice {
  draft: SpaceDraft;
  sampler: SamplerName;
  budget: number;
  objective: ObjectiveName;
  gridPointsPerAxis: number;
  sweepSeed: number;
  sweepStatus: SweepStatus;
  sweepRunId: number | null;
  trials: TrialView[];
  /** The first trial being trained and its epoch; `together` trials (a batch, or a pool's) train alongside it. */
  current: { trialId: number; index: number; epoch: number; together: number } | null;
  /** How the running sweep is trained: its backend and how many workers train trials at once. */
  sweepPlan: { backend: BackendName; workers: number } | null;
  sweepMessage: string | null;
  /** The sweep that runs or ran: its config and data (the controls may change meanwhile). Saved with its finished trials. */
  sweepRecord: Omit<SavedSweep, 'trials'> | null;
  /** A saved sweep that a reload interrupted, offered for resuming. */
  resumable: SavedSweep | null;
  resumeSweep(): void;
  /** Open a study file (JSON) exported earlier; bad files give a message. */
  importStudy(text: string): void;
  discardResumable(): void;
  /** Step mode: the sweep pauses after each proposal until the teacher says go. */
  stepMode: boolean;
  stepWaiting: boolean;
  setStepMode(on: boolean): void;
  /** Train the proposed trial; `runRest` also switches step mode off for the rest of the sweep. */
  stepNext(runRest?: boolean): void;
  /** The GP surrogate along one parameter, for the latest finished trials. */
  surrogate: { param: string; trialCount: number; curve: SurrogateCurve | null; map: SurrogateMap | null; error?: string } | null;
  /** The latest surrogate request; answers to older ones are dropped. */
  surrogateRequest: { requestId: number; param: string; trialCount: number } | null;
  requestSurrogate(param: string, param2?: string): void;
  setAxis(name: HyperparamName, axis: AxisDraft): void;
  setSweepOption(patch: Partial<Pick<SweepSlice, 'sampler' | 'budget' | 'objective' | 'gridPointsPerAxis' | 'sweepSeed'>>): void;
  startSweep(): void;
  stopSweep(): void;
}

export interface NoticeSlice {
  /** A message about something the app changed for the user (a bad value in a link, say). */
  notice: string | null;
  dismissNotice(): void;
}

export type CompareSource = 'branin' | 'forrester' | 'training';
export type CompareStatus = 'idle' | 'running' | 'complete' | 'stopped' | 'error';

export interface CompareSlice {
  compareMethods: SamplerName[];
  compareRepeats: number;
  compareBudget: number;
  compareSource: CompareSource;
  /** As typed; a number or empty (no target). */
  compareTarget: string;
  compareSeed: number;
  compareStatus: CompareStatus;
  compareRunId: number | null;
  compareTrials: CompareTrial[];
  /** What the running or last comparison ran, for the charts (the controls may change meanwhile). */
  compareRun: { config: CompareConfig; source: CompareSource; optimum: number | null; paramNames: string[]; objective: ObjectiveName } | null;
  compareMessage: string | null;
  setCompareOption(patch: Partial<Pick<CompareSlice, 'compareMethods' | 'compareRepeats' | 'compareBudget' | 'compareSource' | 'compareTarget' | 'compareSeed'>>): void;
  startCompare(): void;
  stopCompare(): void;
}

export interface ScanSlice {
  scanStatus: 'idle' | 'running' | 'complete' | 'stopped' | 'error';
  scanRunId: number | null;
  scanPlan: { rates: number[]; epochs: number } | null;
  scanPoints: (ScanPoint | null)[];
  /** The rate being trained and its curve so far. */
  scanCurrent: { index: number; curve: number[] } | null;
  startScan(): void;
  stopScan(): void;
  /** Make the learning rate a sweep range around the scan's good rates. */
  useScanRange(): void;
}

/** What the user started last: the progress line tells of it. */
export interface ActivitySlice {
  lastActivity: 'run' | 'sweep' | 'compare' | 'scan' | null;
}

export type AppState = ActivitySlice & DataSlice & ParamsSlice & BackendSlice & RunSlice & SweepSlice & NoticeSlice & CompareSlice & ScanSlice;
