/// <reference lib="webworker" />
/**
 * The throughput bench's worker: the product's trainer (src/train/trainer.ts) against a bare tfjs
 * `model.fit` of the same model (src/train/model.ts), data, batch size and epochs, on the backend the
 * product's initBackend started, in the same dedicated worker, runs interleaved.
 */
import * as tf from '@tensorflow/tfjs-core';
import type { History } from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src/train/backend';
import { train } from '../../src/train/trainer';
import { buildModel, buildOptimizer } from '../../src/train/model';
import { planBatches } from '../../src/train/batch';
import type { Hyperparams } from '../../src/core/hyperparams';
import type { Split } from '../../src/train/datasets/types';
import type { CaseRequest, CaseResult, FromBenchWorker, Method, RunSample, ToBenchWorker, TrialsMode, TrialsRequest, TrialsResult } from './protocol';
import { runSweep, type BatchOptions, type Evaluation } from '../../src/sweep/runner';
import type { SweepConfig } from '../../src/sweep/config';
import { batchKey, stackSize } from '../../src/train/batched';
import { trainUnit } from '../../src/train/unit';
import { createTrainerPool, sweepPlan } from '../../src/train/trainerPool';
import type { BackendName } from '../../src/train/backends';
import type { TrainResult } from '../../src/train/trainer';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromBenchWorker) => scope.postMessage(msg);

function renderer(): string | undefined {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
    if (!gl) return undefined;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } catch {
    return undefined;
  }
}

async function runTrainer(hp: Hyperparams, data: Split, seed: number, epochTimes?: number[]): Promise<RunSample> {
  const before = tf.memory().numTensors;
  const t0 = performance.now();
  const r = await train({
    hp,
    data,
    seed,
    ...(epochTimes ? { onEpoch: (m) => epochTimes.push((data.train.n / m.samplesPerSec) * 1000) } : {}),
  });
  const wallMs = performance.now() - t0;
  const done = r.epochs.length;
  return {
    method: 'trainer',
    epochs: done,
    wallMs,
    samplesPerSec: (done * data.train.n * 1000) / wallMs,
    finalTrainLoss: r.epochs.at(-1)?.trainLoss ?? NaN,
    status: r.status,
    tensorDelta: tf.memory().numTensors - before,
  };
}

