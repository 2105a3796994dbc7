/**
 * A small work pool: runs items on `workers` executors at once, each free executor taking the next item in
 * order, and returns the results in item order, whatever order they finished in. Pure: knows nothing of
 * Web Workers or tfjs (an executor is whatever `run` does with its worker number).
 */

/**
 * Runs every item exactly once. `run` gets the item, its index and the executor's number (0..workers-1);
 * an executor runs one item at a time. When a run throws, the other items still run and the first error
 * is thrown at the end; `onResult` sees each result as it comes, in finishing order.
 */
export async function runPool<T, R>(
  items: readonly T[],
  workers: number,
  run: (item: T, index: number, worker: number) => Promise<R>,
  onResult?: (index: number, result: R) => void,
): Promise<R[]> {
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`runPool: workers must be a whole number >= 1 (got ${workers}).`);
  const results: R[] = Array.from({ length: items.length });
  let next = 0;
  let failure: { error: unknown } | null = null;
  const loop = async (worker: number): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      try {
        results[i] = await run(items[i], i, worker);
        onResult?.(i, results[i]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(workers, items.length) }, (_, w) => loop(w)));
  if (failure) throw (failure as { error: unknown }).error;
  return results;
}

/**
 * Groups items with equal non-null keys into units of at most `size`, in order of first appearance; an
 * item with a null key is a unit of its own. Returns each unit as the items' positions.
 */
export function partition<T>(items: readonly T[], key: (item: T) => string | null, size: number): number[][] {
  const units: number[][] = [];
  const open = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item);
    if (k === null) {
      units.push([i]);
      return;
    }
    let unit = open.get(k);
    if (!unit || unit.length >= size) {
      unit = [];
      open.set(k, unit);
      units.push(unit);
    }
    unit.push(i);
  });
  return units;
}
