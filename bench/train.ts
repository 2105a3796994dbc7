/**
 * npm run bench:train — "sweeps at the speed of the hardware: measure". Builds the app (and the bench page,
 * bench/train-page) into bench/results/dist, serves it with vite preview on a free port, drives headless
 * Chromium with Playwright and measures, in one run:
 *   1. training throughput: the product's trainer (src/train/trainer.ts) vs a bare tfjs model.fit of the same
 *      model, data, batch size and epochs, in the same dedicated worker, on webgl / wasm / cpu;
 *   2. the teaching sweep through the real app UI: 20 random trials on circle, 50 epochs, learning rate
 *      log 1e-3..1 and units per layer 2..32: wall time and the main thread's longest task;
 *   3. page load: time until the controls respond, gzip size of what loads first, and one Train run's
 *      longest main-thread task;
 *   4. many trials at once: the same random sweep trained one at a time, as padded stacks, and (wasm, cpu)
 *      on the worker pool, through the product's runner: trials per minute, and the objectives compared.
 * Prints markdown tables with the targets beside the numbers and writes bench/results/train.json.
 * Never part of npm test. Options: --repeats N (3), --parts throughput,load,trials,sweep, --backends webgl,wasm,cpu,
 * --sweep-backends webgl,cpu, --trials-backends webgl,wasm,cpu, --trials N (12), --trials-epochs N (20),
 * --loads N (3), --skip-build, --sweep-timeout S (300), --budget S (600).
 */
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import type { BackendName } from '../src/train/backends';
import type { BackendRun, BenchOptions, TrialsRun } from './train-page/main';
import type { CaseResult, RunSample } from './train-page/protocol';

// ---------------------------------------------------------------- options
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--') ? process.argv[i + 1] : fallback;
};
const flag = (name: string) => process.argv.includes(`--${name}`);
const repeats = Math.max(3, Number(arg('repeats', '3')));
const parts = arg('parts', 'throughput,load,trials,sweep').split(',');
const backends = arg('backends', 'webgl,wasm,cpu').split(',') as BackendName[];
const sweepBackends = arg('sweep-backends', 'webgl,cpu').split(',') as BackendName[];
const loads = Math.max(1, Number(arg('loads', '3')));
const trialsBackends = arg('trials-backends', 'webgl,wasm,cpu').split(',') as BackendName[];
const TRIALS = { trials: Number(arg('trials', '12')), epochs: Number(arg('trials-epochs', '20')) };
const sweepTimeoutMs = Number(arg('sweep-timeout', '300')) * 1000;
/** Whole-bench time budget (s): the sweeps run last and get what is left of it. */
const budgetMs = Number(arg('budget', '600')) * 1000;

const TARGET_RATIO = 0.95;
const TARGET_LONG_TASK_MS = 50;
const TARGET_SWEEP_S = 60;
const APP_TRAIN_EPOCHS = 20;
const SWEEP = { trials: 20, epochs: 50, lrMin: '0.001', lrMax: '1', unitsMin: '2', unitsMax: '32' };

