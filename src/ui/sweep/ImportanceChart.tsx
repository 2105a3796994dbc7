import { memo } from 'react';
import { importance, IMPORTANCE_METHOD } from '../../core/analysis/importance';
import type { SearchSpace } from '../../core';
import type { TrialView } from '../../state/types';
import { hyperparamText, t } from '../messages/en';

/**
 * Which swept hyperparameters explain the objective most, as bars, with the method named. Plain HTML bars:
 * it redraws at every finished trial of a sweep, and a chart library's SVG cost ~30–60 ms a redraw.
 */
export const ImportanceChart = memo(function ImportanceChart({ space, trials }: { space: SearchSpace; trials: TrialView[] }) {
  const done = trials.filter((tr) => tr.status === 'complete' && tr.value !== undefined).map((tr) => ({ params: tr.params, value: tr.value as number }));
  const data = importance(space, done).map((i) => ({ ...i, label: i.name in hyperparamText ? hyperparamText[i.name as keyof typeof hyperparamText].label : i.name, pct: Math.round(i.eta2 * 100) }));
  return (
    <figure className="chart small" aria-label={t.importanceHeading}>
      <figcaption>{t.importanceHeading}</figcaption>
      {done.length < 3 ? <p className="help">{t.importanceNeeds}</p> : (
        <ul className="bars">
          {data.map((d) => (
            <li key={d.name} aria-label={t.importanceBar(d.label, d.pct)}>
              <span className="bar-label">{d.label}</span>
              <span className="bar-track"><span className="bar-fill" style={{ width: `${Math.min(100, Math.max(0, d.pct))}%` }} /></span>
              <span className="bar-value">{d.pct}%</span>
            </li>
          ))}
        </ul>
      )}
      <p className="help">{t.importanceMethod(IMPORTANCE_METHOD)}</p>
    </figure>
  );
});
