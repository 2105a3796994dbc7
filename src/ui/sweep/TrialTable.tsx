import { useApp } from '../StoreContext';
import { hyperparamText, t } from '../messages/en';
import { fmt, fmtDuration } from '../format';
import { bestTrial } from '../../state/selectors';
import type { HyperparamName } from '../../core/hyperparams';

export function TrialTable() {
  const trials = useApp((s) => s.trials);
  const record = useApp((s) => s.sweepRecord);
  const bestId = useApp((s) => bestTrial(s)?.id);
  const waitingId = useApp((s) => (s.stepWaiting ? s.current?.trialId : undefined));
  if (!record || trials.length === 0) return null;
  const names = Object.keys(record.config.space) as HyperparamName[];
  const objectiveLabel = record.config.objective === 'valLoss' ? t.valLoss : t.valAccuracy;
  return (
    <table className="trial-table">
      <caption>{t.trialTable}</caption>
      <thead>
        <tr>
          <th scope="col">{t.trialNumber}</th>
          {names.map((n) => <th scope="col" key={n}>{hyperparamText[n].label}</th>)}
          <th scope="col">{objectiveLabel}</th>
          <th scope="col">{t.status}</th>
          <th scope="col">{t.duration}</th>
        </tr>
      </thead>
      <tbody>
        {trials.map((tr) => (
          <tr key={tr.id} className={tr.id === bestId ? 'best' : undefined} aria-current={tr.id === bestId ? 'true' : undefined}>
            <td>{tr.index + 1}{tr.id === bestId ? ' ★' : ''}</td>
            {names.map((n) => <td key={n}>{typeof tr.params[n] === 'number' ? fmt(tr.params[n] as number) : String(tr.params[n])}</td>)}
            <td>{tr.status === 'complete' ? fmt(tr.value) : '–'}</td>
            <td title={tr.note}>{tr.status === 'diverged' && tr.divergedAtEpoch ? t.divergedAt(tr.divergedAtEpoch) : tr.id === waitingId ? t.proposed : t.statusNames[tr.status]}</td>
            <td>{fmtDuration(tr.durationMs)}{tr.batchedWith && tr.batchedWith > 1 ? ` ${t.trainedWith(tr.batchedWith)}` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
