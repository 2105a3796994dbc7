/// <reference lib="webworker" />
/** The worker entry: owns the tfjs backend, runs single trainings and whole sweeps off the page's thread. */
import { initBackend } from './backend';
import { train } from './trainer';
import { batchKey, stackSize } from './batched';
import { trainUnit } from './unit';
import { createTrainerPool, sweepPlan } from './trainerPool';
import { yieldToEventLoop } from './yield';
import type { FromWorker, ToWorker } from './protocol';
import { runSweep, type Evaluation } from '../sweep/runner';
import { runCompare, type CompareEvaluator } from '../compare/runner';
import { findSynthetic } from '../compare/synthetic';
import { surrogateAlong, surrogateMap } from '../core/samplers/gp/surrogate';
import { trialHyperparams, type ObjectiveName } from '../sweep/config';
import { backendOrder, type BackendName } from './backends';
import { createContextWatch } from './contextWatch';
import type { EpochMetrics, TrainOptions, TrainResult } from './trainer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);

let ready: Promise<BackendName> | null = null;
let current: BackendName | null = null;
const watch = createContextWatch();
const pool = createTrainerPool();
const active = new Map<number, AbortController>();
/** Step mode: the go-ahead a paused sweep waits for, by run id. */
const stepGates = new Map<number, { stepping: boolean; release: (() => void) | null }>();
// One job at a time: a new job waits for the previous one to finish disposing its tensors.
let queue: Promise<void> = Promise.resolve();

function ensureBackend(requested: BackendName): Promise<BackendName> {
  ready = initBackend(requested).then((r) => {
    current = r.backend;
    post({ type: 'backend', backend: r.backend, requested: r.requested, ...(r.reason ? { reason: r.reason } : {}) });
    return r.backend;
  });
  return ready;
}


/** The seed of a sweep's trial: the same whether it trains alone or in a batch, so results match. */
const trialSeed = (sweepSeed: number, index: number) => (sweepSeed * 7919 + index) >>> 0;

/** A training result as the sweep's objective. */
function evaluation(r: TrainResult, objective: ObjectiveName): Evaluation {
  if (r.status === 'diverged') return { status: 'diverged', divergedAtEpoch: r.divergedAtEpoch! };
  if (r.status === 'stopped') return { status: 'stopped' };
  if (r.status === 'interrupted') return { status: 'failed', message: r.interruptedReason ?? 'interrupted' };
  const last = r.epochs.at(-1);
  const value = objective === 'valLoss' ? last?.valLoss : last?.valAccuracy;
  return value === undefined ? { status: 'failed', message: 'No epoch finished.' } : { status: 'complete', value };
}

/** After a lost context: the next backend in the fallback order, reported with the reason. */
async function fallBack(reason: string): Promise<BackendName> {
  const next = backendOrder('webgl').filter((b) => b !== current)[0];
  const r = await initBackend(next);
  current = r.backend;
  post({ type: 'backend', backend: r.backend, requested: 'webgl', reason });
  ready = Promise.resolve(r.backend);
  return r.backend;
}

/** Run; when a fault interrupts any of its results, fall back and run it again from scratch (once per fallback). */
async function withFallback(run: () => Promise<TrainResult[]>, onRestart: (reason: string, backend: BackendName) => void): Promise<TrainResult[]> {
  for (;;) {
    const results = await run();
    const lost = results.find((r) => r.status === 'interrupted');
    if (!lost || current === 'cpu') return results;
    const reason = lost.interruptedReason ?? 'interrupted';
    onRestart(reason, await fallBack(reason));
  }
}

/** One training run, restarted on the fallback after a fault. */
async function trainWithFallback(opts: TrainOptions, onRestart: (reason: string, backend: BackendName) => void): Promise<TrainResult> {
  const [result] = await withFallback(async () => [await train({ ...opts, fault: watch.fault, interrupted: watch.lost() })], onRestart);
  return result;
}

/** The backend, started with WebGL first when nothing asked for another. */
async function backendReady(): Promise<BackendName> {
  if (!ready) await ensureBackend('webgl');
  return ready!;
}

