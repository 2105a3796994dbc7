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
  /** Trained together with this many trials (including itself) as one batched computation. */
  batchedWith?: number;
}

export type SweepEnd = { status: 'complete' | 'stopped' | 'exhausted'; message?: string; best?: TrialRecord };

export interface SweepEvents {
  onTrialStart?: (t: { id: number; index: number; params: Params; hp: Hyperparams; note?: string }) => void;
  onTrialDone?: (t: TrialRecord) => void;
  /** Step mode: awaited after a trial is proposed and before it is trained (the teacher explains it). */
  beforeTrain?: (t: { id: number; index: number; params: Params }) => Promise<void>;
}

/** Training several trials as one computation: how many at once, which trials may share, and how. */
export interface BatchOptions {
  size: number;
  /** Trials with equal non-null keys can be trained together. */
  key: (hp: Hyperparams) => string | null;
  evaluate: (items: { hp: Hyperparams; trial: { id: number; index: number } }[], signal?: AbortSignal) => Promise<Evaluation[]>;
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
  batch?: BatchOptions,
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
  // Grid and random proposals do not depend on results, so several can be asked at once and, when they share
  // an architecture, trained together as one batched computation: the same trials, far fewer GPU dispatches.
  const batchable = !!batch && (cfg.sampler === 'grid' || cfg.sampler === 'random') && !events.beforeTrain;
  let index = history.length;
  while (index < cfg.budget) {
    if (signal?.aborted) return { status: 'stopped', ...bestOf(records, study.best) };
    const group: { trial: Trial; hp: Hyperparams; index: number }[] = [];
    const want = batchable ? Math.min(batch!.size, cfg.budget - index) : 1;
    let exhausted = false;
    for (let k = 0; k < want; k++) {
      const trial = study.ask();
      if (!trial) {
        exhausted = true;
        break;
      }
      group.push({ trial, hp: trialHyperparams(cfg.fixed, trial.params), index: index + k });
    }
    if (group.length === 0) return { status: 'exhausted', ...(study.message ? { message: study.message } : {}), ...bestOf(records, study.best) };
    const key = batchable ? batch!.key(group[0].hp) : null;
    const together = group.length > 1 && key !== null && group.every((g) => batch!.key(g.hp) === key);
    const t0 = performance.now();
    let evs: Evaluation[];
    let times: number[];
    if (together) {
      for (const g of group) events.onTrialStart?.({ id: g.trial.id, index: g.index, params: g.trial.params, hp: g.hp, ...(g.trial.note ? { note: g.trial.note } : {}) });
      try {
        evs = await batch!.evaluate(group.map((g) => ({ hp: g.hp, trial: { id: g.trial.id, index: g.index } })), signal);
      } catch (e) {
        evs = group.map(() => ({ status: 'failed' as const, message: (e as Error).message }));
      }
      times = group.map(() => performance.now() - t0);
    } else {
      evs = [];
      times = [];
      for (const g of group) {
        events.onTrialStart?.({ id: g.trial.id, index: g.index, params: g.trial.params, hp: g.hp, ...(g.trial.note ? { note: g.trial.note } : {}) });
        if (events.beforeTrain) await events.beforeTrain({ id: g.trial.id, index: g.index, params: g.trial.params });
        const t1 = performance.now();
        try {
          evs.push(await evaluate(g.hp, { id: g.trial.id, index: g.index }, signal));
        } catch (e) {
          evs.push({ status: 'failed', message: (e as Error).message });
        }
        times.push(performance.now() - t1);
        if (evs.at(-1)!.status === 'stopped') break;
      }
    }
    let stopped = false;
    for (let k = 0; k < evs.length; k++) {
      const { trial, hp } = group[k];
      let ev = evs[k];
      if (ev.status === 'complete' && (ev.value === undefined || !Number.isFinite(ev.value))) {
        ev = { status: 'diverged', message: 'The objective was not a finite number.' };
      }
      tellResult(study, trial.id, ev.status, ev.value);
      const rec: TrialRecord = {
        id: trial.id,
        index: group[k].index,
        params: trial.params,
        hp,
        status: ev.status,
        durationMs: times[k],
        ...(ev.value !== undefined && ev.status === 'complete' ? { value: ev.value } : {}),
        ...(ev.divergedAtEpoch !== undefined ? { divergedAtEpoch: ev.divergedAtEpoch } : {}),
        ...(trial.note || ev.message ? { note: [trial.note, ev.message].filter(Boolean).join(' ') } : {}),
        ...(together ? { batchedWith: group.length } : {}),
      };
      records.push(rec);
      events.onTrialDone?.(rec);
      if (ev.status === 'stopped') stopped = true;
    }
    // Trials asked but never trained (a Stop mid-group) are told as failed so the study stays consistent.
    for (let k = evs.length; k < group.length; k++) tellResult(study, group[k].trial.id, 'stopped', undefined);
    if (stopped) return { status: 'stopped', ...bestOf(records, study.best) };
    index += group.length;
    if (exhausted) return { status: 'exhausted', ...(study.message ? { message: study.message } : {}), ...bestOf(records, study.best) };
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
