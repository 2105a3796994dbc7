import { useEffect, useId, useMemo, useState } from 'react';
import { useApp } from '../StoreContext';
import { samplerText, t } from '../messages/en';
import { buildSpace } from '../../sweep/draft';
import { gridSize, type SamplerName } from '../../core';
import { labelOf } from '../../state/sweepSlice';
import type { ObjectiveName } from '../../sweep/config';
import { NumberField } from '../controls/NumberField';

const samplers: SamplerName[] = ['grid', 'random', 'gp', 'tpe'];

export function SweepControls() {
  const id = useId();
  const draft = useApp((s) => s.draft);
  const sampler = useApp((s) => s.sampler);
  const budget = useApp((s) => s.budget);
  const objective = useApp((s) => s.objective);
  const points = useApp((s) => s.gridPointsPerAxis);
  const seed = useApp((s) => s.sweepSeed);
  const set = useApp((s) => s.setSweepOption);
  const start = useApp((s) => s.startSweep);
  const stepMode = useApp((s) => s.stepMode);
  const setStepMode = useApp((s) => s.setStepMode);
  const stop = useApp((s) => s.stopSweep);
  const sweeping = useApp((s) => s.sweepStatus === 'running');
  // A Stop lands at the end of the running trials' epoch: say so until the sweep has stopped.
  const [stopping, setStopping] = useState(false);
  useEffect(() => {
    if (!sweeping) setStopping(false);
  }, [sweeping]);
  const training = useApp((s) => s.runStatus === 'running' || s.compareStatus === 'running');
  const classification = useApp((s) => s.prepared?.dataset.task === 'classification');
  // Not while a CSV file is read: the data are about to change.
  const ready = useApp((s) => s.prepared !== null && s.csvLoading === null);
  const message = useApp((s) => s.sweepMessage);
  const status = useApp((s) => s.sweepStatus);
  const built = useMemo(() => buildSpace(draft, labelOf), [draft]);
  const count = built.problems.length === 0 && sampler === 'grid' ? gridSize(built.space, points) : null;

  return (
    <div className="sweep-controls">
      <div className="control">
        <label htmlFor={`${id}-m`}>{t.method}</label>
        <select id={`${id}-m`} value={sampler} disabled={sweeping} onChange={(e) => set({ sampler: e.target.value as SamplerName })}>
          {samplers.map((s) => <option key={s} value={s}>{samplerText[s].label}</option>)}
        </select>
        <p className="help">{samplerText[sampler].help}</p>
      </div>
      <div className="control-row">
        <div className="control">
          <label htmlFor={`${id}-b`}>{t.budget}</label>
          <NumberField id={`${id}-b`} integer min={1} max={500} value={budget} disabled={sweeping} onCommit={(v) => set({ budget: v })} />
        </div>
        <div className="control">
          <label htmlFor={`${id}-o`}>{t.objective}</label>
          <select id={`${id}-o`} value={classification ? objective : 'valLoss'} disabled={sweeping} onChange={(e) => set({ objective: e.target.value as ObjectiveName })}>
            <option value="valLoss">{t.objectiveValLoss}</option>
            {classification ? <option value="valAccuracy">{t.objectiveValAccuracy}</option> : null}
          </select>
        </div>
        {sampler === 'grid' ? (
          <div className="control">
            <label htmlFor={`${id}-g`}>{t.gridPoints}</label>
            <NumberField id={`${id}-g`} integer min={2} max={20} value={points} disabled={sweeping} onCommit={(v) => set({ gridPointsPerAxis: v })} />
          </div>
        ) : null}
        <div className="control">
          <label htmlFor={`${id}-s`}>{t.sweepSeed}</label>
          <NumberField id={`${id}-s`} integer min={0} max={2 ** 31 - 1} value={seed} disabled={sweeping} onCommit={(v) => set({ sweepSeed: v })} />
        </div>
      </div>
      <label className="inline">
        <input type="checkbox" checked={stepMode} disabled={sweeping} onChange={(e) => setStepMode(e.target.checked)} /> {t.stepMode}
      </label>
      {count !== null ? <p className="note">{t.gridCount(count, budget)}</p> : null}
      {built.problems.length > 0 ? (
        <ul className="error" role="alert">{built.problems.map((p) => <li key={p}>{p}</li>)}</ul>
      ) : null}
      {message && status === 'idle' ? <p className="note">{message}</p> : null}
      <div className="train-bar">
        <button type="button" className="primary" onClick={start} disabled={sweeping || training || !ready || built.problems.length > 0}>{t.runSweep}</button>
        <button type="button" onClick={() => { stop(); setStopping(true); }} disabled={!sweeping || stopping}>{t.stopSweep}</button>
        {stopping && sweeping ? <span className="note" role="status">{t.stoppingSweep}</span> : null}
      </div>
    </div>
  );
}