/** Queue a job with its own Stop; its errors are reported against its run. */
function job(runId: number, body: (ctrl: AbortController) => Promise<void>): void {
  const ctrl = new AbortController();
  active.set(runId, ctrl);
  enqueue(async () => {
    try {
      await body(ctrl);
    } catch (e) {
      post({ type: 'error', runId, message: (e as Error).message });
    } finally {
      active.delete(runId);
    }
  });
}

function enqueue(job: () => Promise<void>): void {
  queue = queue.then(job).catch((e: unknown) => post({ type: 'error', message: (e as Error).message }));
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'init':
      enqueue(async () => {
        await ensureBackend(msg.backend);
      });
      break;
    case 'stop':
      active.get(msg.runId)?.abort();
      stepGates.get(msg.runId)?.release?.();
      break;
    case 'step': {
      const gate = stepGates.get(msg.runId);
      if (gate) {
        if (msg.continuous) gate.stepping = false;
        gate.release?.();
        gate.release = null;
      }
      break;
    }
    case 'surrogate':
      try {
        post({
          type: 'surrogateResult',
          requestId: msg.requestId,
          curve: surrogateAlong(msg.space, msg.trials, msg.direction, msg.param),
          map: msg.param2 ? surrogateMap(msg.space, msg.trials, msg.direction, msg.param, msg.param2) : null,
        });
      } catch (e) {
        post({ type: 'surrogateResult', requestId: msg.requestId, curve: null, map: null, error: (e as Error).message });
      }
      break;
    case 'loseContext':
      // Not queued: it must land while a run is using the context.
      if (!watch.lose()) post({ type: 'error', message: 'Only a WebGL backend has a context to lose.' });
      break;
    case 'train': {
      job(msg.runId, async (ctrl) => {
        await backendReady();
        const result = await trainWithFallback({
          hp: msg.hp,
          data: msg.data,
          seed: msg.seed,
          signal: ctrl.signal,
          onEpoch: (metrics) => post({ type: 'epoch', runId: msg.runId, metrics }),
          ...(msg.surfacePoints
            ? {
                surface: {
                  points: msg.surfacePoints,
                  onSurface: (values: Float32Array, epoch: number) =>
                    post({ type: 'surface', runId: msg.runId, epoch, values }, [values.buffer]),
                },
              }
            : {}),
        }, (reason, backend) => post({ type: 'restart', runId: msg.runId, reason, backend }));
        post({ type: 'runDone', runId: msg.runId, result });
      });
      break;
    }
    case 'compare': {
      job(msg.runId, async (ctrl) => {
        const obj = msg.objective;
        let evaluate: CompareEvaluator;
        if (obj.kind === 'synthetic') {
          const fn = findSynthetic(obj.id);
          if (!fn) throw new Error(`Unknown synthetic objective ${obj.id}`);
          let n = 0;
          evaluate = async (params) => {
            // A synthetic trial takes microseconds: let a Stop in every so often.
            if (++n % 10 === 0) await yieldToEventLoop();
            return { status: 'complete', value: fn.f(params) };
          };
        } else {
          await backendReady();
          evaluate = async (params, lane, index, signal) => {
            const r = await trainWithFallback({
              hp: trialHyperparams(obj.fixed, params),
              data: obj.data,
              seed: (msg.config.seed * 7919 + lane.repeat * 104729 + index) >>> 0,
              ...(signal ? { signal } : {}),
            }, (reason, backend) => post({ type: 'restart', runId: msg.runId, reason, backend }));
            if (r.status === 'diverged') return { status: 'diverged' };
            if (r.status === 'stopped') return { status: 'stopped' };
            const last = r.epochs.at(-1);
            const value = obj.objective === 'valLoss' ? last?.valLoss : last?.valAccuracy;
            return value === undefined || r.status !== 'complete' ? { status: 'failed' } : { status: 'complete', value };
          };
        }
        const end = await runCompare(msg.config, evaluate, (trial) => post({ type: 'compareTrial', runId: msg.runId, trial }), ctrl.signal);
        post({ type: 'compareDone', runId: msg.runId, end });
      });
      break;
    }
    case 'lrScan': {
      job(msg.runId, async (ctrl) => {
        await backendReady();
        let stopped = false;
        for (const [index, rate] of msg.rates.entries()) {
          if (ctrl.signal.aborted) {
            stopped = true;
            break;
          }
          const r = await trainWithFallback(
            {
              hp: { ...msg.hp, learningRate: rate, epochs: msg.epochs },
              data: msg.data,
              seed: msg.seed,
              signal: ctrl.signal,
              onEpoch: (m) => post({ type: 'scanEpoch', runId: msg.runId, index, epoch: m.epoch, valLoss: m.valLoss }),
            },
            (reason, backend) => post({ type: 'restart', runId: msg.runId, reason, backend }),
          );
          if (r.status === 'stopped') {
            stopped = true;
            break;
          }
          post({ type: 'scanPoint', runId: msg.runId, index, point: { rate, curve: r.epochs.map((m) => m.valLoss), diverged: r.status === 'diverged' } });
        }
        post({ type: 'scanDone', runId: msg.runId, stopped });
      });
      break;
    }
    case 'sweep': {
      job(msg.runId, async (ctrl) => {
        await backendReady();
        const objective = msg.config.objective;
        // Stacks and workers per backend (see sweepPlan).
        const plan = sweepPlan(current!, navigator.hardwareConcurrency, stackSize(msg.data.train.n, msg.data.train.d), msg.config.budget - (msg.history?.length ?? 0));
        const { workers, padWidths } = plan;
        post({ type: 'sweepPlan', runId: msg.runId, backend: current!, workers });
        const end = await runSweep(
          msg.config,
          async (hp, trial, signal) => {
            const r = await trainWithFallback({
              hp,
              data: msg.data,
              seed: trialSeed(msg.config.seed, trial.index),
              ...(signal ? { signal } : {}),
              onEpoch: (metrics) => post({ type: 'epoch', runId: msg.runId, trialId: trial.id, metrics }),
            }, (reason, backend) => post({ type: 'restart', runId: msg.runId, trialId: trial.id, reason, backend }));
            return evaluation(r, objective);
          },
          {
            onTrialStart: (t) =>
              post({ type: 'trialStart', runId: msg.runId, trialId: t.id, index: t.index, params: t.params, hp: t.hp, ...(t.note ? { note: t.note } : {}) }),
            onTrialDone: (trial) => post({ type: 'trialDone', runId: msg.runId, trial }),
            ...(msg.stepMode
              ? {
                  beforeTrain: () => {
                    const gate = stepGates.get(msg.runId) ?? { stepping: true, release: null };
                    stepGates.set(msg.runId, gate);
                    if (!gate.stepping || ctrl.signal.aborted) return Promise.resolve();
                    post({ type: 'stepWaiting', runId: msg.runId });
                    return new Promise<void>((resolve) => { gate.release = resolve; });
                  },
                }
              : {}),
          },
          ctrl.signal,
          msg.history ?? [],
          {
            size: plan.size,
            workers,
            key: (hp) => batchKey(hp, { padWidths }),
            evaluate: async (items, signal, w) => {
              const trials = items.map((it) => ({ hp: it.hp, seed: trialSeed(msg.config.seed, it.trial.index) }));
              const onEpoch = (k: number, metrics: EpochMetrics) => post({ type: 'epoch', runId: msg.runId, trialId: items[k].trial.id, metrics });
              if (w > 0) {
                const results = await pool.run(w, { trials, data: msg.data, dataId: msg.runId, backend: current!, onEpoch, ...(signal ? { signal } : {}) });
                return results.map((r) => evaluation(r, objective));
              }
              const results = await withFallback(
                () => trainUnit({ trials, data: msg.data, onEpoch, ...(signal ? { signal } : {}), fault: watch.fault, interrupted: watch.lost() }),
                (reason, backend) => {
                  for (const it of items) post({ type: 'restart', runId: msg.runId, trialId: it.trial.id, reason, backend });
                },
              );
              return results.map((r) => evaluation(r, objective));
            },
          },
        );
        stepGates.delete(msg.runId);
        post({ type: 'sweepDone', runId: msg.runId, end });
      });
      break;
    }
  }
};
