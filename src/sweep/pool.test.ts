import { describe, expect, test } from 'vitest';
import { partition, runPool } from './pool';
import { createRng } from '../core/rng';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('runPool', () => {
  test('every item runs exactly once; results come back in item order whatever order they finish in', async () => {
    for (const workers of [1, 2, 3, 7, 50]) {
      const rng = createRng(workers);
      const items = Array.from({ length: 23 }, (_, i) => i);
      const calls = new Map<number, number>();
      const finished: number[] = [];
      const seenWorkers = new Set<number>();
      let running = 0, peak = 0;
      const out = await runPool(items, workers, async (item, index, worker) => {
        expect(index).toBe(item);
        calls.set(item, (calls.get(item) ?? 0) + 1);
        seenWorkers.add(worker);
        running++;
        peak = Math.max(peak, running);
        await sleep(Math.floor(rng.next() * 6)); // random durations: finishing order is scrambled
        running--;
        return item * item;
      }, (i) => finished.push(i));
      expect(out).toEqual(items.map((i) => i * i));
      expect([...calls.values()].every((c) => c === 1) && calls.size === items.length).toBe(true);
      expect(peak).toBe(Math.min(workers, items.length)); // as many at once as there are workers, never more
      expect(Math.max(...seenWorkers)).toBeLessThan(workers);
      expect(finished.sort((a, b) => a - b)).toEqual(items);
    }
  });

  test('an executor runs one item at a time', async () => {
    const busy = new Set<number>();
    await runPool(Array.from({ length: 12 }, (_, i) => i), 3, async (_item, _i, worker) => {
      expect(busy.has(worker)).toBe(false);
      busy.add(worker);
      await sleep(1);
      busy.delete(worker);
    });
  });

  test('a failing item does not stop the others; the first error is thrown at the end', async () => {
    const ran: number[] = [];
    await expect(runPool([0, 1, 2, 3, 4], 2, async (item) => {
      ran.push(item);
      if (item === 1) throw new Error('item 1 failed');
      await sleep(1);
      return item;
    })).rejects.toThrow('item 1 failed');
    expect(ran.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  test('no items: no runs; a bad worker count is refused', async () => {
    expect(await runPool([], 3, async () => 1)).toEqual([]);
    await expect(runPool([1], 0, async () => 1)).rejects.toThrow(/workers must be/);
  });
});

describe('partition', () => {
  test('equal keys share units of at most size, in order of first appearance; null keys stand alone', () => {
    const keys = ['a', 'b', 'a', null, 'a', 'b', 'a', null];
    expect(partition(keys, (k) => k, 3)).toEqual([[0, 2, 4], [1, 5], [3], [6], [7]]);
    expect(partition(keys, (k) => k, 1)).toEqual(keys.map((_, i) => [i]));
    // Every position appears exactly once.
    const flat = partition(keys, (k) => k, 2).flat().sort((a, b) => a - b);
    expect(flat).toEqual(keys.map((_, i) => i));
  });
});
