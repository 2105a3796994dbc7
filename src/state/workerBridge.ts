/** Routes the worker's messages into the store; messages of runs that are no longer current are dropped. */
import type { FromWorker } from '../train/protocol';
import type { AppStore } from './store';
import type { TrialView } from './types';
import { t } from '../ui/messages/en';

export interface BridgeHooks {
  /** A trial finished or the sweep ended: save it. */
  sweepChanged(): void;
  runFinished(): void;
}

export function handleWorkerMessage(store: AppStore, msg: FromWorker, hooks: BridgeHooks): void {
  const s = store.getState();
  const set = store.setState;
  switch (msg.type) {
    case 'backend':
      set({ backend: msg.backend, backendReason: msg.reason ?? null });
      return;
    case 'epoch':
      if (msg.trialId !== undefined && msg.runId === s.sweepRunId) {
        const m = msg.metrics;
        set({
          trials: s.trials.map((t) =>
            t.id === msg.trialId
              ? { ...t, curve: [...t.curve, { epoch: m.epoch, trainLoss: m.trainLoss, valLoss: m.valLoss, ...(m.valAccuracy !== undefined ? { valAccuracy: m.valAccuracy } : {}) }] }
              : t,
          ),
          current: s.current && s.current.trialId === msg.trialId ? { ...s.current, epoch: m.epoch } : s.current,
        });
      } else if (msg.runId === s.runId) {
        set({ epochs: [...s.epochs, msg.metrics] });
      }
      return;
    case 'restart':
      if (msg.trialId !== undefined && msg.runId === s.sweepRunId) {
        set({ trials: s.trials.map((t) => (t.id === msg.trialId ? { ...t, curve: [] } : t)), notice: t.restarted(msg.reason, msg.backend, true) });
      } else if (msg.runId === s.runId) {
        set({ epochs: [], surface: null, notice: t.restarted(msg.reason, msg.backend, false) });
      }
      return;
    case 'surface':
      if (msg.runId === s.runId) set({ surface: { values: msg.values, epoch: msg.epoch } });
      return;
    case 'runDone':
      if (msg.runId !== s.runId) return;
      set({ runStatus: msg.result.status, result: msg.result, epochs: msg.result.epochs });
      hooks.runFinished();
      return;
    case 'sweepPlan':
      if (msg.runId === s.sweepRunId) set({ sweepPlan: { backend: msg.backend, workers: msg.workers } });
      return;
    case 'trialStart': {
      if (msg.runId !== s.sweepRunId) return;
      const view: TrialView = { id: msg.trialId, index: msg.index, params: msg.params, hp: msg.hp, status: 'running', curve: [], ...(msg.note ? { note: msg.note } : {}) };
      // A trial that starts while the current one still runs trains alongside it (its batch, or another worker);
      // otherwise it becomes the one whose epoch the status line follows.
      const running = s.trials.filter((t) => t.status === 'running').length + 1;
      const currentRuns = s.current !== null && s.trials.some((t) => t.id === s.current!.trialId && t.status === 'running');
      set({
        // In trial order: on a pool, later trials can start before earlier ones.
        trials: [...s.trials, view].sort((a, b) => a.index - b.index),
        current: currentRuns && s.current ? { ...s.current, together: running } : { trialId: msg.trialId, index: msg.index, epoch: 0, together: running },
      });
      return;
    }
    case 'trialDone':
      if (msg.runId !== s.sweepRunId) return;
      set({ trials: s.trials.map((t) => (t.id === msg.trial.id ? { ...t, ...msg.trial } : t)) });
      hooks.sweepChanged();
      return;
    case 'surrogateResult':
      if (s.surrogateRequest && msg.requestId === s.surrogateRequest.requestId) {
        set({ surrogate: { param: s.surrogateRequest.param, trialCount: s.surrogateRequest.trialCount, curve: msg.curve, map: msg.map, ...(msg.error ? { error: msg.error } : {}) } });
      }
      return;
    case 'stepWaiting':
      if (msg.runId === s.sweepRunId) set({ stepWaiting: true });
      return;
    case 'sweepDone':
      if (msg.runId !== s.sweepRunId) return;
      set({
        sweepStatus: msg.end.status,
        current: null,
        stepWaiting: false,
        sweepMessage: msg.end.message ?? null,
        sweepRecord: s.sweepRecord && { ...s.sweepRecord, status: msg.end.status, ...(msg.end.message ? { message: msg.end.message } : {}) },
      });
      hooks.sweepChanged();
      return;
    case 'scanEpoch':
      if (msg.runId !== s.scanRunId) return;
      set({ scanCurrent: { index: msg.index, curve: s.scanCurrent?.index === msg.index ? [...s.scanCurrent.curve, msg.valLoss] : [msg.valLoss] } });
      return;
    case 'scanPoint':
      if (msg.runId !== s.scanRunId) return;
      set({ scanPoints: s.scanPoints.map((p, i) => (i === msg.index ? msg.point : p)) });
      return;
    case 'scanDone':
      if (msg.runId === s.scanRunId) set({ scanStatus: msg.stopped ? 'stopped' : 'complete', scanCurrent: null });
      return;
    case 'compareTrial':
      if (msg.runId === s.compareRunId) set({ compareTrials: [...s.compareTrials, msg.trial] });
      return;
    case 'compareDone':
      if (msg.runId !== s.compareRunId) return;
      set({
        compareStatus: msg.end.status,
        compareMessage: msg.end.exhausted.length ? t.compareExhausted(msg.end.exhausted.length, msg.end.exhausted[0].message) : null,
      });
      return;
    case 'error':
      if (msg.runId !== undefined && msg.runId === s.scanRunId && s.scanStatus === 'running') {
        set({ scanStatus: 'error', scanCurrent: null, notice: msg.message });
        return;
      }
      if (msg.runId !== undefined && msg.runId === s.compareRunId && s.compareStatus === 'running') {
        set({ compareStatus: 'error', compareMessage: msg.message });
        return;
      }
      if (msg.runId !== undefined && msg.runId === s.sweepRunId && s.sweepStatus === 'running') {
        set({ sweepStatus: 'error', current: null, sweepMessage: msg.message, sweepRecord: s.sweepRecord && { ...s.sweepRecord, status: 'error', message: msg.message } });
        hooks.sweepChanged();
      } else if (msg.runId === undefined || msg.runId === s.runId) {
        set({ runStatus: s.runStatus === 'running' ? 'error' : s.runStatus, runMessage: msg.message });
      }
      return;
  }
}
