import { describe, expect, test } from 'vitest';
import { makeLanes, nextLane } from './schedule';
import { bands, quantile, trialsToTarget } from './bands';
import { runCompare, type CompareTrial } from './runner';
import { summarize } from './summary';
import { findSynthetic, syntheticObjectives } from './synthetic';

describe('fair scheduler', () => {
  test('lanes take turns: finished counts never differ by more than one', () => {
    const lanes = makeLanes(['grid', 'random', 'gp'], 2);
    expect(lanes.map((l) => `${l.method}${l.repeat}`)).toEqual(['grid0', 'random0', 'gp0', 'grid1', 'random1', 'gp1']);
    const done = lanes.map(() => 0), finished = lanes.map(() => false);
    const order: number[] = [];
    for (let i = nextLane(done, finished, 3); i !== null; i = nextLane(done, finished, 3)) {
      order.push(i);
      done[i]++;
      expect(Math.max(...done) - Math.min(...done)).toBeLessThanOrEqual(1);
    }
    expect(order).toHaveLength(18);
    expect(order.slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('a finished lane (grid used up) is skipped, the rest go on', () => {
    expect(nextLane([2, 1, 1], [false, true, false], 5)).toBe(2);
    expect(nextLane([5, 5], [false, false], 5)).toBeNull();
  });
});

describe('band statistics', () => {
  test('median and interquartile range per trial, against hand-computed values', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75);
    const b = bands([[5, 3, 1], [4, 4, 2], [undefined, 6, 3], [9, 2, 0]]);
    expect(b[0]).toEqual({ trial: 1, median: 5, low: 4.5, high: 7, count: 3 });
    expect(b[1]).toEqual({ trial: 2, median: 3.5, low: 2.75, high: 4.5, count: 4 });
    expect(b[2].median).toBe(1.5);
  });

  test('NaN and infinities never enter a band; empty trials are left out', () => {
    const b = bands([[undefined, NaN, 1], [undefined, Infinity, 2]]);
    expect(b).toEqual([{ trial: 3, median: 1.5, low: 1.25, high: 1.75, count: 2 }]);
  });

  test('trials to target, both directions', () => {
    expect(trialsToTarget([5, 3, 3, 1], 3, 'minimize')).toBe(2);
    expect(trialsToTarget([0.5, 0.7, 0.9], 0.8, 'maximize')).toBe(3);
    expect(trialsToTarget([5, 4], 1, 'minimize')).toBeNull();
  });
});

describe('runCompare on a synthetic objective', () => {
  const branin = findSynthetic('branin')!;
  const run = async (methods: ('grid' | 'random' | 'gp' | 'tpe')[], repeats: number, budget: number) => {
    const trials: CompareTrial[] = [];
    let maxGap = 0;
    const end = await runCompare(
      { methods, repeats, budget, space: branin.space, direction: 'minimize', seed: 1, gridPointsPerAxis: 5 },
      async (p) => ({ status: 'complete', value: branin.f(p) }),
      (t) => {
        trials.push(t);
        const counts = methods.flatMap((m) => Array.from({ length: repeats }, (_, r) => trials.filter((x) => x.method === m && x.repeat === r).length));
        maxGap = Math.max(maxGap, Math.max(...counts) - Math.min(...counts));
      },
    );
    return { end, trials, maxGap };
  };

  test('every lane gets its budget, fairly, and results are reproducible', async () => {
    const a = await run(['random', 'tpe'], 3, 12);
    expect(a.end.status).toBe('complete');
    expect(a.trials).toHaveLength(2 * 3 * 12);
    expect(a.maxGap).toBeLessThanOrEqual(1);
    const b = await run(['random', 'tpe'], 3, 12);
    expect(b.trials.map((t) => t.value)).toEqual(a.trials.map((t) => t.value));
    // Repeats differ from each other.
    expect(a.trials.filter((t) => t.method === 'random' && t.repeat === 0)[0].value).not.toBe(a.trials.filter((t) => t.method === 'random' && t.repeat === 1)[0].value);
  });

  test('a grid smaller than the budget ends its lane with a message; the summary ranks methods', async () => {
    const r = await run(['grid', 'gp', 'random'], 2, 30);
    expect(r.end.exhausted.map((e) => e.lane)).toEqual([0, 3]);
    expect(r.trials.filter((t) => t.method === 'grid')).toHaveLength(2 * 25);
    const s = summarize(r.trials, ['grid', 'gp', 'random'], 'minimize', 1);
    expect(s.map((x) => x.trials)).toEqual([50, 60, 60]);
    const gp = s[1], random = s[2];
    expect(gp.bestMedian).toBeLessThan(random.bestMedian);
    expect(gp.bestMedian - branin.optimum).toBeLessThan(0.1);
    expect(gp.band).toHaveLength(30);
    expect(gp.band.every((p) => p.low <= p.median && p.median <= p.high)).toBe(true);
    expect(gp.trialsToTargetMedian).not.toBeNull();
  }, 30_000);

  test('the synthetic objectives have their stated optima', () => {
    const forrester = findSynthetic('forrester')!;
    expect(forrester.f({ x: 0.75724876 })).toBeCloseTo(forrester.optimum, 6);
    expect(branin.f({ x1: Math.PI, x2: 2.275 })).toBeCloseTo(branin.optimum, 6);
    for (const o of syntheticObjectives) {
      // No grid point of 201 beats the stated optimum (1-D) / a coarse scan (2-D).
      const names = Object.keys(o.space);
      let min = Infinity;
      if (names.length === 1) for (let i = 0; i <= 200; i++) min = Math.min(min, o.f({ x: i / 200 }));
      else for (let i = 0; i <= 100; i++) for (let j = 0; j <= 100; j++) min = Math.min(min, o.f({ x1: -5 + 0.15 * i, x2: 0.15 * j }));
      expect(min).toBeGreaterThanOrEqual(o.optimum - 1e-9);
    }
  });
});
