/**
 * Gaussian-process Bayesian optimization: a space-filling start (scrambled Sobol), then each ask
 * fits a Matern 5/2 ARD GP to the trials so far (MAP hyperparameters) and proposes the maximizer of
 * log expected improvement. The model (gp.ts, fit.ts), the acquisition (acquisition.ts) and its
 * optimizer (optimize.ts) are kept apart, as in BoTorch.
 *
 * GP inputs: one coordinate per parameter; floats and ints as unit coordinates (log params in log
 * space, ints at the centre of their bin), categoricals as a choice index compared by equality
 * (Hamming distance), never as an ordered number.
 * GP outputs: losses (a maximized objective is negated), standardized; the model's constant mean is
 * fitted (fit.ts), not fixed at their average.
 * Trials that diverged, failed or were pruned count as the worst complete value seen, so the search
 * moves away from them; running trials count as the best value seen (a "constant liar"), so
 * parallel asks spread out.
 */
import { createRng, type Rng } from '../../rng';
import {
  choiceIndex,
  discreteSize,
  intCount,
  paramFromUnit,
  paramToUnit,
  paramsKey,
  type Params,
  type ParamSpec,
  type SearchSpace,
} from '../../space';
import type { Trial } from '../../study';
import { completed, sampleUniform, takenKeys, toLoss } from '../common';
import type { Proposal, Sampler, SamplerContext } from '../types';
import { createLogEI } from './acquisition';
import { fitHyperparameters } from './fit';
import { computePosterior, type GpData, type GpHyperparameters } from './gp';
import { maximizeAcquisition, type SearchDim } from './optimize';
import { createSobol } from './sobol';

export interface GpOptions {
  /** Space-filling trials before the model takes over. Default min(10, max(4, params + 1)). */
  nStartup?: number;
  /** Quasi-random candidates scored per ask. Default 2048. */
  candidates?: number;
  /** Candidates polished by local search. Default 5. */
  localStarts?: number;
}

/** Above this many rows, fits are warm-started with a looser stop, and a first fit starts from a subset. */
const SUBSET = 40;

/**
 * d + 1 Sobol points (at least 4, at most 10): on Hartmann-6, 7 startup points found the global
 * basin in 26 of 40 seeds by 50 trials, 10 in 23, 14 in 20; the model explores better than a design.
 */
export function defaultStartup(params: number): number {
  return Math.min(10, Math.max(4, params + 1));
}

/** Where a parameter value sits on its GP axis. */
function coordinate(spec: ParamSpec, value: Params[string]): number {
  return spec.type === 'categorical' ? choiceIndex(spec, value) : paramToUnit(spec, value);
}

function valueAt(spec: ParamSpec, x: number): Params[string] {
  return spec.type === 'categorical' ? spec.choices[Math.round(x)] : paramFromUnit(spec, x);
}

function searchDim(spec: ParamSpec): SearchDim {
  if (spec.type === 'float') return { kind: 'continuous' };
  if (spec.type === 'categorical') return { kind: 'categorical', levels: spec.choices.length };
  const n = intCount(spec);
  const seen = new Set<number>();
  const values: number[] = [];
  for (let i = 0; i < n; i++) {
    const u = paramToUnit(spec, spec.low + i * (spec.step ?? 1));
    if (!seen.has(u)) {
      seen.add(u);
      values.push(u);
    }
  }
  return { kind: 'discrete', values: Float64Array.from(values.sort((a, b) => a - b)) };
}

/** Seams for tests: the pieces a sampler run depends on. */
export interface GpDependencies {
  fit: typeof fitHyperparameters;
}

