import type { CompareSlice } from './types';
import type { Get, Set } from './store';
import type { TrainClient } from '../train/client';
import { buildSpace } from '../sweep/draft';
import { labelOf } from './sweepSlice';
import { findSynthetic } from '../compare/synthetic';
import { objectiveDirection } from '../sweep/config';
import type { CompareConfig } from '../compare/runner';
import { t } from '../ui/messages/en';
import { isBusy } from './selectors';


export function createCompareSlice(set: Set, get: Get, client: () => TrainClient): CompareSlice {
  return {
    compareMethods: ['grid', 'random', 'gp'],
    compareRepeats: 3,
    compareBudget: 20,
    compareSource: 'branin',
    compareTarget: '',
    compareSeed: 1,
    compareStatus: 'idle',
    compareRunId: null,
    compareTrials: [],
    compareRun: null,
    compareMessage: null,
    setCompareOption: (patch) => set(patch),
    startCompare: () => {
      const s = get();
      if (isBusy(s)) return;
      if (s.compareMethods.length === 0) {
        set({ compareMessage: t.comparePickMethod });
        return;
      }
      const budget = Math.max(2, Math.min(200, Math.round(s.compareBudget)));
      const repeats = Math.max(1, Math.min(10, Math.round(s.compareRepeats)));
      const c = client();
      const runId = c.nextRunId();
      const base = { methods: s.compareMethods, repeats, budget, seed: s.compareSeed, gridPointsPerAxis: 0 };
      if (s.compareSource === 'training') {
        if (!s.prepared) {
          set({ compareMessage: t.pickData });
          return;
        }
        const { space, problems } = buildSpace(s.draft, labelOf);
        if (problems.length) {
          set({ compareMessage: problems.join(' ') });
          return;
        }
        const objective = s.objective === 'valAccuracy' && s.prepared.dataset.task === 'classification' ? 'valAccuracy' : 'valLoss';
        const config: CompareConfig = { ...base, space, direction: objectiveDirection(objective), gridPointsPerAxis: gridPointsFor(budget, Object.keys(space).length) };
        set({ lastActivity: 'compare', compareStatus: 'running', compareRunId: runId, compareTrials: [], compareMessage: null, compareRun: { config, source: 'training', optimum: null, paramNames: Object.keys(space), objective } });
        c.send({ type: 'compare', runId, config, objective: { kind: 'training', fixed: s.hp, objective, data: s.prepared.split } });
        return;
      }
      const fn = findSynthetic(s.compareSource);
      if (!fn) return;
      const config: CompareConfig = { ...base, space: fn.space, direction: 'minimize', gridPointsPerAxis: gridPointsFor(budget, Object.keys(fn.space).length) };
      set({ lastActivity: 'compare', compareStatus: 'running', compareRunId: runId, compareTrials: [], compareMessage: null, compareRun: { config, source: s.compareSource, optimum: fn.optimum, paramNames: Object.keys(fn.space), objective: 'valLoss' } });
      c.send({ type: 'compare', runId, config, objective: { kind: 'synthetic', id: fn.id } });
    },
    stopCompare: () => {
      const { compareRunId, compareStatus } = get();
      if (compareRunId !== null && compareStatus === 'running') client().send({ type: 'stop', runId: compareRunId });
    },
  };
}

/**
 * Points per axis for a grid that fits the budget whole (the largest with at most `budget` points), so it
 * reaches both ends of every range: a larger grid cut short by the budget never tries the far corner and
 * loses unfairly. At least 2 per axis (the two ends).
 */
export function gridPointsFor(budget: number, dims: number): number {
  return Math.max(2, Math.floor(budget ** (1 / Math.max(1, dims)) + 1e-9));
}
