import type { SweepSlice, TrialView } from './types';
import type { Get, Set } from './store';
import type { TrainClient } from '../train/client';
import { buildSpace, defaultDraft } from '../sweep/draft';
import { hyperparamText } from '../ui/messages/en';
import { objectiveDirection, type SweepConfig } from '../sweep/config';
import type { Split } from '../train/datasets/types';
import type { SavedSweep, SavedTrial } from './persist/types';
import type { SweepPersistence } from './sweepPersistence';
import { parseStudyJson } from '../sweep/studyFile';
import type { AppStore } from './store';
import { t } from '../ui/messages/en';
import { isBusy } from './selectors';

export const labelOf = (n: keyof typeof hyperparamText) => hyperparamText[n].label;

const newId = () => `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}`;

export function createSweepSlice(set: Set, get: Get, client: () => TrainClient, persist: SweepPersistence, store: () => AppStore): SweepSlice {
  const launch = (record: Omit<SavedSweep, 'trials'>, split: Split, history: SavedTrial[]) => {
    const c = client();
    const runId = c.nextRunId();
    const trials: TrialView[] = history.map((h) => ({ ...h }));
    set({ lastActivity: 'sweep', sweepStatus: 'running', sweepRunId: runId, trials, current: null, sweepPlan: null, sweepMessage: null, sweepRecord: record, resumable: null, stepWaiting: false });
    persist.save(get());
    c.send({
      type: 'sweep',
      runId,
      data: split,
      config: record.config,
      ...(history.length ? { history: history.map(({ curve: _curve, ...rec }) => rec) } : {}),
      ...(get().stepMode ? { stepMode: true } : {}),
    });
  };
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
    sweepPlan: null,
    sweepMessage: null,
    sweepRecord: null,
    resumable: null,
    surrogate: null,
    surrogateRequest: null,
    requestSurrogate: (param, param2) => {
      const s = get();
      if (!s.sweepRecord) return;
      const trials = s.trials.filter((x) => x.status === 'complete' && x.value !== undefined).map((x) => ({ params: x.params, value: x.value as number }));
      const requestId = (s.surrogateRequest?.requestId ?? 0) + 1;
      set({ surrogateRequest: { requestId, param, trialCount: trials.length } });
      client().send({ type: 'surrogate', requestId, space: s.sweepRecord.config.space, trials, direction: objectiveDirection(s.sweepRecord.config.objective), param, ...(param2 ? { param2 } : {}) });
    },
    stepMode: false,
    stepWaiting: false,
    setStepMode: (on) => set({ stepMode: on }),
    stepNext: (runRest = false) => {
      const { sweepRunId, sweepStatus, stepWaiting } = get();
      if (sweepRunId === null || sweepStatus !== 'running' || !stepWaiting) return;
      set({ stepWaiting: false, ...(runRest ? { stepMode: false } : {}) });
      client().send({ type: 'step', runId: sweepRunId, ...(runRest ? { continuous: true } : {}) });
    },
    setAxis: (name, axis) => set({ draft: { ...get().draft, [name]: axis } }),
    setSweepOption: (patch) => set(patch),
    startSweep: () => {
      const s = get();
      if (isBusy(s) || !s.prepared) return;
      const { space, problems } = buildSpace(s.draft, labelOf);
      if (problems.length > 0) {
        set({ sweepMessage: problems.join(' ') });
        return;
      }
      const objective = s.objective === 'valAccuracy' && s.prepared.dataset.task !== 'classification' ? 'valLoss' : s.objective;
      const config: SweepConfig = {
        space,
        fixed: s.hp,
        sampler: s.sampler,
        budget: Math.max(1, Math.min(500, Math.round(s.budget))),
        objective,
        seed: s.sweepSeed,
        gridPointsPerAxis: s.gridPointsPerAxis,
      };
      const now = Date.now();
      launch(
        { id: newId(), createdAt: now, updatedAt: now, config, choice: s.choice, validationFraction: s.validationFraction, splitSeed: s.splitSeed, status: 'running' },
        s.prepared.split,
        [],
      );
    },
    stopSweep: () => {
      const { sweepRunId, sweepStatus } = get();
      if (sweepRunId !== null && sweepStatus === 'running') client().send({ type: 'stop', runId: sweepRunId });
    },
    resumeSweep: () => {
      const s = get();
      const saved = s.resumable;
      if (!saved || isBusy(s)) return;
      let choice = saved.choice;
      // A study opened from a file may name a CSV file without holding it: the same file chosen again under Data will do.
      if (choice.kind === 'csv' && !choice.file && s.choice.kind === 'csv' && s.choice.file && s.choice.fileName === choice.fileName) {
        choice = { ...choice, file: s.choice.file };
      }
      void get()
        .prepareChoice(choice, saved.validationFraction, saved.splitSeed)
        .then((out) => {
          if ('cancelled' in out) return;
          if ('error' in out) {
            set({ sweepMessage: out.error });
            return;
          }
          if (get().resumable !== saved || isBusy(get())) return; // something else started or was opened meanwhile
          set({
            choice: out.choice,
            ...(out.csv ? { csvColumns: out.csv.columns, csvEncodingUsed: out.csv.encoding } : {}),
            splitSeed: saved.splitSeed,
            validationFraction: saved.validationFraction,
            prepared: out.prepared,
            dataError: null,
            hp: saved.config.fixed,
            sampler: saved.config.sampler,
            budget: saved.config.budget,
            objective: saved.config.objective,
            sweepSeed: saved.config.seed,
            // A link's "choose the CSV file again" no longer holds once the saved file is back.
            ...(out.csv && get().notice === t.linkCsv ? { notice: null } : {}),
          });
          const { trials, ...record } = saved;
          launch({ ...record, choice: out.choice, status: 'running', updatedAt: Date.now() }, out.prepared.split, trials);
        });
    },
    importStudy: (text) => {
      const s = get();
      if (isBusy(s)) return;
      const r = parseStudyJson(text);
      if ('error' in r) {
        set({ notice: r.error });
        return;
      }
      persist.open(store(), r.study);
      set({ notice: [t.studyImported(r.study.trials.length), ...r.notes].join(' ') });
    },
    discardResumable: () => {
      const s = get();
      if (!s.resumable) return;
      const { trials: _t, ...record } = s.resumable;
      set({ resumable: null, sweepRecord: { ...record, status: 'stopped' }, sweepStatus: 'stopped' });
      persist.save(get());
    },
  };
}
