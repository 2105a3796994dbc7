import { expect, test } from 'vitest';
import { createRng } from '../../rng';
import { createStudy, type Trial } from '../../study';
import type { SearchSpace } from '../../space';

// Timing is machine-dependent: the bound here only catches gross regressions (the goal is < 200 ms).
test('an ask at 100 trials in 6 dims stays well under a second', () => {
  const space: SearchSpace = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`x${i}`, { type: 'float', low: 0, high: 1 }]));
  const f = (p: Record<string, unknown>): number =>
    Object.values(p).reduce((s: number, v, i) => s + (i + 1) * ((v as number) - 0.3) ** 2 + 0.3 * Math.sin(7 * (v as number)), 0);
  const rng = createRng(1);
  const trials: Trial[] = Array.from({ length: 100 }, (_, id) => {
    const params = Object.fromEntries(Object.keys(space).map((k) => [k, rng.next()]));
    return { id, params, state: 'complete', value: f(params) };
  });
  const study = createStudy({ space, sampler: 'gp', direction: 'minimize', seed: 1, trials });
  const times: number[] = [];
  for (let k = 0; k < 4; k++) {
    const t0 = performance.now();
    const t = study.ask()!;
    times.push(performance.now() - t0);
    expect(t.note).toBeUndefined();
    study.tell(t.id, f(t.params));
  }
  // the first ask fits from scratch; later ones warm-start from the previous fit
  const warm = times.slice(1).sort((a, b) => a - b)[1];
  console.log(`GP ask at n=100, d=6: first ${times[0].toFixed(0)} ms, warm median ${warm.toFixed(0)} ms`);
  expect(warm).toBeLessThan(800);
});
