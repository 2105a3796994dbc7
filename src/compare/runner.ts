/**
 * Runs a comparison: one study per lane (method x repeat), the lanes taking fair turns, every trial reported
 * as it finishes. The evaluator is a synthetic function or a trainer; this file knows neither. Pure.
 */
import { createStudy, type Direction, type Params, type SamplerName, type SearchSpace, type Study } from '../core';
import { makeLanes, nextLane, type Lane } from './schedule';

export interface CompareConfig {
  methods: SamplerName[];
  repeats: number;
  /** Trials per lane. */
  budget: number;
  space: SearchSpace;
  direction: Direction;
  seed: number;
  gridPointsPerAxis: number;
}

export interface CompareTrial extends Lane {
  /** 0-based trial number within its lane. */
  index: number;
  params: Params;
  status: 'complete' | 'diverged' | 'failed';
  value?: number;
  durationMs: number;
}

export type CompareEvaluator = (params: Params, lane: Lane, index: number, signal?: AbortSignal) => Promise<{ status: 'complete' | 'diverged' | 'failed' | 'stopped'; value?: number }>;

export interface CompareEnd {
  status: 'complete' | 'stopped';
  /** Lanes that ran out of points before the budget (a grid), with the reason. */
  exhausted: { lane: number; message: string }[];
}

export async function runCompare(cfg: CompareConfig, evaluate: CompareEvaluator, onTrial: (t: CompareTrial) => void, signal?: AbortSignal): Promise<CompareEnd> {
  const lanes = makeLanes(cfg.methods, cfg.repeats);
  const studies: Study[] = lanes.map((l) =>
    createStudy({
      space: cfg.space,
      sampler: l.method as SamplerName,
      direction: cfg.direction,
      // The same seed for every method in one repeat: a repeat differs from another, not one method from another.
      seed: cfg.seed + 1000 * l.repeat,
      ...(l.method === 'grid' ? { samplerOptions: { pointsPerAxis: cfg.gridPointsPerAxis } } : {}),
    }),
  );
  const done = lanes.map(() => 0);
  const finished = lanes.map(() => false);
  const exhausted: CompareEnd['exhausted'] = [];
  for (;;) {
    if (signal?.aborted) return { status: 'stopped', exhausted };
    const i = nextLane(done, finished, cfg.budget);
    if (i === null) return { status: 'complete', exhausted };
    const study = studies[i];
    // A trial's time includes the method's own thinking (a GP fit), not only the evaluation.
    const t0 = performance.now();
    const trial = study.ask();
    if (!trial) {
      finished[i] = true;
      exhausted.push({ lane: i, message: study.message ?? 'The search space is used up.' });
      continue;
    }
    let r: Awaited<ReturnType<CompareEvaluator>>;
    try {
      r = await evaluate(trial.params, lanes[i], done[i], signal);
    } catch {
      r = { status: 'failed' };
    }
    if (r.status === 'stopped') return { status: 'stopped', exhausted };
    const ok = r.status === 'complete' && r.value !== undefined && Number.isFinite(r.value);
    if (ok) study.tell(trial.id, r.value as number);
    else study.tell(trial.id, { state: r.status === 'diverged' ? 'diverged' : 'failed' });
    onTrial({
      ...lanes[i],
      index: done[i],
      params: trial.params,
      status: ok ? 'complete' : r.status === 'diverged' ? 'diverged' : 'failed',
      ...(ok ? { value: r.value as number } : {}),
      durationMs: performance.now() - t0,
    });
    done[i]++;
  }
}
