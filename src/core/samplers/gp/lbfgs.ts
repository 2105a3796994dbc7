/**
 * Limited-memory BFGS with simple bound handling (projected steps, active bounds frozen) and a
 * backtracking Armijo line search. Small and allocation-free per iteration; good enough for the
 * handful of kernel hyperparameters and for polishing acquisition maxima in the unit cube.
 */

/** f(x), writing the gradient into `grad`. May return a non-finite value for an infeasible x. */
export type ValueAndGradient = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
  maxIterations?: number;
  /** Pairs of correction vectors kept. */
  memory?: number;
  /** Stop when the largest projected gradient entry is below this. */
  gradientTolerance?: number;
  /** Stop when an iteration improves f by less than this, relative to max(1, |f|). */
  relativeTolerance?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  f: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
}

export function minimizeLbfgs(fg: ValueAndGradient, x0: ArrayLike<number>, options: LbfgsOptions = {}): LbfgsResult {
  const n = x0.length;
  const lo = options.lower, hi = options.upper;
  const maxIter = options.maxIterations ?? 100;
  const m = options.memory ?? 8;
  const gtol = options.gradientTolerance ?? 1e-6;
  const rtol = options.relativeTolerance ?? 1e-10;

  const clip = (v: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      if (lo && v[i] < lo[i]) v[i] = lo[i];
      if (hi && v[i] > hi[i]) v[i] = hi[i];
    }
  };
  const x = Float64Array.from(x0);
  clip(x);
  const g = new Float64Array(n), pg = new Float64Array(n), d = new Float64Array(n);
  const xNew = new Float64Array(n), gNew = new Float64Array(n);
  const S = Array.from({ length: m }, () => new Float64Array(n));
  const Y = Array.from({ length: m }, () => new Float64Array(n));
  const rho = new Float64Array(m), alphaBuf = new Float64Array(m);
  let stored = 0, head = 0; // ring buffer of corrections

  let evaluations = 1;
  let f = fg(x, g);
  if (!Number.isFinite(f)) return { x, f, iterations: 0, evaluations, converged: false };

  const atLower = (i: number): boolean => lo !== undefined && x[i] <= lo[i];
  const atUpper = (i: number): boolean => hi !== undefined && x[i] >= hi[i];

  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    // Projected gradient: a bound that the gradient pushes against is inactive for this step.
    let pgMax = 0;
    for (let i = 0; i < n; i++) {
      const blocked = (atLower(i) && g[i] > 0) || (atUpper(i) && g[i] < 0);
      pg[i] = blocked ? 0 : g[i];
      pgMax = Math.max(pgMax, Math.abs(pg[i]));
    }
    if (pgMax < gtol) {
      converged = true;
      break;
    }
    iterations++;

    // Two-loop recursion: d = -H pg.
    for (let i = 0; i < n; i++) d[i] = -pg[i];
    for (let k = 0; k < stored; k++) {
      const j = (head - 1 - k + m) % m;
      let a = 0;
      for (let i = 0; i < n; i++) a += S[j][i] * d[i];
      a *= rho[j];
      alphaBuf[j] = a;
      for (let i = 0; i < n; i++) d[i] -= a * Y[j][i];
    }
    if (stored > 0) {
      const j = (head - 1 + m) % m;
      let sy = 0, yy = 0;
      for (let i = 0; i < n; i++) {
        sy += S[j][i] * Y[j][i];
        yy += Y[j][i] * Y[j][i];
      }
      const gamma = sy / yy;
      for (let i = 0; i < n; i++) d[i] *= gamma;
    }
    for (let k = stored - 1; k >= 0; k--) {
      const j = (head - 1 - k + m) % m;
      let b = 0;
      for (let i = 0; i < n; i++) b += Y[j][i] * d[i];
      b *= rho[j];
      for (let i = 0; i < n; i++) d[i] += (alphaBuf[j] - b) * S[j][i];
    }
    let slope = 0;
    for (let i = 0; i < n; i++) {
      if ((atLower(i) && d[i] < 0) || (atUpper(i) && d[i] > 0)) d[i] = 0;
      slope += d[i] * pg[i];
    }
    if (!(slope < 0)) {
      // Not a descent direction (curvature information went stale): restart from steepest descent.
      stored = 0;
      slope = 0;
      for (let i = 0; i < n; i++) {
        d[i] = -pg[i];
        slope -= pg[i] * pg[i];
      }
    }

    // Backtracking line search along the projected path.
    let t = stored === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    let fNew = Infinity;
    let accepted = false;
    for (let ls = 0; ls < 40; ls++) {
      let dec = 0;
      for (let i = 0; i < n; i++) xNew[i] = x[i] + t * d[i];
      clip(xNew);
      for (let i = 0; i < n; i++) dec += g[i] * (xNew[i] - x[i]);
      evaluations++;
      fNew = fg(xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= f + 1e-4 * dec) {
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      if (stored === 0) break; // even steepest descent cannot improve: as good as it gets
      stored = 0;
      continue;
    }

    // Store the correction pair when the curvature condition holds.
    const j = head;
    let sy = 0;
    for (let i = 0; i < n; i++) {
      S[j][i] = xNew[i] - x[i];
      Y[j][i] = gNew[i] - g[i];
      sy += S[j][i] * Y[j][i];
    }
    if (sy > 1e-12) {
      rho[j] = 1 / sy;
      head = (head + 1) % m;
      stored = Math.min(stored + 1, m);
    }
    const improvement = f - fNew;
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    if (improvement <= rtol * Math.max(1, Math.abs(f))) {
      converged = true;
      break;
    }
  }
  return { x, f, iterations, evaluations, converged };
}
