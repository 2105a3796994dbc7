import { memo, useMemo } from 'react';
import {
  CartesianGrid, Cell, Line, LineChart, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis,
} from 'recharts';
import { useApp } from '../StoreContext';
import { hyperparamText, t } from '../messages/en';
import { fmt } from '../format';
import { bestTrial } from '../../state/selectors';
import { bestSoFar } from '../../core';
import { objectiveDirection } from '../../sweep/config';
import type { HyperparamName } from '../../core/hyperparams';
import type { TrialView } from '../../state/types';
import { downsample } from '../charts/downsample';
import { ParallelCoords } from './ParallelCoords';
import { GridHeatmap } from './GridHeatmap';
import { ImportanceChart } from './ImportanceChart';
import { SurrogateView } from './SurrogateView';
import { axisFor, epochTicks } from '../charts/axes';

const palette = ['#94a3b8', '#a5b4fc', '#fdba74', '#86efac', '#f9a8d4', '#c4b5fd', '#fcd34d', '#67e8f9'];

function TrialCurves({ trials, bestId, epochs }: { trials: TrialView[]; bestId: number | undefined; epochs: number }) {
  const finite = (v: number) => (Number.isFinite(v) ? v : undefined);
  return (
    <figure className="chart" aria-label={t.trialCurves}>
      <figcaption>{t.trialCurves}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          <XAxis dataKey="epoch" type="number" domain={[1, Math.max(2, epochs)]} ticks={epochTicks(epochs)} allowDecimals={false} label={{ value: t.epoch, position: 'insideBottom', offset: -12 }} />
          <YAxis type="number" tickFormatter={(v: number) => fmt(v, 2)} width={56} domain={[0, 'auto']} />
          <Tooltip formatter={(v) => fmt(Number(v))} labelFormatter={(l) => `${t.epoch} ${l}`} />
          {trials.map((tr) => (
            <Line key={tr.id} data={downsample(tr.curve).map((p) => ({ epoch: p.epoch, valLoss: finite(p.valLoss) }))}
              dataKey="valLoss" name={`${t.trialNumber} ${tr.index + 1}`} dot={false} isAnimationActive={false}
              stroke={tr.id === bestId ? '#dc2626' : palette[tr.index % palette.length]}
              strokeWidth={tr.id === bestId ? 3 : 1.5} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}

const ParamScatter = memo(function ParamScatter({ name, log, categorical, trials, bestId }: { name: HyperparamName; log: boolean; categorical: readonly string[] | null; trials: TrialView[]; bestId: number | undefined }) {
  const label = hyperparamText[name].label;
  const points = trials
    .filter((tr) => tr.status === 'complete' && tr.value !== undefined && Number.isFinite(tr.value))
    .map((tr) => {
      const raw = tr.params[name];
      const x = categorical ? categorical.indexOf(String(raw)) : Number(raw);
      return { x, value: tr.value as number, id: tr.id, trial: tr.index + 1 };
    })
    .filter((p) => (log ? p.x > 0 : Number.isFinite(p.x)));
  const xAxis = axisFor(points.map((p) => p.x), log);
  const yAxis = axisFor(points.map((p) => p.value), false);
  return (
    <figure className="chart small" aria-label={t.paramVsObjective(label)}>
      <figcaption>{t.paramVsObjective(label)}{log ? ` (${t.logScale})` : ''}</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <ScatterChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          {categorical ? (
            <XAxis dataKey="x" type="number" domain={[-0.5, categorical.length - 0.5]} ticks={categorical.map((_, i) => i)}
              tickFormatter={(i: number) => categorical[i] ?? ''} name={label} />
          ) : (
            <XAxis dataKey="x" type="number" scale={log ? 'log' : 'linear'} domain={xAxis.domain} ticks={xAxis.ticks} tickFormatter={(v: number) => fmt(v, 2)} name={label} allowDataOverflow />
          )}
          <YAxis dataKey="value" type="number" domain={yAxis.domain} ticks={yAxis.ticks} tickFormatter={(v: number) => fmt(v, 2)} width={56} name={t.objective} allowDataOverflow />
          <ZAxis range={[50, 50]} />
          <Tooltip formatter={(v, n) => (n === label && categorical ? categorical[Number(v)] : fmt(Number(v)))} />
          <Scatter data={points} isAnimationActive={false}>
            {points.map((p) => <Cell key={p.id} fill={p.id === bestId ? '#dc2626' : '#2563eb'} />)}
          </Scatter>
        </ScatterChart>
      </ResponsiveContainer>
    </figure>
  );
});

const BestSoFarChart = memo(function BestSoFarChart({ trials, direction }: { trials: TrialView[]; direction: 'minimize' | 'maximize' }) {
  const values = trials.filter((tr) => tr.status !== 'running').map((tr) => (tr.status === 'complete' ? tr.value : undefined));
  const best = bestSoFar(values, direction);
  const data = best.map((b, i) => ({ trial: i + 1, best: b === undefined || !Number.isFinite(b) ? undefined : b, value: values[i] }));
  return (
    <figure className="chart small" aria-label={t.bestSoFar}>
      <figcaption>{t.bestSoFar}</figcaption>
      <ResponsiveContainer width="100%" height={200}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
          <XAxis dataKey="trial" type="number" domain={[1, Math.max(2, data.length)]} ticks={epochTicks(data.length)} allowDecimals={false} label={{ value: t.trialNumber, position: 'insideBottom', offset: -12 }} />
          <YAxis type="number" domain={['auto', 'auto']} tickFormatter={(v: number) => fmt(v, 2)} width={56} />
          <Tooltip formatter={(v) => fmt(Number(v))} />
          <Line dataKey="value" name="trial" stroke="none" dot={{ r: 3, fill: '#94a3b8', stroke: '#64748b', strokeWidth: 1 }} isAnimationActive={false} connectNulls={false} />
          <Line dataKey="best" name={t.bestSoFar} type="stepAfter" stroke="#dc2626" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

export function SweepCharts() {
  const trials = useApp((s) => s.trials);
  const record = useApp((s) => s.sweepRecord);
  const stepWaiting = useApp((s) => s.stepWaiting);
  const best = useApp((s) => bestTrial(s)?.id);
  const swept = useMemo(() => (record ? (Object.keys(record.config.space) as HyperparamName[]) : []), [record]);
  // Only the curves chart needs the running trials' epochs; the rest redraw when a trial finishes.
  const finishedKey = trials.map((tr) => (tr.status === 'running' ? '' : `${tr.id}:${tr.status}`)).join(',');
  const finished = useMemo(() => trials.filter((tr) => tr.status !== 'running'), [finishedKey]); // oxlint-disable-line react-hooks/exhaustive-deps
  if (!record || trials.length === 0) return null;
  const epochs = Math.max(record.config.fixed.epochs, ...trials.map((tr) => tr.hp.epochs));
  return (
    <div className="sweep-charts">
      <TrialCurves trials={trials} bestId={best} epochs={epochs} />
      <BestSoFarChart trials={finished} direction={objectiveDirection(record.config.objective)} />
      {record.config.sampler === 'gp' && !stepWaiting ? <div className="wide-row"><SurrogateView /></div> : null}
      {swept.length >= 2 ? <ImportanceChart space={record.config.space} trials={finished} /> : null}
      {record.config.sampler === 'grid' && swept.length === 2 ? <GridHeatmap space={record.config.space} trials={finished} direction={objectiveDirection(record.config.objective)} /> : null}
      {swept.length >= 1 ? (
        <div className="wide-row">
          <ParallelCoords space={record.config.space} trials={finished} direction={objectiveDirection(record.config.objective)}
            objectiveLabel={record.config.objective === 'valLoss' ? t.valLoss : t.valAccuracy} />
        </div>
      ) : null}
      <div className="scatters">
        {swept.map((name) => {
          const spec = record.config.space[name];
          const categorical = spec?.type === 'categorical' ? spec.choices.map(String) : null;
          return <ParamScatter key={name} name={name} log={spec?.type !== 'categorical' && spec?.log === true} categorical={categorical} trials={finished} bestId={best} />;
        })}
      </div>
    </div>
  );
}
