import { useApp } from '../StoreContext';
import { hyperparamText, t } from '../messages/en';
import { fmt } from '../format';
import type { HyperparamName } from '../../core/hyperparams';
import { SurrogateView } from './SurrogateView';

/** Step mode: the proposed trial, why it was picked (the surrogate), and the buttons to go on. */
export function StepPanel() {
  const waiting = useApp((s) => s.stepWaiting);
  const current = useApp((s) => s.current);
  const trial = useApp((s) => s.trials.find((x) => x.id === s.current?.trialId));
  const next = useApp((s) => s.stepNext);
  if (!waiting || !current || !trial) return null;
  return (
    <div className="step-panel" role="region" aria-label={t.stepProposed(current.index + 1)}>
      <strong>{t.stepProposed(current.index + 1)}: </strong>
      {Object.entries(trial.params).map(([k, v]) => (
        <span key={k} className="param-chip">{hyperparamText[k as HyperparamName]?.label ?? k} = {typeof v === 'number' ? fmt(v) : String(v)}</span>
      ))}
      {trial.note ? <p className="help">{trial.note}</p> : null}
      <div className="train-bar">
        <button type="button" className="primary" onClick={() => next()}>{t.stepTrain}</button>
        <button type="button" onClick={() => next(true)}>{t.stepRunRest}</button>
      </div>
      <SurrogateView />
    </div>
  );
}