const outDir = 'bench/results/dist';
const appConfig = 'bench/train-page/vite.app.config.ts';
const pageConfig = 'bench/train-page/vite.config.ts';
const vite = 'node_modules/vite/bin/vite.js';
const systemChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH || (existsSync(systemChromium) ? systemChromium : undefined);
const chromiumArgs = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader',
];

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`;
const say = (s: string) => console.log(`[bench:train ${elapsed()}] ${s}`);

// ---------------------------------------------------------------- small helpers
const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmtInt = (x: number) => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '–');
const fmt1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const fmt2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function build(): void {
  for (const config of [appConfig, pageConfig]) {
    say(`vite build --config ${config}`);
    const r = spawnSync(process.execPath, [vite, 'build', '--config', config, '--logLevel', 'warn'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`vite build --config ${config} failed (exit ${r.status})`);
  }
}

let preview: ChildProcess | null = null;
function stopPreview(): void {
  if (preview && preview.exitCode === null && preview.pid) {
    try {
      process.kill(preview.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  preview = null;
}
process.on('exit', stopPreview);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    stopPreview();
    process.exit(130);
  });
}

async function startPreview(port: number): Promise<string> {
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, [vite, 'preview', '--config', appConfig, '--port', String(port), '--strictPort', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  preview = child;
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${log}`);
    try {
      const res = await fetch(`${base}/`);
      if (res.ok) return base;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not answer on ${base} within 30 s:\n${log}`);
}

// ---------------------------------------------------------------- part 1: throughput
const caseTargets = (backend: BackendName): BenchOptions['perCase'] => ({
  circle: { targetMs: 1500, warmupEpochs: 3 },
  iris: { targetMs: 1500, warmupEpochs: 3 },
  // One epoch of the 784 net is 63 steps: ~1 s on software WebGL, so fewer epochs there.
  'mnist-like': { targetMs: backend === 'webgl' ? 1000 : 1500, warmupEpochs: 1 },
});

interface CaseSummary {
  caseId: string;
  label: string;
  backend: string;
  requested: BackendName;
  epochs: number;
  stepsPerEpoch: number;
  trainerSps: number;
  fitSps: number;
  ratioMedian: number;
  ratioMin: number;
  ratioMax: number;
  trainerMsPerStep: number;
  fitMsPerStep: number;
  trainerLoss: number;
  fitLoss: number;
  leaks: number;
  problems: string[];
}

function summarizeCase(c: CaseResult, label: string, requested: BackendName): CaseSummary {
  const by = (m: RunSample['method']) => c.samples.filter((s) => s.method === m);
  const tr = by('trainer'), fit = by('fit');
  // Runs are paired by repeat (r-th trainer with r-th fit, run back to back in alternating order).
  const ratios = tr.map((t, i) => (fit[i] ? t.samplesPerSec / fit[i].samplesPerSec : NaN)).filter(Number.isFinite);
  const steps = c.epochs * c.stepsPerEpoch;
  const problems: string[] = [];
  if (c.backend !== requested) problems.push(`ran on ${c.backend}, not ${requested}`);
  for (const s of c.samples) {
    if (s.status !== 'complete') problems.push(`${s.method} ${s.status}`);
    if (s.epochs !== c.epochs) problems.push(`${s.method} ran ${s.epochs}/${c.epochs} epochs`);
  }
  return {
    caseId: c.caseId,
    label,
    backend: c.backend,
    requested,
    epochs: c.epochs,
    stepsPerEpoch: c.stepsPerEpoch,
    trainerSps: median(tr.map((s) => s.samplesPerSec)),
    fitSps: median(fit.map((s) => s.samplesPerSec)),
    ratioMedian: median(ratios),
    ratioMin: Math.min(...ratios),
    ratioMax: Math.max(...ratios),
    trainerMsPerStep: median(tr.map((s) => s.wallMs / steps)),
    fitMsPerStep: median(fit.map((s) => s.wallMs / steps)),
    trainerLoss: median(tr.map((s) => s.finalTrainLoss)),
    fitLoss: median(fit.map((s) => s.finalTrainLoss)),
    leaks: c.samples.reduce((m, s) => Math.max(m, Math.abs(s.tensorDelta)), 0),
    problems: [...new Set(problems)],
  };
}

async function partThroughput(browser: Browser, base: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'log') console.log(`    ${m.text()}`);
    else if (m.type() === 'error') console.log(`    [page error] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.log(`    [page error] ${e.message}`));
  await page.goto(`${base}/bench/train-page/index.html`);
  await page.waitForFunction(() => typeof window.trainBench === 'function');
  const labels = Object.fromEntries((await page.evaluate(() => window.trainBenchCases())).map((c) => [c.id, c.label]));
  const runs: BackendRun[] = [];
  const summaries: CaseSummary[] = [];
  for (const backend of backends) {
    say(`throughput on ${backend}`);
    const opts: BenchOptions = { backend, caseIds: ['circle', 'iris', 'mnist-like'], repeats, perCase: caseTargets(backend), maxEpochs: 300 };
    const run = await page.evaluate((o) => window.trainBench(o), opts);
    runs.push(run);
    if (run.error) say(`  ${backend}: ERROR ${run.error}`);
    for (const c of run.results) summaries.push(summarizeCase(c, labels[c.caseId] ?? c.caseId, backend));
  }
  await context.close();
  return { runs, summaries };
}

function printThroughput(summaries: CaseSummary[], runs: BackendRun[]): string {
  const rows = summaries.map((s) => {
    const ok = s.ratioMedian >= TARGET_RATIO;
    const verdict = ok
      ? 'ok'
      : `MISS: trainer ${fmt1((1 - s.ratioMedian) * 100)}% slower (gap ${fmt1((TARGET_RATIO - s.ratioMedian) * 100)} pts)`;
    return [
      s.label, s.backend, String(s.epochs), fmtInt(s.trainerSps), fmtInt(s.fitSps),
      `${fmt2(s.ratioMedian)} (${fmt2(s.ratioMin)}–${fmt2(s.ratioMax)})`, '≥ 0.95', verdict,
      `${fmt2(s.trainerMsPerStep)} / ${fmt2(s.fitMsPerStep)}`,
      `${s.trainerLoss.toFixed(3)} / ${s.fitLoss.toFixed(3)}`,
      String(s.leaks), s.problems.join('; ') || '',
    ];
  });
  const main = table(
    ['model', 'backend', 'epochs', 'trainer samples/s', 'fit samples/s', 'trainer/fit (paired median, range)', 'target', 'verdict',
      'ms/step trainer / fit', 'final train loss trainer / fit', 'tensor leak', 'notes'],
    rows,
  );
  const lt = table(
    ['backend', 'main-thread long tasks', 'longest (ms)', 'target', 'verdict'],
    runs.map((r) => [
      r.backend, String(r.mainLongTasks), r.mainLongestTaskMs === null ? 'n/a' : fmt1(r.mainLongestTaskMs), `< ${TARGET_LONG_TASK_MS}`,
      r.mainLongestTaskMs === null ? 'n/a' : r.mainLongestTaskMs < TARGET_LONG_TASK_MS ? 'ok' : `MISS by ${fmt1(r.mainLongestTaskMs - TARGET_LONG_TASK_MS)} ms`,
    ]),
  );
  return `### 1. Training throughput (samples/s, median of ${repeats} after a discarded warm-up; wall time of the whole call in the worker)\n\n${main}\n\nBench page main thread while the workers trained:\n\n${lt}`;
}

