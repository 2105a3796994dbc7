/**
 * A study: the ask/tell loop of a sweep. It hands out trials from its sampler, records their results
 * and knows the best one; it never knows which sampler it has (Optuna's design).
 */
import { createRng } from './rng';
import { assertValidSpace, discreteSize, paramsKey, validateParams, type Params, type SearchSpace } from './space';
import { createSampler, type SamplerName, type SamplerOptionsMap } from './samplers';
import { untakenDiscretePoint } from './samplers/common';
import type { SamplerContext } from './samplers/types';

export type TrialState = 'running' | 'complete' | 'diverged' | 'failed' | 'pruned';

export interface Trial {
  /** 0, 1, 2, ... in the order the trials were asked for. */
  readonly id: number;
  readonly params: Params;
  readonly state: TrialState;
  /** The objective (complete trials), or the last value seen before the trial stopped, if any. */
  readonly value?: number;
  /** Why the sampler did something unusual, e.g. fell back to random. */
  readonly note?: string;
}

export type Direction = 'minimize' | 'maximize';
export type { SamplerName, SamplerOptionsMap };

/** What a finished trial reports: its objective, or how it ended when it did not complete. */
export type TrialResult = number | { state: 'diverged' | 'failed' | 'pruned'; value?: number };

export interface StudyOptions<S extends SamplerName = SamplerName> {
  space: SearchSpace;
  sampler: S;
  direction: Direction;
  seed: number;
  samplerOptions?: SamplerOptionsMap[S];
  /** Trials of an earlier run of this study to continue from (ids must be 0..n-1 in order). */
  trials?: readonly Trial[];
}

export interface Study {
  /** The next trial to run, or null once the space is used up (then `exhausted` and `message` are set). */
  ask(): Trial | null;
  /** Record a result: a finite objective value, or how the trial ended. Each trial is told once. */
  tell(id: number, result: TrialResult): void;
  /** Every trial so far, in id order. A new array (and new trial objects) after each change. */
  readonly trials: readonly Trial[];
  /** Best complete trial by direction (the earliest on ties); undefined before any completes. */
  readonly best: Trial | undefined;
  readonly exhausted: boolean;
  readonly message?: string;
  readonly space: SearchSpace;
  readonly direction: Direction;
  readonly sampler: SamplerName;
  readonly seed: number;
}

const STOP_STATES = new Set(['diverged', 'failed', 'pruned']);

/** A well-mixed seed per trial, so each proposal's randomness depends only on (study seed, trial id). */
export function trialSeed(seed: number, id: number): number {
  let h = (Math.floor(seed) ^ 0x5bd1e995) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h = (h + Math.imul(id + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 12), 0x297a2d39);
  return (h ^ (h >>> 15)) | 0;
}

function isBetter(a: number, b: number, direction: Direction): boolean {
  return direction === 'minimize' ? a < b : a > b;
}

export function createStudy<S extends SamplerName>(opts: StudyOptions<S>): Study {
  const { space, direction, seed } = opts;
  assertValidSpace(space);
  if (direction !== 'minimize' && direction !== 'maximize') {
    throw new Error(`Direction must be 'minimize' or 'maximize', got ${String(direction)}`);
  }
  if (!Number.isFinite(seed)) throw new Error(`Seed must be a finite number, got ${seed}`);
  const sampler = createSampler(opts.sampler, space, opts.samplerOptions, seed);
  const size = discreteSize(space);

  let trials: readonly Trial[] = [];
  if (opts.trials) {
    opts.trials.forEach((t, i) => {
      if (t.id !== i) throw new Error(`Restored trials must have ids 0..n-1 in order (trial at ${i} has id ${t.id})`);
    });
    trials = opts.trials.map((t) => Object.freeze({ ...t, params: Object.freeze({ ...t.params }) }));
  }
  let best: Trial | undefined;
  let exhausted = false;
  let message: string | undefined;

  const recomputeBest = (): void => {
    best = undefined;
    for (const t of trials) {
      if (t.state !== 'complete' || t.value === undefined) continue;
      if (!best || isBetter(t.value, best.value as number, direction)) best = t;
    }
  };
  recomputeBest();

  const exhaust = (why: string): null => {
    exhausted = true;
    message = why;
    return null;
  };

  const ask = (): Trial | null => {
    if (exhausted) return null;
    const id = trials.length;
    const rng = createRng(trialSeed(seed, id));
    const ctx: SamplerContext = {
      space,
      finished: trials.filter((t) => t.state !== 'running'),
      pending: trials.filter((t) => t.state === 'running').map((t) => t.params),
      direction,
      rng,
    };
    const proposal = sampler.propose(ctx);
    if ('exhausted' in proposal) return exhaust(proposal.exhausted);
    let params = proposal.params;
    let note = proposal.note;
    const problems = validateParams(space, params);
    if (problems.length > 0) throw new Error(`Sampler ${opts.sampler} proposed invalid params: ${problems.join(' ')}`);
    if (Number.isFinite(size)) {
      // A discrete space must never repeat a point: replace a repeat with an untried one.
      const taken = new Set(trials.map((t) => paramsKey(space, t.params)));
      if (taken.has(paramsKey(space, params))) {
        const fresh = untakenDiscretePoint(space, taken, rng);
        if (!fresh) return exhaust(`All ${size} combinations of the search space have been tried`);
        params = fresh;
        note = [note, 'the sampler proposed a point already tried; an untried one was drawn at random'].filter(Boolean).join('; ');
      }
    }
    const trial: Trial = Object.freeze({
      id,
      params: Object.freeze({ ...params }),
      state: 'running' as const,
      ...(note ? { note } : {}),
    });
    trials = [...trials, trial];
    return trial;
  };

  const tell = (id: number, result: TrialResult): void => {
    const old = trials[id];
    if (!Number.isInteger(id) || !old) throw new Error(`No trial with id ${id}`);
    if (old.state !== 'running') throw new Error(`Trial ${id} already has a result (${old.state})`);
    let next: Trial;
    if (typeof result === 'number') {
      if (!Number.isFinite(result)) {
        throw new Error(
          `The objective of trial ${id} must be a finite number, got ${result}; report a run that blew up as { state: 'diverged' }`,
        );
      }
      next = { ...old, state: 'complete', value: result };
    } else if (result && typeof result === 'object' && STOP_STATES.has(result.state)) {
      next = { ...old, state: result.state };
      // A diverged run's last loss is often NaN or Infinity: keep only a usable number.
      if (typeof result.value === 'number' && Number.isFinite(result.value)) next = { ...next, value: result.value };
    } else {
      throw new Error(`Trial ${id}: a result is a finite number or { state: 'diverged' | 'failed' | 'pruned' }`);
    }
    const copy = trials.slice();
    copy[id] = Object.freeze(next);
    trials = copy;
    if (next.state === 'complete') recomputeBest();
  };

  return {
    ask,
    tell,
    get trials() {
      return trials;
    },
    get best() {
      return best;
    },
    get exhausted() {
      return exhausted;
    },
    get message() {
      return message;
    },
    space,
    direction,
    sampler: opts.sampler,
    seed,
  };
}
