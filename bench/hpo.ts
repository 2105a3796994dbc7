/**
 * npm run bench:hpo — sample efficiency of grid, random, gp and tpe on Branin and Hartmann-6.
 * Prints a table (median and quartiles of simple regret at budgets 30/50/100, median evaluations to
 * regret < 1e-2 and < 1e-3, median time per ask at n = 100) and writes raw results as JSON.
 * Where Debian's python3-optuna is installed, Optuna's TPE and random samplers run on the same functions
 * and seeds (bench/optuna_hpo.py) and join the table. Never part of npm test.
 * Options: --seeds N (default 20), --budget N (default 100), --only gp,tpe, --functions branin,hartmann6,
 * --no-optuna (skip the side-by-side)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createStudy, type SamplerName } from '../src/core';
import { branin, hartmann6, type TestFunction } from './functions';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
};
const seeds = Number(arg('seeds', '20'));
const maxBudget = Number(arg('budget', '100'));
const budgets = [30, 50, 100].filter((b) => b <= maxBudget);
const methods = arg('only', 'grid,random,gp,tpe').split(',') as SamplerName[];
const fnNames = arg('functions', 'branin,hartmann6').split(',');
const noOptuna = process.argv.includes('--no-optuna');
const functions = [branin, hartmann6].filter((f) => fnNames.includes(f.name === 'Branin' ? 'branin' : 'hartmann6'));

interface Run {
  fn: string;
  method: string;
  seed: number;
  values: number[];
  askMs: number[];
}

function runOne(fn: TestFunction, method: SamplerName, seed: number): Run {
  // Grid: the smallest grid with at least the budget's points, walked in order (a fixed budget cuts it short).
  const dims = Object.keys(fn.space).length;
  const points = Math.max(2, Math.ceil(maxBudget ** (1 / dims)));
  const study = createStudy({
    space: fn.space,
    sampler: method,
    direction: 'minimize',
    seed,
    ...(method === 'grid' ? { samplerOptions: { pointsPerAxis: points } } : {}),
  });
  const values: number[] = [], askMs: number[] = [];
  for (let i = 0; i < maxBudget; i++) {
    const t0 = performance.now();
    const trial = study.ask();
    askMs.push(performance.now() - t0);
    if (!trial) break;
    const v = fn.f(trial.params as Record<string, number>);
    study.tell(trial.id, v);
    values.push(v);
  }
  return { fn: fn.name, method, seed, values, askMs };
}

const quantile = (xs: number[], q: number): number => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q, lo = Math.floor(pos), hi = Math.ceil(pos);
  return lo === hi || s[hi] === s[lo] ? s[lo] : s[lo] + (s[hi] - s[lo]) * (pos - lo);
};
const regretAt = (r: Run, optimum: number, n: number) => Math.min(...r.values.slice(0, n)) - optimum;
const evalsTo = (r: Run, optimum: number, tol: number) => {
  let best = Infinity;
  for (let i = 0; i < r.values.length; i++) {
    best = Math.min(best, r.values[i]);
    if (best - optimum < tol) return i + 1;
  }
  return Infinity;
};
const fmt = (v: number) => (!Number.isFinite(v) ? (v > 0 ? `>${maxBudget}` : 'n/a') : v === 0 ? '0' : Math.abs(v) < 1e-3 || Math.abs(v) >= 1e4 ? v.toExponential(1) : v.toPrecision(3));

const runs: Run[] = [];
for (const fn of functions) {
  for (const method of methods) {
    const t0 = performance.now();
    for (let seed = 1; seed <= seeds; seed++) runs.push(runOne(fn, method, seed));
    process.stderr.write(`${fn.name} ${method}: ${seeds} seeds in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  }
}

// Optuna side-by-side, where Debian's python3-optuna is installed (a pyenv or venv python3 first on
// PATH may not see Debian's packages, so /usr/bin/python3 is tried too).
let optunaVersion: string | null = null;
let python: string | null = null;
for (const candidate of noOptuna ? [] : ['python3', '/usr/bin/python3']) {
  const py = spawnSync(candidate, ['-c', 'import optuna; print(optuna.__version__)'], { encoding: 'utf8' });
  if (py.status === 0) {
    optunaVersion = py.stdout.trim();
    python = candidate;
    break;
  }
}
if (python) {
  const t0 = performance.now();
  const out = spawnSync(python, ['bench/optuna_hpo.py', String(seeds), String(maxBudget), fnNames.join(',')], { encoding: 'utf8', maxBuffer: 64 << 20 });
  process.stderr.write(`optuna (${optunaVersion}): ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  if (out.status === 0) {
    for (const r of JSON.parse(out.stdout) as Run[]) runs.push(r);
  } else {
    process.stderr.write(`optuna run failed: ${out.stderr.slice(-2000)}\n`);
  }
} else if (!noOptuna) {
  process.stderr.write('python3-optuna not found: skipping the Optuna side-by-side (apt-get install python3-optuna)\n');
}

const header = ['function', 'method', ...budgets.map((b) => `regret@${b} median [q25, q75]`), 'evals to <1e-2', 'evals to <1e-3', `ms/ask @n=${maxBudget}`];
const rows: string[][] = [];
const summary: Record<string, unknown>[] = [];
for (const fn of functions) {
  for (const method of new Set(runs.filter((r) => r.fn === fn.name).map((r) => r.method))) {
    const rs = runs.filter((r) => r.fn === fn.name && r.method === method);
    const reg = budgets.map((b) => rs.map((r) => regretAt(r, fn.optimum, b)));
    const e2 = quantile(rs.map((r) => evalsTo(r, fn.optimum, 1e-2)), 0.5);
    const e3 = quantile(rs.map((r) => evalsTo(r, fn.optimum, 1e-3)), 0.5);
    const lastAsk = rs.map((r) => r.askMs.at(-1) ?? NaN);
    const askMedian = quantile(lastAsk, 0.5);
    rows.push([
      fn.name, method,
      ...reg.map((x) => `${fmt(quantile(x, 0.5))} [${fmt(quantile(x, 0.25))}, ${fmt(quantile(x, 0.75))}]`),
      fmt(e2), fmt(e3), method.startsWith('optuna') ? '–' : askMedian.toFixed(1),
    ]);
    summary.push({
      function: fn.name, method,
      regret: Object.fromEntries(budgets.map((b, i) => [b, { median: quantile(reg[i], 0.5), q25: quantile(reg[i], 0.25), q75: quantile(reg[i], 0.75) }])),
      evalsTo1e2: e2, evalsTo1e3: e3, msPerAskAtN: askMedian,
    });
  }
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(`\nHPO benchmark: ${seeds} seeds, budget ${maxBudget}, Node ${process.version}${optunaVersion ? `, Optuna ${optunaVersion}` : ''}\n`);
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/hpo.json', JSON.stringify({ seeds, budget: maxBudget, node: process.version, optuna: optunaVersion, summary, runs }, null, 1));
console.log('\nRaw results: bench/results/hpo.json');