// ---------------------------------------------------------------- app probe (sweep, load)
interface LoafScript { invoker: string; type: string; source: string; fn: string; duration: number }
interface LoafFrame { start: number; duration: number; blocking: number; renderMs: number; layoutMs: number; scripts: LoafScript[] }
interface AppProbe {
  longTasks: { start: number; duration: number }[];
  frames: LoafFrame[];
  statusLog: { t: number; text: string }[];
  /** Worker messages as the page handles them (arrival on the main thread); epoch messages only counted. */
  msgs: { t: number; type: string; ms?: number; status?: string }[];
  epochMsgs: number;
  clicks: { t: number; label: string }[];
  trainEnabledAt?: number;
  backendReadyAt?: number;
  backendText?: string;
  firstInput?: { name: string; startTime: number; processingStart: number; processingEnd: number; duration: number };
}
declare global {
  interface Window {
    __bench?: AppProbe;
  }
}

/** Registered before the app's scripts: longtask + long-animation-frame observers, a status poller, click times. */
function installProbe(): void {
  const p: AppProbe = { longTasks: [], frames: [], statusLog: [], msgs: [], epochMsgs: 0, clicks: [] };
  window.__bench = p;
  // See the worker's messages when the page handles them: a listener added before the app's onmessage.
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      this.addEventListener('message', (e: MessageEvent) => {
        const d = e.data as { type?: string; trial?: { durationMs?: number; status?: string }; result?: { durationMs?: number } } | null;
        if (!d || typeof d.type !== 'string') return;
        if (d.type === 'epoch') p.epochMsgs++;
        const ms = d.trial?.durationMs ?? d.result?.durationMs;
        if (d.type !== 'epoch') p.msgs.push({ t: performance.now(), type: d.type, ...(ms !== undefined ? { ms } : {}), ...(d.trial?.status ? { status: d.trial.status } : {}) });
      });
    }
  };
  const observe = (type: string, cb: (e: PerformanceEntry) => void) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(cb)).observe({ type, buffered: true });
    } catch {
      // entry type not supported
    }
  };
  observe('longtask', (e) => p.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe('long-animation-frame', (e) => {
    const f = e as PerformanceEntry & {
      blockingDuration: number; renderStart: number; styleAndLayoutStart: number;
      scripts: { invoker: string; invokerType: string; sourceURL: string; sourceFunctionName: string; duration: number }[];
    };
    const end = f.startTime + f.duration;
    p.frames.push({
      start: f.startTime, duration: f.duration, blocking: f.blockingDuration,
      renderMs: f.renderStart > 0 ? end - f.renderStart : 0,
      layoutMs: f.styleAndLayoutStart > 0 ? end - f.styleAndLayoutStart : 0,
      scripts: f.scripts.map((s) => ({ invoker: s.invoker, type: s.invokerType, source: s.sourceURL.replace(/^.*\//, ''), fn: s.sourceFunctionName, duration: s.duration })),
    });
  });
  observe('first-input', (e) => {
    const ev = e as PerformanceEventTiming;
    p.firstInput = { name: ev.name, startTime: ev.startTime, processingStart: ev.processingStart, processingEnd: ev.processingEnd, duration: ev.duration };
  });
  document.addEventListener('click', (e) => {
    const b = e.target instanceof Element ? e.target.closest('button') : null;
    p.clicks.push({ t: performance.now(), label: b?.textContent ?? '' });
  }, true);
  let last = '';
  setInterval(() => {
    const s = document.querySelector('[role="status"]')?.textContent ?? '';
    if (s !== last) {
      last = s;
      p.statusLog.push({ t: performance.now(), text: s });
    }
    if (p.trainEnabledAt === undefined) {
      const b = Array.from(document.querySelectorAll('button')).find((x) => x.textContent === 'Train');
      if (b && !b.disabled) p.trainEnabledAt = performance.now();
    }
    if (p.backendReadyAt === undefined) {
      const t = document.querySelector('[data-testid="backend"]')?.textContent ?? '';
      if (t.startsWith('Running on')) {
        p.backendReadyAt = performance.now();
        p.backendText = t;
      }
    }
  }, 10);
}

/** tsx (esbuild keepNames) wraps named functions in __name(); the page has no such helper, so give it one. */
async function addProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: `var __name = (f) => f;\n(${installProbe.toString()})();` });
}

async function openApp(browser: Browser, base: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await addProbe(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Hyperparameter Playground' }).waitFor();
  return { context, page, errors };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([p, sleep(ms).then(() => Promise.reject(new Error(`${what}: no answer within ${ms / 1000} s`)))]);
}
/** The page's main thread can be busy for seconds at a time, so every read has its own timeout. */
const probe = (page: Page) => withTimeout(page.evaluate(() => window.__bench!), 60_000, 'reading the page probe');

/** Polls from Node with a hard deadline (Playwright's in-page waits overran theirs on a saturated page). */
async function waitUntil(page: Page, check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const ok = await withTimeout(page.evaluate(check), 10_000, 'poll').catch(() => false);
    if (ok) return true;
    await sleep(500);
  }
  return false;
}

async function waitBackend(page: Page, backend: BackendName): Promise<string> {
  await page.waitForFunction((b) => (document.querySelector('[data-testid="backend"]')?.textContent ?? '').startsWith(`Running on ${b}`), backend, {
    timeout: 60_000, polling: 100,
  }).catch(() => undefined);
  return (await page.getByTestId('backend').textContent()) ?? '';
}

/** Worker.onmessage scripts inside long animation frames (> 50 ms): how much the app's message handling costs. */
interface HandlerStats { count: number; totalMs: number; medianMs: number; maxMs: number }
interface WindowStats { longestMs: number; count: number; busyMs: number; top: LoafFrame[]; onmessage: HandlerStats }
function windowStats(p: AppProbe, from: number, to: number): WindowStats {
  const lts = p.longTasks.filter((t) => t.start >= from && t.start <= to);
  const frames = p.frames.filter((f) => f.start + f.duration >= from && f.start <= to).sort((a, b) => b.duration - a.duration);
  const handlers = frames.flatMap((f) => f.scripts.filter((x) => x.invoker === 'Worker.onmessage').map((x) => x.duration));
  return {
    longestMs: lts.reduce((m, t) => Math.max(m, t.duration), 0), count: lts.length, busyMs: lts.reduce((a, t) => a + t.duration, 0),
    top: frames.slice(0, 3),
    onmessage: { count: handlers.length, totalMs: handlers.reduce((a, b) => a + b, 0), medianMs: median(handlers), maxMs: Math.max(0, ...handlers) },
  };
}
const describeHandlers = (h: HandlerStats) =>
  h.count === 0 ? 'none over 50 ms' : `${h.count} handler runs in long frames, median ${fmt1(h.medianMs)} ms, max ${fmt1(h.maxMs)} ms, total ${fmtInt(h.totalMs)} ms`;

const describeFrame = (f: LoafFrame) => {
  const scripts = [...f.scripts].sort((a, b) => b.duration - a.duration).slice(0, 2)
    .map((s) => `${s.invoker || s.type}${s.fn ? ` ${s.fn}` : ''} ${s.duration.toFixed(0)} ms`).join(', ');
  return `${f.duration.toFixed(0)} ms frame: script ${f.scripts.reduce((m, s) => m + s.duration, 0).toFixed(0)} ms [${scripts}], style+layout+paint ${f.layoutMs.toFixed(0)} ms`;
};

// ---------------------------------------------------------------- part 2: the teaching sweep
interface SweepSummary {
  requested: BackendName;
  timeoutS: number;
  trialsDone: number;
  /** Unfinished sweeps: elapsed time divided by the fraction of the sweep's epochs the page has been told of. */
  projectedS: number;
  backendText: string;
  finished: boolean;
  statusText: string;
  trialsCompleted: number;
  wallS: number;
  firstTrialLatencyMs: number;
  /** Median and sum of the worker's own trial durations (TrialRecord.durationMs). */
  medianTrialS: number;
  workerTrialsS: number;
  epochMsgs: number;
  /** Sum of main-thread long tasks in the window. */
  mainBusyMs: number;
  onmessage: HandlerStats;
  steps: number;
  msPerStep: number;
  trainingRows: string;
  batchSize: string;
  longestTaskMs: number;
  longTasks: number;
  topFrames: LoafFrame[];
  errors: string[];
}

async function partSweep(browser: Browser, base: string, backend: BackendName, timeoutMs: number): Promise<SweepSummary> {
  const { context, page, errors } = await openApp(browser, base);
  try {
    if (backend !== 'webgl') await page.getByRole('combobox', { name: 'Backend', exact: true }).selectOption(backend);
    const backendText = await waitBackend(page, backend);
    await page.getByRole('combobox', { name: 'Dataset' }).selectOption('circle');
    await page.getByRole('spinbutton', { name: 'Epochs value', exact: true }).fill(String(SWEEP.epochs));
    await page.getByRole('combobox', { name: 'Units per layer: how to sweep' }).selectOption('range');
    await page.getByRole('textbox', { name: 'Units per layer minimum' }).fill(SWEEP.unitsMin);
    await page.getByRole('textbox', { name: 'Units per layer maximum' }).fill(SWEEP.unitsMax);
    await page.getByRole('textbox', { name: 'Learning rate minimum' }).fill(SWEEP.lrMin);
    await page.getByRole('textbox', { name: 'Learning rate maximum' }).fill(SWEEP.lrMax);
    await page.getByRole('combobox', { name: 'Method' }).selectOption('random');
    await page.getByRole('spinbutton', { name: 'Trial budget' }).fill(String(SWEEP.trials));
    const trainingRows = (await page.getByText(/\d+ training rows/).first().textContent()) ?? '?';
    const batchSize = await page.getByRole('spinbutton', { name: 'Batch size value', exact: true }).inputValue().catch(() => '?');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const finished = await waitUntil(page, () => window.__bench!.msgs.some((m) => m.type === 'sweepDone' || m.type === 'error'), timeoutMs);
    const p = await probe(page);
    const clickAt = [...p.clicks].reverse().find((c) => c.label === 'Run sweep')?.t ?? NaN;
    const after = p.msgs.filter((m) => m.t >= clickAt);
    const endMsg = after.find((m) => m.type === 'sweepDone');
    const endEntry = p.statusLog.find((x) => x.t >= clickAt && x.text.startsWith('Sweep finished'));
    const endAt = endMsg?.t ?? endEntry?.t ?? (await page.evaluate(() => performance.now()));
    const firstStart = after.find((m) => m.type === 'trialStart')?.t ?? NaN;
    const done = after.filter((m) => m.type === 'trialDone');
    const trialsDone = done.length;
    const workerTrialMs = done.map((m) => m.ms ?? NaN);
    // An unfinished sweep is projected linearly from the epochs the page has seen (trials sharing an architecture
    // train together as one batch and finish together, so finished trials alone say little).
    const epochFraction = p.epochMsgs / (SWEEP.trials * SWEEP.epochs);
    const projectedS = endMsg || endEntry ? (endAt - clickAt) / 1000 : epochFraction > 0 ? (endAt - clickAt) / epochFraction / 1000 : NaN;
    const trialsCompleted = done.filter((m) => m.status === 'complete').length;
    const rows = Number(/(\d+) training rows/.exec(trainingRows)?.[1] ?? NaN);
    const steps = SWEEP.trials * SWEEP.epochs * Math.ceil(rows / Number(batchSize));
    const w = windowStats(p, clickAt, endAt);
    return {
      requested: backend, timeoutS: timeoutMs / 1000, trialsDone, projectedS, backendText, finished: Boolean(endMsg || endEntry),
      statusText: p.statusLog.at(-1)?.text ?? '', trialsCompleted, wallS: (endAt - clickAt) / 1000, firstTrialLatencyMs: firstStart - clickAt,
      medianTrialS: median(workerTrialMs) / 1000, workerTrialsS: workerTrialMs.reduce((a, b) => a + b, 0) / 1000, epochMsgs: p.epochMsgs,
      mainBusyMs: w.busyMs, onmessage: w.onmessage, steps, msPerStep: (endAt - clickAt) / steps,
      trainingRows, batchSize, longestTaskMs: w.longestMs, longTasks: w.count, topFrames: w.top,
      errors: finished ? errors : [...errors, `stopped at the bench's time limit (${fmtInt(timeoutMs / 1000)} s) after ${trialsDone} of ${SWEEP.trials} trials`],
    };
  } finally {
    await context.close();
  }
}

function printSweeps(sweeps: SweepSummary[]): string {
  const rows = sweeps.map((s) => [
    s.requested, s.backendText.replace('Running on ', ''),
    `${s.trialsCompleted} complete / ${s.trialsDone} done of ${SWEEP.trials}${s.finished ? '' : ` (stopped at ${fmtInt(s.timeoutS)} s)`}`,
    s.finished ? fmt1(s.wallS) : `> ${fmt1(s.wallS)} (projected ${fmt1(s.projectedS)})`, `< ${TARGET_SWEEP_S}`,
    s.finished && s.wallS < TARGET_SWEEP_S
      ? 'ok'
      : `MISS by ${s.finished ? '' : '~'}${fmt1(s.projectedS - TARGET_SWEEP_S)} s (${fmt1(s.projectedS / TARGET_SWEEP_S)}x)`,
    fmt1(s.longestTaskMs), `< ${TARGET_LONG_TASK_MS}`, s.longestTaskMs < TARGET_LONG_TASK_MS ? 'ok' : `MISS by ${fmt1(s.longestTaskMs - TARGET_LONG_TASK_MS)} ms (${s.longTasks} long tasks)`,
    fmt2(s.medianTrialS), fmt1(s.workerTrialsS), fmtInt(s.firstTrialLatencyMs), `${fmtInt(s.steps)} / ${fmt2((s.projectedS * 1000) / s.steps)}`,
  ]);
  const t = table(
    ['backend', 'ran on', 'trials', 'wall s (Run sweep → last trial)', 'target', 'verdict', 'longest main-thread task ms', 'target', 'verdict',
      'median trial s (worker)', 'sum of trials s (worker)', 'click → trial 1 ms', 'trial-steps / wall ms per trial-step'],
    rows,
  );
  const notes = sweeps.flatMap((s) => [
    `- ${s.requested}: ${s.trainingRows}, batch ${s.batchSize}; last status: ${s.statusText}`,
    `  - main thread: ${fmtInt(s.mainBusyMs)} ms in long tasks (${fmt1((s.mainBusyMs / 10) / s.wallS)}% of the wall time), ${fmtInt(s.epochMsgs)} epoch messages; Worker.onmessage: ${describeHandlers(s.onmessage)}`,
    ...s.topFrames.map((f) => `  - longest frames: ${describeFrame(f)}`),
    ...s.errors.map((e) => `  - error: ${e}${s.finished ? '' : `; ${fmtInt(s.epochMsgs)} of ${fmtInt(SWEEP.trials * SWEEP.epochs)} trial-epochs done, projected from those`}`),
  ]);
  return `### 2. Teaching sweep in the app UI (${SWEEP.trials} random trials, circle 400 points, ${SWEEP.epochs} epochs, learning rate log ${SWEEP.lrMin}..${SWEEP.lrMax}, units ${SWEEP.unitsMin}..${SWEEP.unitsMax})\n\n${t}\n\n${notes.join('\n')}`;
}

// ---------------------------------------------------------------- part 3: page load
interface FileSize { file: string; raw: number; gzip: number }
function sizeOf(file: string): FileSize {
  const raw = readFileSync(join(outDir, file));
  return { file, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}

function bundleSizes() {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const src = /\s(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    const rel = /\srel="([^"]+)"/.exec(tag)?.[1];
    if (!src || src.startsWith('data:')) continue;
    if (tag.startsWith('<script') || rel === 'stylesheet' || rel === 'modulepreload') refs.add(src.replace(/^\//, ''));
  }
  const assets = readdirSync(join(outDir, 'assets')).map((f) => `assets/${f}`);
  const first = [sizeOf('index.html'), ...[...refs].map(sizeOf)];
  const workers = assets.filter((f) => /\/worker[-.]/.test(f) && f.endsWith('.js')).map(sizeOf);
  const wasm = assets.filter((f) => f.endsWith('.wasm')).map(sizeOf);
  const other = assets.filter((f) => !refs.has(f) && f.endsWith('.js') && !workers.some((w) => w.file === f)).map(sizeOf);
  return { first, workers, wasm, other };
}

interface LoadRun {
  fcpMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  trainEnabledMs: number;
  backendReadyMs: number;
  backendText: string;
  firstInputDelayMs: number;
  firstInputDurationMs: number;
  firstInputHandledMs: number;
  loadLongestTaskMs: number;
  loadLongTasks: number;
  loadTopFrames: LoafFrame[];
  requests: string[];
}

async function loadOnce(browser: Browser, base: string): Promise<{ run: LoadRun; page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  await addProbe(context);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url().replace(base, '')));
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench!.trainEnabledAt !== undefined, undefined, { polling: 50, timeout: 60_000 });
  // The first interaction: a real (trusted) click on a control, as soon as the controls are there.
  await page.getByRole('spinbutton', { name: 'Epochs value', exact: true }).click();
  await page.waitForFunction(() => window.__bench!.backendReadyAt !== undefined && window.__bench!.firstInput !== undefined, undefined, {
    polling: 50, timeout: 60_000,
  });
  const p = await probe(page);
  const nav = await page.evaluate(() => {
    const n = performance.getEntries().find((e) => String(e.entryType) === 'navigation') as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { dcl: n?.domContentLoadedEventEnd ?? NaN, load: n?.loadEventEnd ?? NaN, fcp: fcp?.startTime ?? NaN };
  });
  const fi = p.firstInput!;
  const w = windowStats(p, 0, p.backendReadyAt ?? Infinity);
  return {
    page, context,
    run: {
      fcpMs: nav.fcp, domContentLoadedMs: nav.dcl, loadMs: nav.load,
      trainEnabledMs: p.trainEnabledAt ?? NaN, backendReadyMs: p.backendReadyAt ?? NaN, backendText: p.backendText ?? '',
      firstInputDelayMs: fi.processingStart - fi.startTime, firstInputDurationMs: fi.duration, firstInputHandledMs: fi.processingEnd,
      loadLongestTaskMs: w.longestMs, loadLongTasks: w.count, loadTopFrames: w.top, requests: [...requests],
    },
  };
}

