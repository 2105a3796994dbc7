/**
 * The throughput bench page: builds the datasets on the page (as the app does), starts one bench worker
 * per backend, and exposes window.trainBench for bench/train.ts (Playwright) to call. A longtask observer
 * records the main thread's longest task while the workers train.
 */
import { defaultHyperparams, type Hyperparams } from '../../src/core/hyperparams';
import { createRng } from '../../src/core/rng';
import type { BackendName } from '../../src/train/backends';
import { prepareData } from '../../src/train/prepare';
import type { Dataset, Split } from '../../src/train/datasets/types';
import type { CaseRequest, CaseResult, FromBenchWorker, ToBenchWorker, TrialsResult } from './protocol';

interface LongTask { start: number; duration: number }
const longTasks: LongTask[] = [];
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
} catch {
  // No longtask support: the report says so (null).
}

const logEl = document.getElementById('log');
function log(text: string): void {
  console.log(text);
  if (logEl) logEl.textContent += `${text}\n`;
}

/** A 784-feature, 10-class synthetic set: Gaussian inputs, labels from a random linear teacher (learnable). */
function synthetic784(n: number, seed: number, teacher: Float32Array): Dataset {
  const d = 784, k = 10;
  const rng = createRng(seed);
  const x = new Float32Array(n * d);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0, bestScore = -Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += x[i * d + j] * teacher[j * k + c];
      if (s > bestScore) { bestScore = s; best = c; }
    }
    y[i] = best;
  }
  return {
    id: 'synthetic784', name: 'Synthetic 784-d', task: 'classification',
    featureNames: Array.from({ length: d }, (_, j) => `x${j}`), n, d, x, y,
    classNames: Array.from({ length: k }, (_, c) => String(c)), targetName: 'class', notes: [],
  };
}

export interface BenchCase {
  id: string;
  label: string;
  hp: Hyperparams;
  data: Split;
}

function cases(): BenchCase[] {
  const circle = prepareData({ kind: 'toy', id: 'circle', n: 400, noise: 0.1, seed: 1 }, 0.2, 1);
  const iris = prepareData({ kind: 'tabular', id: 'iris' }, 0.2, 1);
  if ('error' in circle) throw new Error(circle.error);
  if ('error' in iris) throw new Error(iris.error);
  const teacherRng = createRng(99);
  const teacher = Float32Array.from({ length: 784 * 10 }, () => teacherRng.normal());
  const mnistLike: Split = { train: synthetic784(2000, 1, teacher), validation: synthetic784(400, 2, teacher) };
  const base: Hyperparams = { ...defaultHyperparams, l2: 0, dropout: 0 };
  return [
    { id: 'circle', label: 'circle 2-8-8-2 tanh, batch 10', data: circle.split, hp: { ...base, hiddenLayers: 2, unitsPerLayer: 8, activation: 'tanh', batchSize: 10 } },
    { id: 'iris', label: 'iris 4-16-16-3 tanh, batch 16', data: iris.split, hp: { ...base, hiddenLayers: 2, unitsPerLayer: 16, activation: 'tanh', batchSize: 16 } },
    {
      id: 'mnist-like', label: 'synthetic 784-128-128-10 relu, batch 32', data: mnistLike,
      hp: { ...base, hiddenLayers: 2, unitsPerLayer: 128, activation: 'relu', batchSize: 32, learningRate: 0.001 },
    },
  ];
}

export interface BackendRun {
  requested: BackendName;
  backend: string;
  reason?: string;
  renderer?: string;
  results: CaseResult[];
  /** Longest main-thread task while this backend's worker trained; null without longtask support. */
  mainLongestTaskMs: number | null;
  mainLongTasks: number;
  error?: string;
}

export interface BenchOptions {
  backend: BackendName;
  caseIds: string[];
  repeats: number;
  /** Per case id: wanted duration of one measured run (ms) and epochs of the discarded warm-up. */
  perCase: Record<string, { targetMs: number; warmupEpochs: number }>;
  maxEpochs: number;
}

