import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { fmt } from '../format';
import { downsample } from './downsample';
import { epochTicks } from './axes';

export function LossChart() {
  const epochs = useApp((s) => s.epochs);
  const total = useApp((s) => s.totalEpochs);
  const classification = useApp((s) => s.prepared?.dataset.task === 'classification');
  const data = downsample(epochs);
  return (
    <figure className="chart" aria-label={t.lossHeading}>
      <figcaption>{t.lossHeading}</figcaption>
      {epochs.length === 0 ? <p className="chart-empty">{t.lossEmpty}</p> : null}
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          <XAxis dataKey="epoch" type="number" domain={[1, Math.max(2, total)]} ticks={epochTicks(total)} allowDecimals={false}
            label={{ value: t.epoch, position: 'insideBottom', offset: -12 }} />
          <YAxis yAxisId="loss" tickFormatter={(v: number) => fmt(v, 2)} width={56} domain={[0, 'auto']} />
          {classification ? <YAxis yAxisId="acc" orientation="right" domain={[0, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={44} /> : null}
          <Tooltip formatter={(v) => fmt(Number(v))} labelFormatter={(l) => `${t.epoch} ${l}`} />
          <Legend verticalAlign="top" height={24} />
          <Line yAxisId="loss" type="monotone" dataKey="trainLoss" name={t.trainLoss} stroke="#2563eb" dot={false} isAnimationActive={false} strokeWidth={2} />
          <Line yAxisId="loss" type="monotone" dataKey="valLoss" name={t.valLoss} stroke="#ea580c" dot={false} isAnimationActive={false} strokeWidth={2} />
          {classification ? (
            <Line yAxisId="acc" type="monotone" dataKey="valAccuracy" name={t.valAccuracy} stroke="#16a34a" dot={false} isAnimationActive={false} strokeDasharray="4 3" />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
