/**
 * Parameter importance by the correlation ratio (η², "eta squared") of a one-way ANOVA: the share of the
 * objective's variance explained by each parameter alone, with numeric parameters cut into quantile bins
 * (log space for log parameters) and categorical ones grouped by choice. Cheap, model-free, and exact for
 * additive objectives; interactions are not credited to either parameter. Pure.
 */
import type { Params, SearchSpace } from '../space';

export interface Importance {
  name: string;
  /** η² in [0, 1]. */
  eta2: number;
  /** η² normalised to sum to 1 over the parameters (0 when none explains anything). */
  share: number;
}

export const IMPORTANCE_METHOD = 'correlation ratio (η²) of a one-way ANOVA over quantile bins';

function groupsOf(values: readonly (number | string | boolean)[], log: boolean, categorical: boolean, bins: number): number[] {
  if (categorical) {
    const keys = [...new Set(values.map(String))];
    return values.map((v) => keys.indexOf(String(v)));
  }
  const xs = values.map((v) => (log ? Math.log(Number(v)) : Number(v)));
  const sorted = [...xs].sort((a, b) => a - b);
  const k = Math.max(1, Math.min(bins, new Set(sorted).size));
  // Equal-count bins; equal values always share a bin.
  const edges = Array.from({ length: k - 1 }, (_, i) => sorted[Math.floor(((i + 1) * sorted.length) / k)]);
  return xs.map((x) => edges.filter((e) => x >= e).length);
}

export function importance(space: SearchSpace, trials: readonly { params: Params; value: number }[], bins?: number): Importance[] {
  const ok = trials.filter((t) => Number.isFinite(t.value));
  const n = ok.length;
  const names = Object.keys(space);
  if (n < 3) return names.map((name) => ({ name, eta2: 0, share: 0 }));
  const y = ok.map((t) => t.value);
  const mean = y.reduce((a, b) => a + b, 0) / n;
  const total = y.reduce((a, b) => a + (b - mean) ** 2, 0);
  const nb = bins ?? Math.max(2, Math.min(10, Math.round(Math.sqrt(n))));
  const eta = names.map((name) => {
    const spec = space[name];
    if (total === 0) return 0;
    const g = groupsOf(ok.map((t) => t.params[name]), spec.type !== 'categorical' && spec.log === true, spec.type === 'categorical', nb);
    const sums = new Map<number, { s: number; c: number }>();
    g.forEach((k, i) => {
      const e = sums.get(k) ?? { s: 0, c: 0 };
      e.s += y[i];
      e.c += 1;
      sums.set(k, e);
    });
    let between = 0;
    for (const { s, c } of sums.values()) between += c * (s / c - mean) ** 2;
    return Math.max(0, Math.min(1, between / total));
  });
  const sum = eta.reduce((a, b) => a + b, 0);
  return names.map((name, i) => ({ name, eta2: eta[i], share: sum > 0 ? eta[i] / sum : 0 })).sort((a, b) => b.eta2 - a.eta2);
}