interface AppTraining {
  backendText: string; finished: boolean; statusText: string; clickToFirstEpochMs: number; wallS: number; workerS: number; epochs: number;
  epochMsgs: number; longestTaskMs: number; longTasks: number; mainBusyMs: number; onmessage: HandlerStats; topFrames: LoafFrame[];
}

/** One Train click with the app's defaults but APP_TRAIN_EPOCHS epochs (circle, webgl): the main thread while a run trains. */
async function appTraining(page: Page): Promise<AppTraining> {
  const backendText = await waitBackend(page, 'webgl');
  await page.getByRole('spinbutton', { name: 'Epochs value', exact: true }).fill(String(APP_TRAIN_EPOCHS));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const finished = await waitUntil(page, () => window.__bench!.msgs.some((m) => m.type === 'runDone' || m.type === 'error'), 180_000);
  const p = await probe(page);
  const clickAt = [...p.clicks].reverse().find((c) => c.label === 'Train')?.t ?? NaN;
  const first = p.statusLog.find((s) => s.t >= clickAt && s.text.startsWith('Epoch '));
  const end = p.statusLog.find((s) => s.t >= clickAt && /^(Finished|Stopped|Diverged)/.test(s.text));
  const doneMsg = p.msgs.find((m) => m.t >= clickAt && m.type === 'runDone');
  const endAt = doneMsg?.t ?? end?.t ?? p.statusLog.at(-1)?.t ?? NaN;
  const workerS = (doneMsg?.ms ?? NaN) / 1000;
  const w = windowStats(p, clickAt, endAt);
  return {
    backendText, finished: finished && Boolean(end), statusText: p.statusLog.at(-1)?.text ?? '',
    clickToFirstEpochMs: (first?.t ?? NaN) - clickAt, wallS: (endAt - clickAt) / 1000,
    epochs: Number(/Finished (\d+) epochs/.exec(end?.text ?? '')?.[1] ?? NaN),
    workerS, epochMsgs: p.epochMsgs, longestTaskMs: w.longestMs, longTasks: w.count, mainBusyMs: w.busyMs, onmessage: w.onmessage, topFrames: w.top,
  };
}

