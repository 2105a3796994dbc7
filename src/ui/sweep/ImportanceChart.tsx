import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { importance, IMPORTANCE_METHOD } from '../../core/analysis/importance';
import type { SearchSpace } from '../../core';
import type { TrialView } from '../../state/types';
import { hyperparamText, t } from '../messages/en';

/** Which swept hyperparameters explain the objective most, as bars, with the method named. */
export const ImportanceChart = memo(function ImportanceChart({ space, trials }: { space: SearchSpace; trials: TrialView[] }) {
  const done = trials.filter((tr) => tr.status === 'complete' && tr.value !== undefined).map((tr) => ({ params: tr.params, value: tr.value as number }));
  const data = importance(space, done).map((i) => ({ ...i, label: i.name in hyperparamText ? hyperparamText[i.name as keyof typeof hyperparamText].label : i.name, pct: Math.round(i.eta2 * 100) }));
  return (
    <figure className="chart small" aria-label={t.importanceHeading}>
      <figcaption>{t.importanceHeading}</figcaption>
      {done.length < 3 ? <p className="help">{t.importanceNeeds}</p> : (
        <ResponsiveContainer width="100%" height={Math.max(90, 34 * data.length + 40)}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 24, bottom: 16, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
            <XAxis type="number" domain={[0, 100]} tickFormatter={(v: number) => `${v}%`} />
            <YAxis type="category" dataKey="label" width={120} />
            <Tooltip formatter={(v) => `${v}% of the variance`} />
            <Bar dataKey="pct" fill="#2563eb" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
      <p className="help">{t.importanceMethod(IMPORTANCE_METHOD)}</p>
    </figure>
  );
});
