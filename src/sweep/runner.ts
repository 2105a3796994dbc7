/**
 * The sweep runner: joins a study (ask/tell) to an evaluator (a trainer, or a synthetic function),
 * one trial after another. Knows nothing about workers, tfjs or the UI.
 */
import { createStudy, paramsKey, type Params, type Study, type Trial } from '../core';
import { objectiveDirection, trialHyperparams, type SweepConfig } from './config';
import type { Hyperparams } from '../core/hyperparams';
import { partition, runPool } from './pool';

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

/**
 * Training several trials at once: as one batched computation (trials with equal keys, at most `size`
 * together) and on a pool of `workers` executors (a unit of trials per executor at a time).
 */
export interface BatchOptions {
  size: number;
  /** Trials with equal non-null keys can be trained together; a null key trains alone. */
  key: (hp: Hyperparams) => string | null;
  /** Executors that train units at once (a worker pool); 1 when absent. Results never depend on it. */
  workers?: number;
  /** Trains one unit (one trial, or several with equal keys) on executor `worker`. */
  evaluate: (
    items: { hp: Hyperparams; trial: { id: number; index: number } }[],
    signal: AbortSignal | undefined,
    worker: number,
  ) => Promise<Evaluation[]>;
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
  // Grid and random proposals do not depend on results, so several can be asked at once, trained together
  // (one batched computation for trials that share a key) and on several workers. Results are told to the
  // study and reported in trial order, so they do not depend on how the work was split or which unit
  // finished first.
  const batchable = !!batch && (cfg.sampler === 'grid' || cfg.sampler === 'random') && !events.beforeTrain;
  const workers = batchable ? Math.max(1, Math.floor(batch!.workers ?? 1)) : 1;
  let index = history.length;
  while (index < cfg.budget) {
    if (signal?.aborted) return { status: 'stopped', ...bestOf(records, study.best) };
    const group: { trial: Trial; hp: Hyperparams; index: number }[] = [];
    // Every remaining trial at once: how they are grouped into units then depends on neither the number of
    // workers nor the order units finish in.
    const want = batchable ? cfg.budget - index : 1;
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

    const outcomes: ({ ev: Evaluation; ms: number; batchedWith?: number } | undefined)[] = Array.from({ length: group.length });
    let reported = 0;
    let stopped = false;
    const report = (k: number): void => {
      const { trial, hp } = group[k];
      const out = outcomes[k] ?? { ev: { status: 'stopped' as const, message: 'Not trained: the sweep was stopped first.' }, ms: 0 };
      let ev = out.ev;
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
        durationMs: out.ms,
        ...(ev.value !== undefined && ev.status === 'complete' ? { value: ev.value } : {}),
        ...(ev.divergedAtEpoch !== undefined ? { divergedAtEpoch: ev.divergedAtEpoch } : {}),
        ...(trial.note || ev.message ? { note: [trial.note, ev.message].filter(Boolean).join(' ') } : {}),
        ...(out.batchedWith ? { batchedWith: out.batchedWith } : {}),
      };
      records.push(rec);
      events.onTrialDone?.(rec);
      if (ev.status === 'stopped') stopped = true;
    };
    /** Reports every trial whose outcome is in, up to the first one still training. */
    const flush = (): void => {
      while (reported < group.length && outcomes[reported]) report(reported++);
    };
    const start = (g: (typeof group)[number]) =>
      events.onTrialStart?.({ id: g.trial.id, index: g.index, params: g.trial.params, hp: g.hp, ...(g.trial.note ? { note: g.trial.note } : {}) });

    if (batchable) {
      const units = partition(group, (g) => batch!.key(g.hp), batch!.size);
      await runPool(units, workers, async (unit, _u, worker) => {
        if (signal?.aborted) return;
        const gs = unit.map((k) => group[k]);
        gs.forEach(start);
        const t0 = performance.now();
        let evs: Evaluation[];
        try {
          evs = await batch!.evaluate(gs.map((g) => ({ hp: g.hp, trial: { id: g.trial.id, index: g.index } })), signal, worker);
        } catch (e) {
          evs = gs.map(() => ({ status: 'failed' as const, message: (e as Error).message }));
        }
        const ms = performance.now() - t0;
        unit.forEach((k, j) => {
          outcomes[k] = { ev: evs[j] ?? { status: 'failed', message: 'No result came back for this trial.' }, ms, ...(unit.length > 1 ? { batchedWith: unit.length } : {}) };
        });
        flush();
      });
    } else {
      for (const [k, g] of group.entries()) {
        start(g);
        if (events.beforeTrain) await events.beforeTrain({ id: g.trial.id, index: g.index, params: g.trial.params });
        const t1 = performance.now();
        let ev: Evaluation;
        try {
          ev = await evaluate(g.hp, { id: g.trial.id, index: g.index }, signal);
        } catch (e) {
          ev = { status: 'failed', message: (e as Error).message };
        }
        outcomes[k] = { ev, ms: performance.now() - t1 };
        flush();
        if (ev.status === 'stopped') break;
      }
    }
    // After a Stop: a trial never trained that comes before one that was is reported as stopped, so the
    // records stay in trial order (a resume replays them in order); the ones after the last trained trial
    // are told to the study as stopped and not recorded.
    const last = outcomes.reduce((m, o, k) => (o ? k : m), -1);
    while (reported <= last) report(reported++);
    for (let k = reported; k < group.length; k++) tellResult(study, group[k].trial.id, 'stopped', undefined);
    if (stopped || reported < group.length) return { status: 'stopped', ...bestOf(records, study.best) };
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
