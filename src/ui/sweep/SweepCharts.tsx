import { memo, useMemo } from 'react';
import { CanvasPlot, type PlotAxis, type PlotDot, type PlotLine } from '../charts/CanvasPlot';
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

const formatTick = (v: number) => fmt(v, 2);

function TrialCurves({ trials, bestId, epochs }: { trials: TrialView[]; bestId: number | undefined; epochs: number }) {
  // Redrawn with every batch of epochs: a canvas (see CanvasPlot).
  const lines = useMemo<PlotLine[]>(() => trials.map((tr) => ({
    id: tr.id,
    label: `${t.trialNumber} ${tr.index + 1}`,
    points: downsample(tr.curve).map((p) => ({ x: p.epoch, y: p.valLoss })),
    color: tr.id === bestId ? '#dc2626' : palette[tr.index % palette.length],
    width: tr.id === bestId ? 3 : 1.5,
  })), [trials, bestId]);
  const x = useMemo<PlotAxis>(() => ({ domain: [1, Math.max(2, epochs)], ticks: epochTicks(epochs), label: t.epoch }), [epochs]);
  const best = trials.find((tr) => tr.id === bestId);
  return (
    <figure className="chart" aria-label={t.trialCurves}>
      <figcaption>{t.trialCurves}</figcaption>
      <CanvasPlot lines={lines} x={x} yFormat={formatTick} yName={t.valLoss} height={240}
        summary={t.trialCurvesSummary(trials.length, best ? best.index + 1 : null)} {...(bestId !== undefined ? { highlightId: bestId } : {})} />
    </figure>
  );
}

const ParamScatter = memo(function ParamScatter({ name, log, categorical, low, high, trials, bestId }: { name: HyperparamName; log: boolean; categorical: readonly string[] | null; low: number | null; high: number | null; trials: TrialView[]; bestId: number | undefined }) {
  const label = hyperparamText[name].label;
  const dots = useMemo<PlotDot[]>(() => trials
    .filter((tr) => tr.status === 'complete' && tr.value !== undefined && Number.isFinite(tr.value))
    .map((tr) => {
      const raw = tr.params[name];
      const x = categorical ? categorical.indexOf(String(raw)) : Number(raw);
      return { x, y: tr.value as number, color: tr.id === bestId ? '#dc2626' : '#2563eb', label: `${t.trialNumber} ${tr.index + 1}` };
    })
    .filter((p) => (log ? p.x > 0 : Number.isFinite(p.x))), [trials, bestId, name, categorical, log]);
  const x = useMemo<PlotAxis>(() => {
    if (categorical) return { domain: [-0.5, categorical.length - 0.5], ticks: categorical.map((_, i) => i), format: (i: number) => categorical[i] ?? '' };
    // Before the first finished trial, the searched range.
    const a = axisFor(dots.length > 0 || low === null || high === null ? dots.map((p) => p.x) : [low, high], log);
    return { domain: a.domain, ticks: a.ticks, log, format: formatTick };
  }, [dots, categorical, log, low, high]);
  const y = useMemo<PlotAxis>(() => axisFor(dots.map((p) => p.y), false), [dots]);
  return (
    <figure className="chart small" aria-label={t.paramVsObjective(label)}>
      <figcaption>{t.paramVsObjective(label)}{log ? ` (${t.logScale})` : ''}</figcaption>
      <CanvasPlot dots={dots} x={x} y={y} yFormat={formatTick} yName={t.objective.toLowerCase()} height={200} summary={t.scatterSummary(label, dots.length)} empty={t.noFinishedTrial} />
    </figure>
  );
});

const BestSoFarChart = memo(function BestSoFarChart({ trials, direction }: { trials: TrialView[]; direction: 'minimize' | 'maximize' }) {
  const { lines, dots, x } = useMemo(() => {
    const values = trials.filter((tr) => tr.status !== 'running').map((tr) => (tr.status === 'complete' ? tr.value : undefined));
    const best = bestSoFar(values, direction);
    const line: PlotLine = { id: 0, label: t.bestSoFar, step: true, color: '#dc2626', width: 2, points: best.map((b, i) => ({ x: i + 1, y: b })) };
    const pts: PlotDot[] = values.flatMap((v, i) => (v !== undefined && Number.isFinite(v) ? [{ x: i + 1, y: v, color: '#94a3b8', label: `${t.trialNumber} ${i + 1}` }] : []));
    const axis: PlotAxis = { domain: [1, Math.max(2, values.length)], ticks: epochTicks(values.length), label: t.trialNumber, hideInReadout: true };
    return { lines: [line], dots: pts, x: axis };
  }, [trials, direction]);
  const y = useMemo<PlotAxis>(() => axisFor(dots.map((d) => d.y), false), [dots]);
  return (
    <figure className="chart small" aria-label={t.bestSoFar}>
      <figcaption>{t.bestSoFar}</figcaption>
      <CanvasPlot lines={lines} dots={dots} x={x} y={y} yFormat={formatTick} yName={t.objective.toLowerCase()} height={200} summary={t.bestSoFarSummary(dots.length)} empty={t.noFinishedTrial} />
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
          const numeric = spec && spec.type !== 'categorical' ? spec : null;
          return <ParamScatter key={name} name={name} log={spec?.type !== 'categorical' && spec?.log === true} categorical={categorical}
            low={numeric ? numeric.low : null} high={numeric ? numeric.high : null} trials={finished} bestId={best} />;
        })}
      </div>
    </div>
  );
}