function call(worker: Worker, msg: ToBenchWorker, until: FromBenchWorker['type']): Promise<FromBenchWorker> {
  return new Promise((resolve, reject) => {
    worker.onmessage = (ev: MessageEvent<FromBenchWorker>) => {
      const m = ev.data;
      if (m.type === 'progress') log(`  ${m.text}`);
      else if (m.type === 'error') reject(new Error(m.message));
      else if (m.type === until) resolve(m);
    };
    worker.onerror = (ev) => {
      ev.preventDefault();
      reject(new Error(ev.message || 'bench worker failed'));
    };
    worker.postMessage(msg);
  });
}

async function runBackend(opts: BenchOptions): Promise<BackendRun> {
  const all = cases();
  const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: `bench-${opts.backend}` });
  const t0 = performance.now();
  const out: BackendRun = { requested: opts.backend, backend: '?', results: [], mainLongestTaskMs: null, mainLongTasks: 0 };
  try {
    const ready = await call(worker, { type: 'init', backend: opts.backend }, 'ready');
    if (ready.type === 'ready') {
      out.backend = ready.backend;
      if (ready.reason) out.reason = ready.reason;
      if (ready.renderer) out.renderer = ready.renderer;
    }
    log(`backend ${opts.backend}: running on ${out.backend}${out.renderer ? ` (${out.renderer})` : ''}`);
    for (const c of all.filter((x) => opts.caseIds.includes(x.id))) {
      const request: CaseRequest = {
        caseId: c.id, hp: c.hp, data: c.data, seed: 1, repeats: opts.repeats, warmupEpochs: opts.perCase[c.id]?.warmupEpochs ?? 3,
        targetMs: opts.perCase[c.id]?.targetMs ?? 1500, minEpochs: 1, maxEpochs: opts.maxEpochs,
      };
      const done = await call(worker, { type: 'case', request }, 'caseDone');
      if (done.type === 'caseDone') out.results.push(done.result);
    }
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  } finally {
    worker.terminate();
  }
  const during = longTasks.filter((t) => t.start >= t0);
  out.mainLongTasks = during.length;
  out.mainLongestTaskMs = typeof PerformanceObserver !== 'undefined' && PerformanceObserver.supportedEntryTypes.includes('longtask')
    ? during.reduce((m, t) => Math.max(m, t.duration), 0)
    : null;
  return out;
}

export interface TrialsOptions { backend: BackendName; trials: number; epochs: number }
export interface TrialsRun { requested: BackendName; backend: string; results: TrialsResult[]; error?: string }

/** The teaching sweep's shape (circle, random learning rate and units) trained one at a time, stacked, pooled. */
async function runTrialsBench(opts: TrialsOptions): Promise<TrialsRun> {
  const circle = prepareData({ kind: 'toy', id: 'circle', n: 400, noise: 0.1, seed: 1 }, 0.2, 1);
  if ('error' in circle) throw new Error(circle.error);
  const worker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: `trials-${opts.backend}` });
  const out: TrialsRun = { requested: opts.backend, backend: '?', results: [] };
  try {
    const ready = await call(worker, { type: 'init', backend: opts.backend }, 'ready');
    if (ready.type === 'ready') out.backend = ready.backend;
    const done = await call(worker, { type: 'trials', request: { data: circle.split, fixed: { ...defaultHyperparams, epochs: opts.epochs }, trials: opts.trials, seed: 1 } }, 'trialsDone');
    if (done.type === 'trialsDone') out.results = done.results;
  } catch (e) {
    out.error = e instanceof Error ? e.message : String(e);
  } finally {
    worker.terminate();
  }
  return out;
}

declare global {
  interface Window {
    trialsBench: (opts: TrialsOptions) => Promise<TrialsRun>;
    trainBench: (opts: BenchOptions) => Promise<BackendRun>;
    trainBenchCases: () => { id: string; label: string; nTrain: number }[];
  }
}
window.trainBench = runBackend;
window.trialsBench = runTrialsBench;
window.trainBenchCases = () => cases().map((c) => ({ id: c.id, label: c.label, nTrain: c.data.train.n }));