async function partLoad(browser: Browser, base: string) {
  const runs: LoadRun[] = [];
  let training: AppTraining | null = null;
  for (let i = 0; i < loads; i++) {
    say(`page load ${i + 1}/${loads}`);
    const { run, page, context } = await loadOnce(browser, base);
    runs.push(run);
    if (i === loads - 1) {
      say(`one Train run with the app defaults, ${APP_TRAIN_EPOCHS} epochs`);
      training = await appTraining(page);
    }
    await context.close();
  }
  return { runs, training, sizes: bundleSizes() };
}

function printLoad(load: Awaited<ReturnType<typeof partLoad>>): string {
  const m = (f: (r: LoadRun) => number) => median(load.runs.map(f));
  const all = (f: (r: LoadRun) => number) => load.runs.map((r) => fmtInt(f(r))).join(', ');
  const metric = (name: string, f: (r: LoadRun) => number, target = '—') => [name, fmtInt(m(f)), all(f), target];
  const t1 = table(['page load (ms from navigation start)', 'median', 'runs', 'target'], [
    metric('first contentful paint', (r) => r.fcpMs),
    metric('DOMContentLoaded end', (r) => r.domContentLoadedMs),
    metric('Train button enabled (controls rendered)', (r) => r.trainEnabledMs),
    metric('first click handled (processingEnd)', (r) => r.firstInputHandledMs),
    metric('first click input delay', (r) => r.firstInputDelayMs),
    metric('first click event duration', (r) => r.firstInputDurationMs),
    metric('backend ready ("Running on …")', (r) => r.backendReadyMs),
    metric('longest main-thread task until backend ready', (r) => r.loadLongestTaskMs),
  ]);
  const { first, workers, wasm, other } = load.sizes;
  const sum = (xs: FileSize[]) => xs.reduce((a, b) => ({ file: '', raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { file: '', raw: 0, gzip: 0 });
  const line = (label: string, f: FileSize) => [label, f.file, kB(f.raw), kB(f.gzip)];
  const total = sum(first);
  const t2 = table(['what', 'file', 'raw', 'gzip -9'], [
    ...first.map((f) => line('first load', f)),
    ['**first load total**', '', `**${kB(total.raw)}**`, `**${kB(total.gzip)}**`],
    ...workers.map((f) => line('worker chunk (fetched at start by the worker)', f)),
    ...other.map((f) => line('other chunk (lazy)', f)),
    ...wasm.map((f) => line('wasm (fetched only for the wasm backend)', f)),
  ]);
  const requested = [...new Set(load.runs.flatMap((r) => r.requests))].filter((u) => u.startsWith('/')).join(', ');
  const tr = load.training;
  const t3 = tr
    ? table([`one Train run, app defaults but ${APP_TRAIN_EPOCHS} epochs`, 'value', 'target', 'verdict'], [
        ['ran on', tr.backendText.replace('Running on ', ''), '', ''],
        ['epochs finished / wall s (worker s)', `${fmtInt(tr.epochs)} / ${fmt1(tr.wallS)} (${fmt1(tr.workerS)})`, '', tr.finished ? '' : `unfinished: ${tr.statusText}`],
        ['click → first epoch shown (ms)', fmtInt(tr.clickToFirstEpochMs), '', ''],
        ['main thread in long tasks (ms)', `${fmtInt(tr.mainBusyMs)} (${fmt1(tr.mainBusyMs / 10 / tr.wallS)}% of the wall time)`, '', ''],
        ['Worker.onmessage in long frames', describeHandlers(tr.onmessage), '', ''],
        ['longest main-thread task (ms)', fmt1(tr.longestTaskMs), `< ${TARGET_LONG_TASK_MS}`,
          tr.longestTaskMs < TARGET_LONG_TASK_MS ? 'ok' : `MISS by ${fmt1(tr.longestTaskMs - TARGET_LONG_TASK_MS)} ms (${tr.longTasks} long tasks)`],
      ])
    : '';
  const frames = [
    ...load.runs.flatMap((r) => r.loadTopFrames.slice(0, 1)).map((f) => `- load, longest frame: ${describeFrame(f)}`),
    ...(tr?.topFrames ?? []).map((f) => `- training, long frame: ${describeFrame(f)}`),
  ];
  return `### 3. Page load (${load.runs.length} cold loads, fresh browser context each)\n\n${t1}\n\n${t2}\n\nRequested during load: ${requested}\n\n${t3}\n\n${frames.join('\n')}`;
}

// ---------------------------------------------------------------- part 4: many trials at once
async function partTrials(browser: Browser, base: string): Promise<TrialsRun[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'log') console.log(`    ${m.text()}`); });
  await page.goto(`${base}/bench/train-page/index.html`);
  await page.waitForFunction(() => typeof window.trialsBench === 'function');
  const runs: TrialsRun[] = [];
  for (const backend of trialsBackends) {
    say(`many trials on ${backend}: ${TRIALS.trials} trials x ${TRIALS.epochs} epochs, each way`);
    const run = await page.evaluate((o) => window.trialsBench(o), { backend, ...TRIALS });
    if (run.error) say(`  ${backend}: ERROR ${run.error}`);
    runs.push(run);
  }
  await context.close();
  return runs;
}

