import { useId, useMemo } from 'react';
import { Area, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { useApp } from '../StoreContext';
import { hyperparamText, samplerText, t } from '../messages/en';
import { fmt, fmtDuration } from '../format';
import { summarize } from '../../compare/summary';
import { syntheticObjectives } from '../../compare/synthetic';
import type { SamplerName } from '../../core';
import { TPE_STARTUP } from '../../core/samplers/tpe';
import { isBusy } from '../../state/selectors';
import type { CompareSource } from '../../state/types';
import { bandRows, objectiveColor, samplePoints } from './compareView';
import { axisFor, epochTicks } from '../charts/axes';
import { NumberField } from '../controls/NumberField';

const methods: SamplerName[] = ['grid', 'random', 'gp', 'tpe'];
const colors: Record<string, string> = { grid: '#64748b', random: '#ea580c', gp: '#2563eb', tpe: '#16a34a' };

function Controls() {
  const id = useId();
  const s = useApp((st) => st);
  const busy = useApp(isBusy);
  const running = s.compareStatus === 'running';
  return (
    <div className="compare-controls">
      <fieldset>
        <legend>{t.method}</legend>
        {methods.map((m) => (
          <label key={m} className="inline">
            <input type="checkbox" aria-label={t.compareMethod(samplerText[m].label)} checked={s.compareMethods.includes(m)} disabled={running}
              onChange={(e) => s.setCompareOption({ compareMethods: e.target.checked ? methods.filter((x) => x === m || s.compareMethods.includes(x)) : s.compareMethods.filter((x) => x !== m) })} />
            {samplerText[m].label}
          </label>
        ))}
      </fieldset>
      <div className="control-row">
        <div className="control">
          <label htmlFor={`${id}-src`}>{t.compareSource}</label>
          <select id={`${id}-src`} value={s.compareSource} disabled={running} onChange={(e) => s.setCompareOption({ compareSource: e.target.value as CompareSource })}>
            {syntheticObjectives.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            <option value="training">{t.compareSourceTraining}</option>
          </select>
          <p className="help">{syntheticObjectives.find((o) => o.id === s.compareSource)?.description ?? ''}</p>
        </div>
        <div className="control">
          <label htmlFor={`${id}-b`}>{t.compareBudget}</label>
          <NumberField id={`${id}-b`} integer min={2} max={200} value={s.compareBudget} disabled={running} onCommit={(v) => s.setCompareOption({ compareBudget: v })} />
        </div>
        <div className="control">
          <label htmlFor={`${id}-r`}>{t.compareRepeats}</label>
          <NumberField id={`${id}-r`} integer min={1} max={10} value={s.compareRepeats} disabled={running} onCommit={(v) => s.setCompareOption({ compareRepeats: v })} />
        </div>
        <div className="control">
          <label htmlFor={`${id}-t`}>{t.compareTarget}</label>
          <input id={`${id}-t`} type="text" inputMode="decimal" size={8} value={s.compareTarget} onChange={(e) => s.setCompareOption({ compareTarget: e.target.value })} />
        </div>
        <div className="control">
          <label htmlFor={`${id}-s`}>{t.compareSeed}</label>
          <NumberField id={`${id}-s`} integer min={0} max={2 ** 31 - 1} value={s.compareSeed} disabled={running} onCommit={(v) => s.setCompareOption({ compareSeed: v })} />
        </div>
      </div>
      <p className="help">{t.compareTargetHelp}</p>
      <div className="train-bar">
        <button type="button" className="primary" onClick={s.startCompare} disabled={busy || s.compareMethods.length === 0}>{t.runCompare}</button>
        <button type="button" onClick={s.stopCompare} disabled={!running}>{t.stopCompare}</button>
      </div>
    </div>
  );
}

/** A hyperparameter's label (learningRate -> Learning rate); other names (x1 of Branin) as they are. */
const paramLabel = (name: string): string => (name in hyperparamText ? hyperparamText[name as keyof typeof hyperparamText].label : name);

function Results() {
  const trials = useApp((s) => s.compareTrials);
  const run = useApp((s) => s.compareRun);
  const targetText = useApp((s) => s.compareTarget);
  const status = useApp((s) => s.compareStatus);
  const message = useApp((s) => s.compareMessage);
  const target = targetText.trim() !== '' && Number.isFinite(Number(targetText)) ? Number(targetText) : null;
  const summaries = useMemo(() => (run ? summarize(trials, run.config.methods, run.config.direction, target) : []), [trials, run, target]);
  if (!run) return message ? <p className="error" role="alert">{message}</p> : null;
  const synthetic = run.optimum !== null;
  const ranked = summaries.filter((s) => Number.isFinite(s.bestMedian));
  const winner = ranked.length > 1 ? ranked.reduce((a, b) => ((run.config.direction === 'minimize' ? b.bestMedian < a.bestMedian : b.bestMedian > a.bestMedian) ? b : a)).method : null;
  const rows = bandRows(summaries, run.optimum);
  const budget = run.config.budget;
  const yValues = rows.flatMap((r) => run.config.methods.flatMap((m) => { const b = r[`${m}Band`]; return Array.isArray(b) ? b : []; }));
  const yAxis = axisFor(yValues, synthetic);
  const [xName, yName] = [run.paramNames[0], run.paramNames[1] ?? null];
  const values = trials.filter((x) => x.value !== undefined).map((x) => x.value as number);
  const lo = Math.min(...values), hi = Math.max(...values);
  const spaceSpec = (n: string) => run.config.space[n];
  const isLog = (n: string | null) => { const sp = n ? spaceSpec(n) : undefined; return !!sp && sp.type !== 'categorical' && sp.log === true; };
  // Lines that look wrong but are right: say why.
  const methods = run.config.methods;
  const notes = [
    ...(methods.includes('tpe') && methods.includes('random') ? [budget > TPE_STARTUP ? t.compareTpeStartup(TPE_STARTUP) : t.compareTpeAllRandom(TPE_STARTUP, budget)] : []),
    // On real training each repeat also trains with other seeds, so grid repeats differ there.
    ...(methods.includes('grid') && run.config.repeats > 1 && synthetic ? [t.compareGridRepeats] : []),
  ];
  return (
    <div className="compare-results">
      {message ? <p className="note">{message}</p> : null}
      {status !== 'running' && status !== 'idle' ? <p className="muted">{t.compareDone(trials.length)}</p> : null}
      <figure className="chart" aria-label={t.compareBestSoFar}>
        <figcaption>{t.compareBestSoFar}{synthetic ? ` · ${t.compareGap}` : ''}</figcaption>
        <ResponsiveContainer width="100%" height={280}>
          <ComposedChart data={rows} margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
            <XAxis dataKey="trial" type="number" domain={[1, Math.max(2, budget)]} ticks={epochTicks(budget)} allowDecimals={false} label={{ value: t.trialNumber, position: 'insideBottom', offset: -12 }} />
            <YAxis type="number" scale={synthetic ? 'log' : 'linear'} domain={yAxis.domain} ticks={yAxis.ticks} tickFormatter={(v: number) => fmt(v, 2)} width={60} allowDataOverflow />
            <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => fmt(Number(x))).join(' – ') : fmt(Number(v)))} labelFormatter={(l) => `${t.trialNumber} ${l}`} />
            <Legend verticalAlign="top" height={24} />
            {summaries.map((s) => (
              <Area key={`${s.method}-band`} dataKey={`${s.method}Band`} name={t.compareBand(samplerText[s.method].label)} type="stepAfter" stroke="none" fill={colors[s.method]} fillOpacity={0.15} isAnimationActive={false} legendType="none" connectNulls />
            ))}
            {summaries.map((s) => (
              <Line key={s.method} dataKey={s.method} name={samplerText[s.method].label} stroke={colors[s.method]} strokeWidth={2} dot={false} isAnimationActive={false} type="stepAfter" connectNulls />
            ))}
          </ComposedChart>
        </ResponsiveContainer>
      </figure>
      {notes.map((n) => <p key={n} className="help">{n}</p>)}
      <p className="help">{t.compareColourKey}</p>
      <div className="scatters">
        {run.config.methods.map((m) => {
          const pts = samplePoints(trials, m, xName, yName);
          const xa = axisFor(pts.map((p) => p.x), isLog(xName));
          const ya = axisFor(pts.map((p) => p.y), yName ? isLog(yName) : false);
          return (
            <figure key={m} className="chart small" aria-label={t.compareWhere(samplerText[m].label)}>
              <figcaption>{t.compareWhere(samplerText[m].label)}</figcaption>
              <ResponsiveContainer width="100%" height={200}>
                <ScatterChart margin={{ top: 8, right: 12, bottom: 20, left: 4 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
                  <XAxis dataKey="x" type="number" name={paramLabel(xName)} scale={isLog(xName) ? 'log' : 'linear'} domain={xa.domain} ticks={xa.ticks} tickFormatter={(v: number) => fmt(v, 2)} allowDataOverflow label={{ value: paramLabel(xName), position: 'insideBottom', offset: -8 }} />
                  <YAxis dataKey="y" type="number" name={yName ? paramLabel(yName) : 'value'} scale={yName && isLog(yName) ? 'log' : 'linear'} domain={ya.domain} ticks={ya.ticks} tickFormatter={(v: number) => fmt(v, 2)} width={48} allowDataOverflow />
                  <ZAxis range={[30, 30]} />
                  <Tooltip formatter={(v) => fmt(Number(v))} />
                  <Scatter data={pts} isAnimationActive={false}>
                    {pts.map((p, i) => <Cell key={i} fill={objectiveColor(p.value, lo, hi, run.config.direction)} />)}
                  </Scatter>
                </ScatterChart>
              </ResponsiveContainer>
            </figure>
          );
        })}
      </div>
      <table className="trial-table">
        <caption>{t.compareSummary}</caption>
        <thead>
          <tr>
            <th scope="col">{t.method}</th>
            <th scope="col">{t.compareBest}</th>
            <th scope="col">{t.compareToTarget}</th>
            <th scope="col">{t.compareReached}</th>
            <th scope="col">{t.trialTable}</th>
            <th scope="col">{t.compareTime}</th>
          </tr>
        </thead>
        <tbody>
          {summaries.map((s) => (
            <tr key={s.method} className={s.method === winner ? 'best' : undefined}>
              <td>{samplerText[s.method].label}{s.method === winner ? ` ★ ${t.compareWinner}` : ''}</td>
              <td>{Number.isFinite(s.bestMedian) ? `${fmt(s.bestMedian)} [${fmt(s.bestLow)} – ${fmt(s.bestHigh)}]` : '–'}</td>
              <td>{target === null ? '–' : s.trialsToTargetMedian === null ? t.compareNever : fmt(s.trialsToTargetMedian)}</td>
              <td>{target === null ? '–' : `${s.reachedTarget} of ${s.repeats}`}</td>
              <td>{s.trials}</td>
              <td>{fmtDuration(s.totalMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CompareView() {
  return (
    <section className="panel" aria-labelledby="compare-heading">
      <h2 id="compare-heading">{t.compareHeading}</h2>
      <p className="help">{t.compareIntro}</p>
      <Controls />
      <Results />
    </section>
  );
}
