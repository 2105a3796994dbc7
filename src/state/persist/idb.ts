/** IndexedDB persistence (idb), and an in-memory one for tests and for browsers without IndexedDB. */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Persistence, SavedRun, SavedSweep } from './types';

interface Schema extends DBSchema {
  sweeps: { key: string; value: SavedSweep; indexes: { updatedAt: number } };
  runs: { key: string; value: SavedRun; indexes: { createdAt: number } };
}

export function createIdbPersistence(name = 'hyperparameter-playground'): Persistence {
  let dbp: Promise<IDBPDatabase<Schema>> | null = null;
  const db = () =>
    (dbp ??= openDB<Schema>(name, 1, {
      upgrade(d) {
        d.createObjectStore('sweeps', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
        d.createObjectStore('runs', { keyPath: 'id' }).createIndex('createdAt', 'createdAt');
      },
    }));
  return {
    saveSweep: async (s) => {
      await (await db()).put('sweeps', s);
    },
    latestSweep: async () => {
      const cursor = await (await db()).transaction('sweeps').store.index('updatedAt').openCursor(null, 'prev');
      return cursor?.value;
    },
    saveRun: async (r) => {
      await (await db()).put('runs', r);
    },
    runs: async () => (await db()).getAllFromIndex('runs', 'createdAt'),
  };
}

export function createMemoryPersistence(): Persistence {
  const sweeps = new Map<string, SavedSweep>();
  const runs = new Map<string, SavedRun>();
  const clone = <T>(v: T): T => structuredClone(v);
  return {
    saveSweep: async (s) => void sweeps.set(s.id, clone(s)),
    latestSweep: async () => {
      let best: SavedSweep | undefined;
      for (const s of sweeps.values()) if (!best || s.updatedAt >= best.updatedAt) best = s;
      return best && clone(best);
    },
    saveRun: async (r) => void runs.set(r.id, clone(r)),
    runs: async () => [...runs.values()].sort((a, b) => a.createdAt - b.createdAt).map(clone),
  };
}