function printTrials(runs: TrialsRun[]): string {
  const rows: string[][] = [];
  for (const r of runs) {
    const one = r.results.find((x) => x.mode === 'one at a time');
    for (const x of r.results) {
      // Same trials, same seeds: the objectives must agree (bit-identical on cpu; float rounding elsewhere).
      let worst = 0;
      x.values.forEach((v, i) => {
        const w = one?.values[i];
        if (v !== null && w !== null && w !== undefined) worst = Math.max(worst, Math.abs(v - w) / Math.max(Math.abs(w), 1e-3));
        else if ((v === null) !== (w === null || w === undefined)) worst = Infinity;
      });
      rows.push([
        r.backend, x.mode + (x.appDefault ? ' (app default)' : ''), String(x.workers), `${x.units} × ~${x.unitTrials}`,
        fmt1(x.wallMs / 1000), fmt1(x.trialsPerMinute), one ? `${fmt1(one.wallMs / x.wallMs)}×` : '', worst === Infinity ? 'statuses differ' : worst.toExponential(1),
      ]);
    }
  }
  const t = table(['backend', 'mode', 'workers', 'units × trials', 'wall s', 'trials / min', 'vs one at a time', 'max rel. diff of objectives vs one at a time'], rows);
  return `### 4. Many trials at once (${TRIALS.trials} random trials, circle, ${TRIALS.epochs} epochs, learning rate log 0.001..1, units 2..32; through the product's runner)

${t}`;
}

