/**
 * The sweep runner: joins a study (ask/tell) to an evaluator (a trainer, or a synthetic function),
 * one trial after another. Knows nothing about workers, tfjs or the UI.
 */
import { createStudy, paramsKey, type Params, type Study, type Trial } from '../core';
import { objectiveDirection, trialHyperparams, type SweepConfig } from './config';
import type { Hyperparams } from '../core/hyperparams';

export interface Evaluation {
  status: 'complete' | 'diverged' | 'stopped' | 'failed';
  /** Objective value (finite) for a complete trial. */
  value?: number;
  divergedAtEpoch?: number;
  message?: string;
}

export interface TrialRecord {
  id: number;
  index: number;
  params: Params;
  hp: Hyperparams;
  status: Evaluation['status'];
  value?: number;
  divergedAtEpoch?: number;
  durationMs: number;
  note?: string;
}

export type SweepEnd = { status: 'complete' | 'stopped' | 'exhausted'; message?: string; best?: TrialRecord };

export interface SweepEvents {
  onTrialStart?: (t: { id: number; index: number; params: Params; hp: Hyperparams; note?: string }) => void;
  onTrialDone?: (t: TrialRecord) => void;
  /** Step mode: awaited after a trial is proposed and before it is trained (the teacher explains it). */
  beforeTrain?: (t: { id: number; index: number; params: Params }) => Promise<void>;
}

export type Evaluator = (hp: Hyperparams, trial: { id: number; index: number }, signal?: AbortSignal) => Promise<Evaluation>;

/**
 * Runs a sweep. `history` resumes an interrupted one: its trials are replayed through the same seeded
 * study (each ask must propose the recorded params), so the trials after them are the ones an
 * uninterrupted run would have proposed.
 */
export async function runSweep(
  cfg: SweepConfig,
  evaluate: Evaluator,
  events: SweepEvents = {},
  signal?: AbortSignal,
  history: readonly TrialRecord[] = [],
): Promise<SweepEnd> {
  const study = createStudy({
    space: cfg.space,
    sampler: cfg.sampler,
    direction: objectiveDirection(cfg.objective),
    seed: cfg.seed,
    ...(cfg.sampler === 'grid' ? { samplerOptions: { pointsPerAxis: cfg.gridPointsPerAxis } } : {}),
  });
  const records: TrialRecord[] = [];
  for (const past of history) {
    const trial = study.ask();
    if (!trial || paramsKey(cfg.space, trial.params) !== paramsKey(cfg.space, past.params)) {
      throw new Error(`Cannot resume: trial ${past.index + 1} does not match what this sweep proposes now (was it saved by another version?).`);
    }
    tellResult(study, trial.id, past.status, past.value);
    records.push(past);
  }
  for (let index = history.length; index < cfg.budget; index++) {
    if (signal?.aborted) return { status: 'stopped', ...bestOf(records, study.best) };
    const trial: Trial | null = study.ask();
    if (!trial) return { status: 'exhausted', ...(study.message ? { message: study.message } : {}), ...bestOf(records, study.best) };
    const hp = trialHyperparams(cfg.fixed, trial.params);
    events.onTrialStart?.({ id: trial.id, index, params: trial.params, hp, ...(trial.note ? { note: trial.note } : {}) });
    if (events.beforeTrain) await events.beforeTrain({ id: trial.id, index, params: trial.params });
    const t0 = performance.now();
    let ev: Evaluation;
    try {
      ev = await evaluate(hp, { id: trial.id, index }, signal);
    } catch (e) {
      ev = { status: 'failed', message: (e as Error).message };
    }
    if (ev.status === 'complete' && (ev.value === undefined || !Number.isFinite(ev.value))) {
      ev = { status: 'diverged', message: 'The objective was not a finite number.' };
    }
    tellResult(study, trial.id, ev.status, ev.value);
    const rec: TrialRecord = {
      id: trial.id,
      index,
      params: trial.params,
      hp,
      status: ev.status,
      durationMs: performance.now() - t0,
      ...(ev.value !== undefined && ev.status === 'complete' ? { value: ev.value } : {}),
      ...(ev.divergedAtEpoch !== undefined ? { divergedAtEpoch: ev.divergedAtEpoch } : {}),
      ...(trial.note || ev.message ? { note: [trial.note, ev.message].filter(Boolean).join(' ') } : {}),
    };
    records.push(rec);
    events.onTrialDone?.(rec);
    if (ev.status === 'stopped') return { status: 'stopped', ...bestOf(records, study.best) };
  }
  return { status: 'complete', ...bestOf(records, study.best) };
}

function tellResult(study: Study, id: number, status: Evaluation['status'], value: number | undefined): void {
  if (status === 'complete' && value !== undefined) study.tell(id, value);
  else if (status === 'diverged') study.tell(id, { state: 'diverged' });
  else study.tell(id, { state: 'failed' });
}

function bestOf(records: TrialRecord[], best: Trial | undefined): { best?: TrialRecord } {
  const r = best ? records.find((x) => x.id === best.id) : undefined;
  return r ? { best: r } : {};
}
