import type { SweepSlice } from './types';
import type { Get, Set } from './store';
import type { TrainClient } from '../train/client';
import { buildSpace, defaultDraft } from '../sweep/draft';
import { hyperparamText } from '../ui/messages/en';

export const labelOf = (n: keyof typeof hyperparamText) => hyperparamText[n].label;

export function createSweepSlice(set: Set, get: Get, client: () => TrainClient): SweepSlice {
  return {
    draft: defaultDraft(),
    sampler: 'random',
    budget: 10,
    objective: 'valLoss',
    gridPointsPerAxis: 4,
    sweepSeed: 1,
    sweepStatus: 'idle',
    sweepRunId: null,
    trials: [],
    current: null,
    sweepMessage: null,
    sweepPlan: null,
    setAxis: (name, axis) => set({ draft: { ...get().draft, [name]: axis } }),
    setSweepOption: (patch) => set(patch),
    startSweep: () => {
      const s = get();
      if (s.runStatus === 'running' || s.sweepStatus === 'running' || !s.prepared) return;
      const { space, problems } = buildSpace(s.draft, labelOf);
      if (problems.length > 0) {
        set({ sweepMessage: problems.join(' ') });
        return;
      }
      const objective = s.objective === 'valAccuracy' && s.prepared.dataset.task !== 'classification' ? 'valLoss' : s.objective;
      const c = client();
      const runId = c.nextRunId();
      const budget = Math.max(1, Math.min(500, Math.round(s.budget)));
      set({
        sweepStatus: 'running',
        sweepRunId: runId,
        trials: [],
        current: null,
        sweepMessage: null,
        sweepPlan: { budget, epochs: s.hp.epochs, objective, sampler: s.sampler },
      });
      c.send({
        type: 'sweep',
        runId,
        data: s.prepared.split,
        config: {
          space,
          fixed: s.hp,
          sampler: s.sampler,
          budget,
          objective,
          seed: s.sweepSeed,
          gridPointsPerAxis: s.gridPointsPerAxis,
        },
      });
    },
    stopSweep: () => {
      const { sweepRunId, sweepStatus } = get();
      if (sweepRunId !== null && sweepStatus === 'running') client().send({ type: 'stop', runId: sweepRunId });
    },
  };
}
