/** Derived values the components show; pure functions of the state. */
import type { AppState, TrialView } from './types';
import { fmt } from '../ui/format';
import { t } from '../ui/messages/en';
import { planBatches } from '../train/batch';
import { objectiveDirection } from '../sweep/config';

/** A run, a sweep or a comparison is using the worker, or a CSV file is being read (its data are not ready, so nothing may start). */
export const isBusy = (s: AppState): boolean =>
  s.runStatus === 'running' || s.sweepStatus === 'running' || s.compareStatus === 'running' || s.scanStatus === 'running' || s.csvLoading !== null;

export function statusLine(s: AppState): string {
  if (s.scanStatus === 'running' && s.scanPlan) {
    const i = s.scanCurrent?.index ?? s.scanPoints.filter((p) => p !== null).length;
    return t.scanStatus(i + 1, s.scanPlan.rates.length, s.scanPlan.rates[i] ?? 0, s.scanCurrent?.curve.length ?? 0, s.scanPlan.epochs);
  }
  if (s.compareStatus === 'running') {
    const cfg = s.compareRun?.config;
    return t.compareStatus(s.compareTrials.length, cfg ? cfg.methods.length * cfg.repeats * cfg.budget : 0);
  }
  if (s.sweepStatus === 'running') {
    const cfg = s.sweepRecord?.config;
    if (s.current && cfg && s.stepWaiting) return t.stepStatus(s.current.index + 1, cfg.budget);
    const running = s.trials.filter((x) => x.status === 'running');
    if (s.current && cfg && running.length > 1) {
      const numbers = running.map((x) => x.index + 1).sort((a, b) => a - b);
      const first = numbers[0], last = numbers.at(-1)!;
      const workers = s.sweepPlan?.workers ?? 1;
      // On a pool the running trials need not be consecutive: then name them (a few) rather than span a range.
      const which = last - first + 1 === numbers.length || numbers.length > 6 ? `${first}–${last}` : numbers.join(', ');
      return workers > 1
        ? t.trialsPoolStatus(which, cfg.budget, running.length, workers, s.sweepPlan!.backend, s.current.epoch, cfg.fixed.epochs)
        : t.trialsStatus(first, last, cfg.budget, s.current.epoch, cfg.fixed.epochs);
    }
    if (s.current && cfg) return t.trialStatus(s.current.index + 1, cfg.budget, s.current.epoch, s.trials.find((x) => x.id === s.current!.trialId)?.hp.epochs ?? cfg.fixed.epochs);
    return t.sweepStarting(cfg?.budget ?? 0);
  }
  if (s.csvLoading) return t.csvReadingStatus(s.csvLoading.fileName);
  if (!s.prepared) return s.dataError ? t.fixData : t.pickData;
  // The line tells of whatever ran last.
  if (s.lastActivity === 'sweep' && s.sweepStatus !== 'idle') return sweepEndLine(s);
  if (s.lastActivity === 'compare' && s.compareStatus !== 'idle') return t.compareDone(s.compareTrials.length);
  if (s.lastActivity === 'scan' && s.scanStatus !== 'idle') return t.scanDone(s.scanPoints.filter((p) => p !== null).length);
  if (s.runStatus === 'idle' && s.sweepStatus !== 'idle') return sweepEndLine(s);
  const last = s.epochs.at(-1);
  switch (s.runStatus) {
    case 'idle':
      return s.backend ? `${t.statusIdle} ${t.backendInUse(s.backend)}.` : t.statusIdle;
    case 'running':
      return last
        ? t.epochStatus(last.epoch, s.totalEpochs, fmt(last.trainLoss), fmt(last.valLoss), s.backend ?? '…')
        : `${t.epoch} 0 of ${s.totalEpochs} · ${s.backend ?? t.backendStarting}`;
    case 'complete':
      return t.runComplete(s.epochs.length, fmt(last?.valLoss));
    case 'stopped':
      return t.runStopped(s.epochs.length);
    case 'interrupted':
      return t.runInterrupted(s.result?.interruptedReason ?? '');
    case 'diverged':
      return t.diverged(s.result?.divergedAtEpoch ?? s.epochs.length + 1);
    case 'error':
      return t.workerError(s.runMessage ?? '');
  }
}

export function sweepEndLine(s: AppState): string {
  const done = s.trials.filter((x) => x.status !== 'running').length;
  const best = bestTrial(s);
  // A trial stopped mid-way has not finished: it does not count.
  if (s.sweepStatus === 'stopped') return t.sweepStopped(s.trials.filter((x) => x.status !== 'running' && x.status !== 'stopped').length);
  if (s.sweepStatus === 'interrupted') return t.sweepInterrupted(done, s.sweepRecord?.config.budget ?? done);
  if (s.sweepStatus === 'error') return t.workerError(s.sweepMessage ?? '');
  return t.sweepDone(done, best ? fmt(best.value) : '–') + (s.sweepMessage ? ` · ${s.sweepMessage}` : '');
}

export function bestTrial(s: Pick<AppState, 'trials' | 'sweepRecord'>): TrialView | undefined {
  const dir = objectiveDirection(s.sweepRecord?.config.objective ?? 'valLoss');
  let best: TrialView | undefined;
  for (const tr of s.trials) {
    if (tr.status !== 'complete' || tr.value === undefined) continue;
    if (!best || (dir === 'minimize' ? tr.value < best.value! : tr.value > best.value!)) best = tr;
  }
  return best;
}

export function batchNote(s: AppState): string | null {
  const n = s.prepared?.split.train.n;
  if (!n) return null;
  const plan = planBatches(s.hp.batchSize, n);
  return plan.clamped ? t.batchClamped(s.hp.batchSize, n) : null;
}