export function createGpSampler(
  space: SearchSpace,
  options: GpOptions = {},
  seed = 0,
  deps: GpDependencies = { fit: fitHyperparameters },
): Sampler {
  const names = Object.keys(space);
  const specs = names.map((n) => space[n]);
  const P = names.length;
  const nStartup = options.nStartup ?? defaultStartup(P);
  const size = discreteSize(space);
  const design = createSobol(P, createRng((seed ^ 0x6a09e667) | 0));
  const categorical = Uint8Array.from(specs, (s) => (s.type === 'categorical' ? 1 : 0));
  const dims = specs.map(searchDim);
  let lastHyper: GpHyperparameters | undefined;

  const toX = (params: Params, out: Float64Array, offset: number): void => {
    for (let d = 0; d < P; d++) out[offset + d] = coordinate(specs[d], params[names[d]]);
  };
  const toParams = (x: ArrayLike<number>): Params => {
    const p: Params = {};
    for (let d = 0; d < P; d++) p[names[d]] = valueAt(specs[d], x[d]);
    return p;
  };

  const spaceFilling = (index: number, taken: Set<string> | null, rng: Rng, note?: string): Proposal => {
    const u = new Float64Array(P);
    for (let i = index; i < index + 10_000; i++) {
      design.point(i, u);
      const p: Params = {};
      for (let d = 0; d < P; d++) p[names[d]] = paramFromUnit(specs[d], u[d]);
      if (!taken || !taken.has(paramsKey(space, p))) return note ? { params: p, note } : { params: p };
    }
    const params = sampleUniform(space, rng);
    return note ? { params, note } : { params };
  };

  const propose = (ctx: SamplerContext): Proposal => {
    const discrete = Number.isFinite(size);
    const taken = discrete ? takenKeys(ctx) : null;
    if (taken && taken.size >= size) return { exhausted: `All ${size} combinations of the search space have been tried` };
    const count = ctx.finished.length + ctx.pending.length;
    const done = completed(ctx.finished);
    if (count < nStartup) return spaceFilling(count, taken, ctx.rng);
    if (done.length < 2) return spaceFilling(count, taken, ctx.rng, `only ${done.length} trial(s) completed so far; still filling the space`);
    try {
      return modelProposal(ctx, done, taken);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return { params: sampleUniform(space, ctx.rng), note: `GP step failed (${reason}); sampled at random instead` };
    }
  };

  const modelProposal = (ctx: SamplerContext, done: Trial[], taken: Set<string> | null): Proposal => {
    const stopped = ctx.finished.filter((t) => t.state !== 'complete');
    const losses = done.map((t) => toLoss(t.value as number, ctx.direction));
    const worst = Math.max(...losses);
    const bestLoss = Math.min(...losses);
    const n = done.length + stopped.length + ctx.pending.length;
    const x = new Float64Array(n * P);
    const raw = new Float64Array(n);
    let row = 0;
    for (let i = 0; i < done.length; i++, row++) {
      toX(done[i].params, x, row * P);
      raw[row] = losses[i];
    }
    for (const t of stopped) {
      toX(t.params, x, row * P);
      // A pruned trial's last value may be worse still; never better than the worst complete one.
      raw[row++] = typeof t.value === 'number' ? Math.max(worst, toLoss(t.value, ctx.direction)) : worst;
    }
    for (const p of ctx.pending) {
      toX(p, x, row * P);
      raw[row++] = bestLoss;
    }
    // Standardize on the observed (and imputed) rows; a constant objective keeps unit scale.
    const m = done.length + stopped.length;
    let mean = 0;
    for (let i = 0; i < m; i++) mean += raw[i];
    mean /= m;
    let sd = 0;
    for (let i = 0; i < m; i++) sd += (raw[i] - mean) ** 2;
    sd = Math.sqrt(sd / m);
    if (!Number.isFinite(mean) || !Number.isFinite(sd)) throw new Error('the objective values are too large to model');
    if (!(sd > 1e-12 * Math.max(1, Math.abs(mean)))) {
      // Every result so far is the same: a model has nothing to say about where to look next.
      return spaceFilling(ctx.finished.length + ctx.pending.length, taken, ctx.rng, 'every result so far is the same; filling the space');
    }
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) y[i] = (raw[i] - mean) / sd;
    const data: GpData = { x, y, n, dims: P, categorical };

    const rng = ctx.rng;
    if (lastHyper === undefined && n > SUBSET) {
      // A first fit on many trials (a restored study): fit an evenly spread subset from scratch, about
      // (SUBSET / n)^3 of the cost, and start the full fit there, as if warm.
      const rows = Array.from({ length: SUBSET }, (_, i) => Math.floor((i * n) / SUBSET));
      const sx = new Float64Array(SUBSET * P), sy = new Float64Array(SUBSET);
      rows.forEach((r, i) => {
        sx.set(x.subarray(r * P, (r + 1) * P), i * P);
        sy[i] = y[r];
      });
      lastHyper = deps.fit({ x: sx, y: sy, n: SUBSET, dims: P, categorical }, { rng }).hyper;
    }
    const large = n > SUBSET && lastHyper !== undefined;
    const fit = deps.fit(data, {
      warmStart: lastHyper,
      rng,
      randomStarts: large ? 1 : 2,
      localStarts: large ? 1 : 2,
      // From a warm start the optimum moves little per trial: a looser stop saves most of the fit.
      ...(large ? { maxIterations: 30, relativeTolerance: 1e-5 } : {}),
    });
    lastHyper = fit.hyper;
    const posterior = computePosterior(data, fit.hyper);
    const incumbent = (bestLoss - mean) / sd;
    const acq = createLogEI(posterior, incumbent);

    const result = maximizeAcquisition(
      {
        dims,
        value: acq.value,
        values: acq.values,
        valueAndGradient: acq.valueAndGradient,
        seeds: perturbations(done, losses, toX, dims, rng),
        excluded: taken ? (pt) => taken.has(paramsKey(space, toParams(pt))) : undefined,
      },
      rng,
      { candidates: options.candidates, localStarts: options.localStarts },
    );
    if (!result) return { exhausted: `All ${size} combinations of the search space have been tried` };
    const params = toParams(result.x);
    const key = paramsKey(space, params);
    if (ctx.finished.some((t) => paramsKey(space, t.params) === key) || ctx.pending.some((p) => paramsKey(space, p) === key)) {
      // Flat acquisition (nothing left to learn nearby): a repeat would waste a trial.
      return spaceFilling(n, taken, ctx.rng, 'the model proposed a point already tried; filling the space instead');
    }
    if (stopped.length === 0) return { params };
    const counts = new Map<string, number>();
    for (const t of stopped) counts.set(t.state, (counts.get(t.state) ?? 0) + 1);
    const which = [...counts].map(([state, k]) => `${k} ${state}`).join(', ');
    const shown = ctx.direction === 'maximize' ? -worst : worst;
    return { params, note: `model counts ${which} trial(s) as the worst value seen (${shown.toPrecision(4)})` };
  };

  return { propose };
}

/** Gaussian nudges of the best trials, at a few scales, as extra starting points for the optimizer. */
function perturbations(
  done: readonly Trial[],
  losses: readonly number[],
  toX: (p: Params, out: Float64Array, offset: number) => void,
  dims: readonly SearchDim[],
  rng: Rng,
): Float64Array[] {
  const P = dims.length;
  const order = losses.map((l, i) => [l, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const seeds: Float64Array[] = [];
  for (const [, i] of order.slice(0, 5)) {
    const base = new Float64Array(P);
    toX(done[i].params, base, 0);
    for (const scale of [0.01, 0.05, 0.15]) {
      for (let k = 0; k < 6; k++) {
        const s = Float64Array.from(base);
        for (let d = 0; d < P; d++) {
          const dim = dims[d];
          // Choices have no neighbours: now and then switch to another one instead of nudging.
          if (dim.kind === 'categorical') {
            if (rng.next() < 1 / P) s[d] = rng.int(0, dim.levels - 1);
          } else {
            s[d] += scale * rng.normal();
          }
        }
        seeds.push(s);
      }
    }
  }
  return seeds;
}
