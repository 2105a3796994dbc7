import { describe, expect, test } from 'vitest';
import { createStudy } from '../study';

const space = {
  learningRate: { type: 'float', low: 1e-5, high: 1e-1, log: true },
  dropout: { type: 'float', low: 0.1, high: 0.6 },
  batchSize: { type: 'int', low: 8, high: 128, step: 8 },
  unitsPerLayer: { type: 'int', low: 1, high: 1024, log: true },
  activation: { type: 'categorical', choices: ['relu', 'tanh', 'sigmoid', 'elu'] },
} as const;

function draw(n: number, seed = 5) {
  const study = createStudy({ space, sampler: 'random', direction: 'minimize', seed });
  return Array.from({ length: n }, () => study.ask()!.params);
}

describe('random sampler', () => {
  const n = 4000;
  const samples = draw(n);

  test('every sample lies within bounds', () => {
    for (const p of samples) {
      const lr = p.learningRate as number, d = p.dropout as number;
      expect(lr >= 1e-5 && lr <= 1e-1).toBe(true);
      expect(d >= 0.1 && d <= 0.6).toBe(true);
    }
  });

  test('log ranges are sampled log-uniformly', () => {
    const lrs = samples.map((p) => p.learningRate as number);
    const geoMid = Math.sqrt(1e-5 * 1e-1); // 1e-3
    const below = lrs.filter((v) => v < geoMid).length / n;
    expect(Math.abs(below - 0.5)).toBeLessThan(0.03);
    const meanLog = lrs.reduce((s, v) => s + Math.log10(v), 0) / n;
    expect(Math.abs(meanLog - -3)).toBeLessThan(0.06);
    // A uniform draw on [1e-5, 0.1] would put almost nothing below 1e-3: the histogram per decade is flat.
    const decades = [0, 0, 0, 0];
    for (const v of lrs) decades[Math.min(3, Math.floor(Math.log10(v) + 5))]++;
    for (const c of decades) expect(Math.abs(c / n - 0.25)).toBeLessThan(0.03);
  });

  test('ints are integers on the step grid, uniformly', () => {
    const counts = new Map<number, number>();
    for (const p of samples) {
      const b = p.batchSize as number;
      expect(Number.isInteger(b)).toBe(true);
      expect(b % 8).toBe(0);
      expect(b >= 8 && b <= 128).toBe(true);
      counts.set(b, (counts.get(b) ?? 0) + 1);
      const u = p.unitsPerLayer as number;
      expect(Number.isInteger(u) && u >= 1 && u <= 1024).toBe(true);
    }
    expect(counts.size).toBe(16);
    for (const c of counts.values()) expect(Math.abs(c / n - 1 / 16)).toBeLessThan(0.02);
    expect(counts.has(8) && counts.has(128)).toBe(true);
  });

  test('log ints are log-uniform too (each integer owns [v - 1/2, v + 1/2] of the log axis)', () => {
    const below = samples.filter((p) => (p.unitsPerLayer as number) <= 32).length / n;
    const expected = Math.log(32.5 / 0.5) / Math.log(1024.5 / 0.5);
    expect(Math.abs(below - expected)).toBeLessThan(0.025);
    const ones = samples.filter((p) => p.unitsPerLayer === 1).length / n;
    expect(Math.abs(ones - Math.log(3) / Math.log(2049))).toBeLessThan(0.02);
  });

  test('choices are drawn uniformly', () => {
    const counts: Record<string, number> = {};
    for (const p of samples) counts[p.activation as string] = (counts[p.activation as string] ?? 0) + 1;
    expect(Object.keys(counts).sort()).toEqual(['elu', 'relu', 'sigmoid', 'tanh']);
    for (const c of Object.values(counts)) expect(Math.abs(c / n - 0.25)).toBeLessThan(0.025);
  });

  test('same seed, same samples; another seed, others', () => {
    expect(draw(20, 11)).toEqual(draw(20, 11));
    expect(draw(20, 11)).not.toEqual(draw(20, 12));
  });

  test('a small discrete space is drawn without repeats and then reports it is used up', () => {
    const small = { a: { type: 'int', low: 1, high: 3 }, b: { type: 'categorical', choices: ['x', 'y'] } } as const;
    const study = createStudy({ space: small, sampler: 'random', direction: 'maximize', seed: 2 });
    const keys = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const t = study.ask();
      expect(t).not.toBeNull();
      keys.add(JSON.stringify(t!.params));
      study.tell(t!.id, i);
    }
    expect(keys.size).toBe(6);
    expect(study.ask()).toBeNull();
    expect(study.exhausted).toBe(true);
    expect(study.message).toMatch(/All 6 combinations/);
  });
});
