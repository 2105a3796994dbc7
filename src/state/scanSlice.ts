import type { ScanSlice } from './types';
import type { Get, Set } from './store';
import type { TrainClient } from '../train/client';
import { isBusy } from './selectors';
import { classify, scanRates, sweepRangeFrom, type ScanPoint } from '../lr/zones';
import { getDef } from '../core/hyperparams';
import { t } from '../ui/messages/en';

/** Rates tried by a scan: the learning-rate slider's whole range, log-spaced. */
export const SCAN_RATES = 13;
export const SCAN_MAX_EPOCHS = 15;

export function createScanSlice(set: Set, get: Get, client: () => TrainClient): ScanSlice {
  return {
    scanStatus: 'idle',
    scanRunId: null,
    scanPlan: null,
    scanPoints: [],
    scanCurrent: null,
    startScan: () => {
      const s = get();
      if (isBusy(s) || !s.prepared) return;
      const def = getDef('learningRate');
      if (def.kind !== 'number') return;
      const rates = scanRates(def.min, def.max, SCAN_RATES);
      const epochs = Math.min(s.hp.epochs, SCAN_MAX_EPOCHS);
      const c = client();
      const runId = c.nextRunId();
      set({ lastActivity: 'scan', scanStatus: 'running', scanRunId: runId, scanPlan: { rates, epochs }, scanPoints: rates.map(() => null), scanCurrent: null });
      c.send({ type: 'lrScan', runId, hp: s.hp, data: s.prepared.split, rates, epochs, seed: s.splitSeed });
    },
    stopScan: () => {
      const { scanRunId, scanStatus } = get();
      if (scanRunId !== null && scanStatus === 'running') client().send({ type: 'stop', runId: scanRunId });
    },
    useScanRange: () => {
      const s = get();
      const done = s.scanPoints.filter((p): p is ScanPoint => p !== null);
      const r = classify(done);
      const def = getDef('learningRate');
      if (!r.good || def.kind !== 'number') {
        set({ notice: t.scanNoGood });
        return;
      }
      const [low, high] = sweepRangeFrom(r.good, def.min, def.max);
      set({ draft: { ...s.draft, learningRate: { mode: 'range', low: String(low), high: String(high), log: true } }, notice: t.scanRangeSet(low, high) });
    },
  };
}
