/**
 * The training worker's side of its pool: helper workers (poolWorker.ts), made when first needed and kept
 * for later sweeps, that train units while the training worker trains its own. Only for wasm and cpu: on
 * WebGL every worker would share the one GPU, so a sweep there runs in the training worker alone.
 */
import type { BackendName } from './backends';
import type { Split } from './datasets/types';
import type { EpochMetrics, TrainResult } from './trainer';
import type { FromPoolWorker, ToPoolWorker, UnitTrial } from './poolProtocol';

/** Most workers a sweep uses (the training worker included): beyond this, memory grows and gains shrink. */
export const MAX_POOL = 4;

/** How many workers train a sweep's units on this backend with this many cores. */
export function poolSize(backend: BackendName, cores: number | undefined): number {
  if (backend === 'webgl') return 1;
  return Math.max(1, Math.min(MAX_POOL, Math.floor(cores ?? 1)));
}

export interface SweepPlan {
  /** Workers that train units at once (the training worker included). */
  workers: number;
  /** Most trials in one unit (one stacked computation). */
  size: number;
  /** Trials of different widths share a stack, padded to the widest. */
  padWidths: boolean;
}

/**
 * How the app trains a grid or random sweep's trials, per backend (measured by `npm run bench:train`,
 * part 4, 12 trials of the teaching sweep): WebGL pays per dispatch, so padded stacks (6.5× one at a time
 * on software WebGL) on one worker; wasm pays per op too (padded stacks 6–8× one at a time; the pool alone
 * 1.2–1.6×), so padded stacks, on the pool when there are more stacks than one; cpu pays for arithmetic, so
 * stacks of equal width only, split to keep every worker of the pool busy (1.2× on 2 cores).
 * Where a stack's result differs from training alone by float rounding (webgl, wasm), the units never
 * depend on the number of workers, so neither do the results; on cpu a stack is bit-identical to training
 * alone, so splitting changes nothing.
 */
export function sweepPlan(backend: BackendName, cores: number | undefined, stack: number, trials: number): SweepPlan {
  const workers = poolSize(backend, cores);
  if (backend === 'cpu') return { workers, size: Math.max(1, Math.min(stack, Math.ceil(trials / workers))), padWidths: false };
  return { workers, size: stack, padWidths: true };
}

interface Helper {
  worker: Worker;
  dataId: number | null;
  jobs: Map<number, { backend: BackendName; onEpoch?: (k: number, m: EpochMetrics) => void; resolve: (r: TrainResult[]) => void; reject: (e: Error) => void }>;
}

export interface TrainerPool {
  /** Trains a unit on helper `h` (1-based: 0 is the training worker itself). */
  run(h: number, unit: { trials: UnitTrial[]; data: Split; dataId: number; backend: BackendName; onEpoch?: (k: number, m: EpochMetrics) => void; signal?: AbortSignal }): Promise<TrainResult[]>;
  terminate(): void;
}

export function createTrainerPool(): TrainerPool {
  const helpers = new Map<number, Helper>();
  let nextJob = 0;

  const helper = (h: number): Helper => {
    const existing = helpers.get(h);
    if (existing) return existing;
    const worker = new Worker(new URL('./poolWorker.ts', import.meta.url), { type: 'module', name: `trainer-pool-${h}` });
    const made: Helper = { worker, dataId: null, jobs: new Map() };
    worker.onmessage = (ev: MessageEvent<FromPoolWorker>) => {
      const msg = ev.data;
      const job = made.jobs.get(msg.jobId);
      if (!job) return;
      if (msg.type === 'epoch') job.onEpoch?.(msg.k, msg.metrics);
      else {
        made.jobs.delete(msg.jobId);
        // Results from another backend would differ from the same trial trained here: refuse them.
        if (msg.type === 'done' && msg.backend !== job.backend) job.reject(new Error(`A pool worker ran on ${msg.backend}, not ${job.backend}.`));
        else if (msg.type === 'done') job.resolve(msg.results);
        else job.reject(new Error(msg.message));
      }
    };
    worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      // A helper that fails is dropped with its jobs; the next unit for slot h makes a fresh one.
      for (const job of made.jobs.values()) job.reject(new Error(ev.message || 'A pool worker failed.'));
      worker.terminate();
      helpers.delete(h);
    };
    helpers.set(h, made);
    return made;
  };

  return {
    run: (h, unit) => {
      const w = helper(h);
      const send = (msg: ToPoolWorker) => w.worker.postMessage(msg);
      if (w.dataId !== unit.dataId) {
        send({ type: 'data', dataId: unit.dataId, data: unit.data });
        w.dataId = unit.dataId;
      }
      const jobId = ++nextJob;
      return new Promise<TrainResult[]>((resolve, reject) => {
        const signal = unit.signal;
        const onAbort = () => send({ type: 'stop', jobId });
        // The abort listener lives as long as its job, not as long as the sweep's signal.
        const done = () => signal?.removeEventListener('abort', onAbort);
        w.jobs.set(jobId, {
          backend: unit.backend,
          ...(unit.onEpoch ? { onEpoch: unit.onEpoch } : {}),
          resolve: (r) => { done(); resolve(r); },
          reject: (e) => { done(); reject(e); },
        });
        send({ type: 'unit', jobId, dataId: unit.dataId, backend: unit.backend, trials: unit.trials });
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
    terminate: () => {
      for (const w of helpers.values()) w.worker.terminate();
      helpers.clear();
    },
  };
}