/** Bare tfjs: compile + fit with its defaults (shuffle, no callbacks), validation data like the trainer's. */
async function runFit(hp: Hyperparams, data: Split, seed: number): Promise<RunSample> {
  const before = tf.memory().numTensors;
  const t0 = performance.now();
  const { train: tr, validation: va } = data;
  const classification = tr.task === 'classification';
  const outputDim = classification ? tr.classNames.length : 1;
  const model = buildModel(hp, { inputDim: tr.d, outputDim }, seed);
  const optimizer = buildOptimizer(hp.optimizer, hp.learningRate);
  model.compile({
    optimizer,
    loss: classification
      ? (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.losses.softmaxCrossEntropy(yTrue, yPred)
      : 'meanSquaredError',
  });
  const targets = (y: Float32Array, n: number) =>
    classification
      ? tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), outputDim), 'float32'))
      : tf.tensor2d(y, [n, 1]);
  const x = tf.tensor2d(tr.x, [tr.n, tr.d]);
  const y = targets(tr.y, tr.n);
  const xv = tf.tensor2d(va.x, [va.n, va.d]);
  const yv = targets(va.y, va.n);
  let history: History;
  try {
    history = await model.fit(x, y, {
      batchSize: planBatches(hp.batchSize, tr.n).batchSize,
      epochs: hp.epochs,
      shuffle: true,
      validationData: [xv, yv],
      verbose: 0,
    });
  } finally {
    tf.dispose([x, y, xv, yv]);
    model.dispose();
    optimizer.dispose();
  }
  const wallMs = performance.now() - t0;
  const losses = (history.history.loss ?? []) as number[];
  return {
    method: 'fit',
    epochs: history.epoch.length,
    wallMs,
    samplesPerSec: (history.epoch.length * tr.n * 1000) / wallMs,
    finalTrainLoss: losses.at(-1) ?? NaN,
    status: 'complete',
    tensorDelta: tf.memory().numTensors - before,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function runCase(req: CaseRequest): Promise<CaseResult> {
  const { hp, data, seed } = req;
  const plan = planBatches(hp.batchSize, data.train.n);
  const run = (method: Method, epochs: number, epochTimes?: number[]) =>
    method === 'trainer'
      ? runTrainer({ ...hp, epochs }, data, seed, epochTimes)
      : runFit({ ...hp, epochs }, data, seed);

  // Warm-up (discarded): compiles shaders / wasm paths for both methods and measures a steady epoch.
  const epochTimes: number[] = [];
  const warmup = [await run('trainer', req.warmupEpochs, epochTimes), await run('fit', req.warmupEpochs)];
  const steady = epochTimes.length > 1 ? median(epochTimes.slice(1)) : epochTimes[0] ?? 1000;
  const epochs = Math.max(req.minEpochs, Math.min(req.maxEpochs, Math.round(req.targetMs / steady)));
  post({ type: 'progress', text: `${req.caseId}: steady epoch ${steady.toFixed(1)} ms -> ${epochs} epochs per run` });

  const samples: RunSample[] = [];
  for (let r = 0; r < req.repeats; r++) {
    // Alternate the order so slow drift (thermal, GC, other load) does not favour one method.
    const order: Method[] = r % 2 === 0 ? ['trainer', 'fit'] : ['fit', 'trainer'];
    for (const method of order) {
      const s = await run(method, epochs);
      samples.push(s);
      post({ type: 'progress', text: `${req.caseId} ${method} #${r + 1}: ${Math.round(s.samplesPerSec)} samples/s (${s.wallMs.toFixed(0)} ms)` });
    }
  }
  return {
    caseId: req.caseId,
    backend: tf.getBackend(),
    nTrain: data.train.n,
    nValidation: data.validation.n,
    batchSize: plan.batchSize,
    stepsPerEpoch: plan.stepsPerEpoch,
    epochs,
    warmupEpochMs: steady,
    warmup,
    samples,
  };
}

const toEval = (r: TrainResult): Evaluation =>
  r.status === 'complete' ? { status: 'complete', value: r.epochs.at(-1)!.valLoss } : { status: r.status === 'diverged' ? 'diverged' : 'failed' };

/**
 * The same random sweep (learning rate log 1e-3..1, units 2..32) trained each way the product can, through
 * the product's runner, stacks (trainUnit) and worker pool (trainerPool): trials per minute, and each trial's
 * objective so the modes can be checked against one another.
 */
async function runTrials(req: TrialsRequest): Promise<TrialsResult[]> {
  const backend = tf.getBackend() as BackendName;
  const cfg: SweepConfig = {
    space: { learningRate: { type: 'float', low: 1e-3, high: 1, log: true }, unitsPerLayer: { type: 'int', low: 2, high: 32 } },
    fixed: req.fixed, sampler: 'random', budget: req.trials, objective: 'valLoss', seed: req.seed, gridPointsPerAxis: 3,
  };
  const seedOf = (i: number) => (req.seed * 7919 + i) >>> 0;
  const pool = createTrainerPool();
  const size = stackSize(req.data.train.n, req.data.train.d);
  const modes: { mode: TrialsMode; batch?: (unitSizes: number[]) => BatchOptions; appDefault: boolean; workers?: number }[] = [
    { mode: 'one at a time', appDefault: false },
    {
      mode: 'padded stacks', appDefault: backend === 'webgl',
      batch: (sizes) => ({ size, workers: 1, key: (hp) => batchKey(hp, { padWidths: true }), evaluate: async (items) => { sizes.push(items.length); return (await trainUnit({ trials: items.map((it) => ({ hp: it.hp, seed: seedOf(it.trial.index) })), data: req.data })).map(toEval); } }),
    },
  ];
  // What the app does on this backend (src/train/trainerPool.ts sweepPlan): on webgl that is the padded stacks above.
  const plan = sweepPlan(backend, navigator.hardwareConcurrency, size, req.trials);
  if (backend !== 'webgl') {
    modes.push({
      mode: 'app plan', appDefault: true, workers: plan.workers,
      batch: (sizes) => ({
        size: plan.size, workers: plan.workers, key: (hp) => batchKey(hp, { padWidths: plan.padWidths }),
        evaluate: async (items, signal, w) => {
          sizes.push(items.length);
          const trials = items.map((it) => ({ hp: it.hp, seed: seedOf(it.trial.index) }));
          const rs = w > 0
            ? await pool.run(w, { trials, data: req.data, dataId: 1, backend, ...(signal ? { signal } : {}) })
            : await trainUnit({ trials, data: req.data });
          return rs.map(toEval);
        },
      }),
    });
  }
  const out: TrialsResult[] = [];
  try {
    for (const m of modes) {
      const sizes: number[] = [];
      const values: (number | null)[] = [];
      const t0 = performance.now();
      await runSweep(cfg, async (hp, t) => { sizes.push(1); return toEval(await train({ hp, data: req.data, seed: seedOf(t.index) })); },
        { onTrialDone: (r) => values.push(r.value ?? null) }, undefined, [], m.batch?.(sizes));
      const wallMs = performance.now() - t0;
      const sorted = [...sizes].sort((a, b) => a - b);
      out.push({
        mode: m.mode === 'app plan' ? `app plan: ${plan.padWidths ? 'padded' : 'equal-width'} stacks of up to ${plan.size}` as TrialsMode : m.mode, workers: m.workers ?? 1, unitTrials: sorted[sorted.length >> 1] ?? 1, units: sizes.length,
        wallMs, trialsPerMinute: (req.trials * 60_000) / wallMs, values, appDefault: m.appDefault,
      });
      post({ type: 'progress', text: `trials ${m.mode}: ${req.trials} in ${(wallMs / 1000).toFixed(1)} s` });
    }
  } finally {
    pool.terminate();
  }
  return out;
}

scope.onmessage = (ev: MessageEvent<ToBenchWorker>) => {
  const msg = ev.data;
  const job =
    msg.type === 'init'
      ? initBackend(msg.backend).then((r) =>
          post({
            type: 'ready',
            backend: r.backend,
            requested: r.requested,
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.backend === 'webgl' ? { renderer: renderer() } : {}),
          }),
        )
      : msg.type === 'trials'
        ? runTrials(msg.request).then((results) => post({ type: 'trialsDone', results }))
        : runCase(msg.request).then((result) => post({ type: 'caseDone', result }));
  job.catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? e.message : String(e) }));
};