// ---------------------------------------------------------------- main
async function main() {
  if (!flag('skip-build')) build();
  if (!existsSync(join(outDir, 'bench/train-page/index.html'))) throw new Error(`${outDir} has no bench page: run without --skip-build`);
  const port = await freePort();
  const base = await startPreview(port);
  say(`serving ${outDir} at ${base} (vite preview pid ${preview?.pid})`);
  let browser: Browser | null = null;
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version, loadAvgAtStart: loadavg() },
    options: { repeats, parts, backends, sweepBackends, loads, sweep: SWEEP, trials: TRIALS, trialsBackends },
    targets: { trainerOverFit: TARGET_RATIO, longTaskMs: TARGET_LONG_TASK_MS, sweepS: TARGET_SWEEP_S },
  };
  const sections: string[] = []; // in the order measured; written to train.md in part order
  try {
    browser = await chromium.launch({ headless: true, ...(executablePath ? { executablePath } : {}), args: chromiumArgs });
    (report.machine as Record<string, unknown>).chromium = browser.version();
    if (parts.includes('throughput')) {
      const t = await partThroughput(browser, base);
      report.throughput = t;
      report.renderer = t.runs.find((r) => r.renderer)?.renderer;
      sections.push(printThroughput(t.summaries, t.runs));
      console.log(`\n${sections.at(-1)}\n`);
    }
    if (parts.includes('load')) {
      const l = await partLoad(browser, base);
      report.load = l;
      sections.push(printLoad(l));
      console.log(`\n${sections.at(-1)}\n`);
    }
    if (parts.includes('trials')) {
      const tr = await partTrials(browser, base);
      report.trials = tr;
      sections.push(printTrials(tr));
      console.log(`\n${sections.at(-1)}\n`);
    }
    if (parts.includes('sweep')) {
      const sweeps: SweepSummary[] = [];
      const skipped: string[] = [];
      for (const [i, b] of sweepBackends.entries()) {
        // Each later backend keeps a slot of its own (75 s: a cpu sweep's length here), so one slow webgl sweep
        // does not leave none; an unfinished sweep is reported with a projection.
        const reserve = (sweepBackends.length - 1 - i) * 75_000;
        const left = budgetMs - (performance.now() - started) - 10_000;
        const timeoutMs = Math.min(sweepTimeoutMs, left - reserve);
        if (timeoutMs < 45_000) {
          skipped.push(b);
          say(`teaching sweep on ${b}: skipped, ${fmtInt(left / 1000)} s left of the ${fmtInt(budgetMs / 1000)} s budget (--budget S to allow more)`);
          continue;
        }
        say(`teaching sweep on ${b} (limit ${fmtInt(timeoutMs / 1000)} s)`);
        sweeps.push(await partSweep(browser, base, b, timeoutMs));
        const s = sweeps.at(-1)!;
        say(`  ${b}: ${s.trialsDone}/${SWEEP.trials} trials in ${fmt1(s.wallS)} s, longest task ${fmt1(s.longestTaskMs)} ms`);
      }
      report.sweeps = sweeps;
      report.sweepsSkipped = skipped;
      sections.push(printSweeps(sweeps) + (skipped.length ? `\n- skipped for the time budget: ${skipped.join(', ')}` : ''));
      console.log(`\n${sections.at(-1)}\n`);
    }
  } finally {
    await browser?.close().catch(() => undefined);
    stopPreview();
    report.totalS = (performance.now() - started) / 1000;
    (report.machine as Record<string, unknown>).loadAvgAtEnd = loadavg();
    mkdirSync('bench/results', { recursive: true });
    const machine = report.machine as Record<string, unknown>;
    const la = (xs: unknown) => (xs as number[]).map((x) => x.toFixed(1)).join(' / ');
    const busy = Math.max(...(machine.loadAvgAtStart as number[]).slice(0, 1), ...(machine.loadAvgAtEnd as number[]).slice(0, 1)) > cpus().length;
    const header = [
      `## bench:train ${String(report.date)} — Chromium ${String(machine.chromium ?? '?')}, ${cpus().length} cores, WebGL renderer: ${String(report.renderer ?? 'n/a')}`,
      `Load average (1/5/15 min): ${la(machine.loadAvgAtStart)} at start, ${la(machine.loadAvgAtEnd)} at end.` +
        (busy ? ` **The machine was busy (load above its ${cpus().length} cores): every time here is inflated by other work, long tasks included.**` : ''),
    ].join('\n');
    report.summary = header;
    writeFileSync('bench/results/train.json', `${JSON.stringify(report, null, 2)}\n`);
    if (sections.length > 0) writeFileSync('bench/results/train.md', `${header}\n\n${[...sections].sort().join('\n\n')}\n`);
    console.log(`\n${header}\n`);
  }
  say(`done in ${elapsed()}; wrote bench/results/train.json and bench/results/train.md`);
}

main().catch((e: unknown) => {
  console.error(e);
  stopPreview();
  process.exit(1);
});
