import { useEffect, useId, useState } from 'react';
import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { useApp } from '../StoreContext';
import { hyperparamText, t } from '../messages/en';
import { fmt } from '../format';
import { axisFor } from '../charts/axes';
import type { HyperparamName } from '../../core/hyperparams';
import { SurrogateMaps } from './SurrogateMaps';
import type { ParamSpec } from '../../core';

const isLogParam = (sp: ParamSpec | undefined) => !!sp && sp.type !== 'categorical' && sp.log === true;

const labelOf = (n: string) => hyperparamText[n as HyperparamName]?.label ?? n;

/**
 * Inside the Bayesian search: the GP's mean with a band of two standard deviations along one parameter, the
 * trials, and the acquisition (log expected improvement) under it, with the next point marked.
 */
export function SurrogateView() {
  const id = useId();
  const record = useApp((s) => s.sweepRecord);
  const surrogate = useApp((s) => s.surrogate);
  const request = useApp((s) => s.requestSurrogate);
  const finished = useApp((s) => s.trials.filter((x) => x.status === 'complete').length);
  const proposed = useApp((s) => (s.stepWaiting ? s.trials.find((x) => x.id === s.current?.trialId)?.params : undefined));
  const numeric = record ? Object.entries(record.config.space).filter(([, sp]) => sp.type !== 'categorical').map(([n]) => n) : [];
  const [param, setParam] = useState<string | null>(null);
  const axis = param && numeric.includes(param) ? param : numeric[0] ?? null;
  const isGp = record?.config.sampler === 'gp';
  const second = numeric.find((n) => n !== axis);
  useEffect(() => {
    if (isGp && axis && finished >= 2) request(axis, second);
  }, [isGp, axis, second, finished, request]);
  if (!record || !isGp || !axis) return null;
  const spec = record.config.space[axis];
  const log = spec.type !== 'categorical' && spec.log === true;
  const c = surrogate && surrogate.param === axis ? surrogate.curve : null;
  const rows = c ? c.xs.map((x, i) => ({ x, mean: c.mean[i], band: [c.mean[i] - 2 * c.sd[i], c.mean[i] + 2 * c.sd[i]] as [number, number], acq: c.logEI[i] })) : [];
  const obs = c ? c.observed.map((o) => ({ x: o.x, observed: o.value })) : [];
  const next = proposed && typeof proposed[axis] === 'number' ? (proposed[axis] as number) : c?.bestX;
  const xAxis = axisFor(c ? c.xs : [], log, 0);
  const yAxis = axisFor(c ? [...c.mean.map((m, i) => m - 2 * c.sd[i]), ...c.mean.map((m, i) => m + 2 * c.sd[i]), ...c.observed.map((o) => o.value)] : [], false, 0.05);
  const acqFinite = rows.map((r) => r.acq).filter((v) => Number.isFinite(v));
  const acqLo = Math.max(Math.min(...acqFinite), Math.max(...acqFinite) - 30);
  const xProps = { dataKey: 'x', type: 'number' as const, scale: log ? ('log' as const) : ('linear' as const), domain: xAxis.domain, ticks: xAxis.ticks, tickFormatter: (v: number) => fmt(v, 2), allowDataOverflow: true };
  return (
    <figure className="chart" aria-label={t.surrogateHeading}>
      <figcaption>
        {t.surrogateHeading}{' '}
        <label htmlFor={`${id}-p`} className="inline">{t.surrogateAlong}</label>{' '}
        <select id={`${id}-p`} value={axis} onChange={(e) => setParam(e.target.value)}>
          {numeric.map((n) => <option key={n} value={n}>{labelOf(n)}</option>)}
        </select>
      </figcaption>
      {finished < 2 ? <p className="help">{t.surrogateNeeds}</p> : null}
      {surrogate?.error ? <p className="error">{surrogate.error}</p> : null}
      {c ? (
        <>
          <p className="help">{t.surrogateHeld(Object.entries(c.heldAt).filter(([k]) => k !== axis).map(([k, v]) => `${labelOf(k)} = ${typeof v === 'number' ? fmt(v) : String(v)}`).join(', '))}</p>
          <ResponsiveContainer width="100%" height={220}>
            <ComposedChart data={rows} margin={{ top: 22, right: 24, bottom: 4, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
              <XAxis {...xProps} hide />
              <YAxis type="number" domain={yAxis.domain} ticks={yAxis.ticks} tickFormatter={(v: number) => fmt(v, 2)} width={56} allowDataOverflow />
              <Tooltip formatter={(v) => (Array.isArray(v) ? v.map((x) => fmt(Number(x))).join(' – ') : fmt(Number(v)))} />
              <Area dataKey="band" name={t.surrogateBand} stroke="none" fill="#93c5fd" fillOpacity={0.45} isAnimationActive={false} />
              <Line dataKey="mean" name={t.surrogateMean} stroke="#1d4ed8" dot={false} strokeWidth={2} isAnimationActive={false} />
              <Scatter data={obs} dataKey="observed" name={t.surrogateObserved} fill="#0f172a" isAnimationActive={false} />
              {next !== undefined && Number.isFinite(next) ? <ReferenceLine x={next} stroke="#dc2626" strokeDasharray="4 3" label={{ value: t.surrogateNext, position: 'top', fill: '#dc2626', fontSize: 11 }} /> : null}
            </ComposedChart>
          </ResponsiveContainer>
          <ResponsiveContainer width="100%" height={120}>
            <ComposedChart data={rows} margin={{ top: 4, right: 24, bottom: 24, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
              <XAxis {...xProps} label={{ value: `${labelOf(axis)}${log ? ` (${t.logScale})` : ''}`, position: 'insideBottom', offset: -12 }} />
              <YAxis type="number" domain={[acqLo, 'auto']} tickFormatter={(v: number) => fmt(v, 2)} width={56} allowDataOverflow label={{ value: 'log EI', angle: -90, position: 'insideLeft', fontSize: 11 }} />
              <Line dataKey="acq" name={t.surrogateAcq} stroke="#16a34a" dot={false} strokeWidth={2} isAnimationActive={false} />
              {next !== undefined && Number.isFinite(next) ? <ReferenceLine x={next} stroke="#dc2626" strokeDasharray="4 3" /> : null}
            </ComposedChart>
          </ResponsiveContainer>
        </>
      ) : null}
      {surrogate?.map && surrogate.param === axis ? <SurrogateMaps map={surrogate.map} direction={record.config.objective === 'valLoss' ? 'minimize' : 'maximize'} logX={log} logY={second ? isLogParam(record.config.space[second]) : false} /> : null}
    </figure>
  );
}
