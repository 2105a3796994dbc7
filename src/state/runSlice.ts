import type { RunSlice } from './types';
import type { Get, Set } from './store';
import type { TrainClient } from '../train/client';
import { isBusy } from './selectors';

export function createRunSlice(set: Set, get: Get, client: () => TrainClient): RunSlice {
  return {
    runStatus: 'idle',
    runId: null,
    epochs: [],
    totalEpochs: 0,
    result: null,
    surface: null,
    runMessage: null,
    startTraining: () => {
      const s = get();
      if (isBusy(s) || !s.prepared) return;
      const c = client();
      const runId = c.nextRunId();
      set({ lastActivity: 'run', runStatus: 'running', runId, epochs: [], totalEpochs: s.hp.epochs, result: null, surface: null, runMessage: null });
      c.send({
        type: 'train',
        runId,
        hp: s.hp,
        data: s.prepared.split,
        seed: s.splitSeed,
        ...(s.prepared.surface ? { surfacePoints: s.prepared.surface.points } : {}),
      });
    },
    stopTraining: () => {
      const { runId, runStatus } = get();
      if (runId !== null && runStatus === 'running') client().send({ type: 'stop', runId });
    },
  };
}
