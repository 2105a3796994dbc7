/** Saves the current sweep with its finished trials whenever one finishes, and restores the last one at start. */
import type { AppState, TrialView } from './types';
import type { Persistence, SavedSweep, SavedTrial } from './persist/types';
import type { AppStore } from './store';
import { t } from '../ui/messages/en';
import { draftFromSpace } from '../sweep/draft';
import { readChoice } from '../sweep/studyFile';

export interface SweepPersistence {
  /** Save the current sweep record with its finished trials (fire and forget; failures become a notice). */
  save(s: AppState): void;
  /** Load the latest sweep into the view; an unfinished one becomes resumable. */
  restore(store: AppStore): Promise<void>;
  /** Show a saved (or imported) sweep, and save it. */
  open(store: AppStore, saved: SavedSweep): void;
}

/** Show a saved sweep, with the sweep controls set to what it searches (and, when asked, its data). */
function show(store: AppStore, saved: SavedSweep, withData: boolean): void {
  const { trials, ...record } = saved;
  const unfinished = saved.status === 'running';
  const c = saved.config;
  if (withData) store.getState().setChoice(saved.choice);
  store.setState({
    draft: draftFromSpace(c.space),
    sampler: c.sampler,
    budget: c.budget,
    objective: c.objective,
    sweepSeed: c.seed,
    gridPointsPerAxis: c.gridPointsPerAxis,
    lastActivity: 'sweep',
    sweepRecord: record,
    trials: trials.map((tr) => ({ ...tr })),
    sweepStatus: unfinished ? 'interrupted' : saved.status,
    sweepMessage: saved.message ?? null,
    resumable: unfinished && trials.length < saved.config.budget ? saved : null,
  });
}

const finished = (trials: TrialView[]): SavedTrial[] =>
  trials.filter((tr) => tr.status !== 'running').map((tr) => tr as SavedTrial);

export function createSweepPersistence(p: Persistence | null, onError: (message: string) => void): SweepPersistence {
  return {
    save: (s) => {
      if (!p || !s.sweepRecord) return;
      const record: SavedSweep = { ...s.sweepRecord, updatedAt: Date.now(), trials: finished(s.trials) };
      p.saveSweep(record).catch((e: unknown) => onError(t.saveFailed((e as Error).message)));
    },
    restore: async (store) => {
      if (!p) return;
      try {
        const found = await p.latestSweep();
        if (!found || store.getState().sweepStatus !== 'idle') return;
        // Sweeps saved before CSV files were kept as files hold the text: make it a file.
        const choice = readChoice(found.choice);
        show(store, typeof choice === 'string' ? found : { ...found, choice }, false);
      } catch (e) {
        onError(t.saveFailed((e as Error).message));
      }
    },
    open: (store, saved) => {
      show(store, saved, true);
      p?.saveSweep(saved).catch((e: unknown) => onError(t.saveFailed((e as Error).message)));
    },
  };
}
