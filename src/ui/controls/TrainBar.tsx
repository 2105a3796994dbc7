import { useId } from 'react';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { backendNames, isBackendName } from '../../train/backends';
import { fmt } from '../format';

export function TrainBar() {
  const id = useId();
  const running = useApp((s) => s.runStatus === 'running');
  const sweeping = useApp((s) => s.sweepStatus === 'running' || s.compareStatus === 'running');
  // Not while a CSV file is read: the data are about to change.
  const ready = useApp((s) => s.prepared !== null && s.csvLoading === null);
  const start = useApp((s) => s.startTraining);
  const stop = useApp((s) => s.stopTraining);
  const requested = useApp((s) => s.requestedBackend);
  const backend = useApp((s) => s.backend);
  const reason = useApp((s) => s.backendReason);
  const setBackend = useApp((s) => s.setBackend);
  const speed = useApp((s) => s.epochs.at(-1)?.samplesPerSec);
  return (
    <div className="train-bar">
      <button type="button" className="primary" onClick={start} disabled={running || sweeping || !ready}>{t.train}</button>
      <button type="button" onClick={stop} disabled={!running}>{t.stop}</button>
      <label htmlFor={`${id}-be`}>{t.backend}</label>
      <select id={`${id}-be`} value={requested} disabled={running || sweeping}
        onChange={(e) => { if (isBackendName(e.target.value)) setBackend(e.target.value); }}>
        {backendNames.map((b) => <option key={b} value={b}>{b}</option>)}
      </select>
      <span className="backend-badge" data-testid="backend">
        {backend ? (reason ? t.backendFallback(backend, reason) : t.backendInUse(backend)) : t.backendStarting}
      </span>
      {speed !== undefined ? <span className="speed">{t.lastEpochSpeed(fmt(speed))}</span> : null}
    </div>
  );
}
