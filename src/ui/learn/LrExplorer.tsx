import { useMemo, useState } from 'react';
import { CartesianGrid, Cell, Line, LineChart, ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { fmt } from '../format';
import { classify, type ScanPoint, type Zone } from '../../lr/zones';
import { isBusy } from '../../state/selectors';
import { axisFor, epochTicks, logTicks } from '../charts/axes';

const zoneColor: Record<Zone, string> = { tooLow: '#bfdbfe', good: '#bbf7d0', tooHigh: '#fed7aa', diverged: '#fecaca' };
const dotColor: Record<Zone, string> = { tooLow: '#2563eb', good: '#16a34a', tooHigh: '#ea580c', diverged: '#dc2626' };

/** Consecutive rates of one zone become one shaded band; a band ends halfway (in log space) to the next rate. */
function zoneBands(points: { rate: number; zone: Zone }[], x0: number, x1: number) {
  const bands: { zone: Zone; from: number; to: number }[] = [];
  points.forEach((p, i) => {
    const from = i === 0 ? x0 : Math.sqrt(points[i - 1].rate * p.rate);
    const to = i === points.length - 1 ? x1 : Math.sqrt(p.rate * points[i + 1].rate);
    const last = bands.at(-1);
    if (last && last.zone === p.zone) last.to = to;
    else bands.push({ zone: p.zone, from, to });
  });
  return bands;
}

export function LrExplorer() {
  const status = useApp((s) => s.scanStatus);
  const plan = useApp((s) => s.scanPlan);
  const scanPoints = useApp((s) => s.scanPoints);
  const current = useApp((s) => s.scanCurrent);
  const start = useApp((s) => s.startScan);
  const stop = useApp((s) => s.stopScan);
  const useRange = useApp((s) => s.useScanRange);
  const busy = useApp(isBusy);
  const ready = useApp((s) => s.prepared !== null);
  const [showCurves, setShowCurves] = useState(false);
  const done = useMemo(() => scanPoints.filter((p): p is ScanPoint => p !== null), [scanPoints]);
  const running = status === 'running';
  // Zones are relative to every rate tried (the scan goes from low to high): judge them once it has ended.
  const result = useMemo(() => (running ? { zones: done.map(() => 'pending' as const), good: null } : classify(done)), [done, running]);

  const finals = done.map((p, i) => ({ rate: p.rate, zone: result.zones[i], loss: p.diverged || p.curve.length === 0 ? NaN : p.curve[p.curve.length - 1] }));
  // Diverged rates have no loss: they sit in a strip above the highest finite one.
  const finite = axisFor(finals.map((f) => f.loss), true);
  const yStrip = finite.domain[1] * 1.6;
  const yAxis = { domain: [finite.domain[0], yStrip * 1.6] as [number, number], ticks: finite.ticks };
  const pts = finals.map((f) => ({ ...f, y: Number.isFinite(f.loss) ? f.loss : yStrip }));
  // Curves: a diverging run's last finite losses can be astronomically large; keep the axis on the useful part.
  const curveValues = done.filter((_, i) => result.zones[i] !== 'diverged').flatMap((p) => p.curve);
  const curveAxis = axisFor(curveValues.length ? curveValues : done.flatMap((p) => p.curve), true);
  const x0 = plan ? plan.rates[0] / 1.6 : 1e-5, x1 = plan ? plan.rates[plan.rates.length - 1] * 1.6 : 10;
  const bands = running ? [] : zoneBands(pts.filter((p): p is typeof p & { zone: Zone } => p.zone !== 'pending'), x0, x1);

  return (
    <section className="panel" aria-labelledby="lr-heading">
      <h2 id="lr-heading">{t.scanHeading}</h2>
      <p className="help">{t.scanIntro}</p>
      <div className="train-bar">
        <button type="button" className="primary" onClick={start} disabled={busy || !ready}>{t.scanStart}</button>
        <button type="button" onClick={stop} disabled={!running}>{t.scanStop}</button>
        <button type="button" onClick={useRange} disabled={running || !result.good}>{t.scanUseRange}</button>
        {result.good ? <span className="note">{t.scanGood(result.good[0], result.good[1])}</span> : null}
      </div>
      {plan ? (
        <>
          <figure className="chart" aria-label={t.scanChart}>
            <figcaption>{t.scanChart} ({t.logScale})</figcaption>
            <ul className="zone-legend" aria-label="Zones">
              {running ? <li>{t.scanZonesLater}</li> : (['tooLow', 'good', 'tooHigh', 'diverged'] as Zone[]).map((z) => (
                <li key={z}><span className="swatch" style={{ background: zoneColor[z] }} />{t.zoneNames[z]}: {result.zones.filter((x) => x === z).length}</li>
              ))}
            </ul>
            <ResponsiveContainer width="100%" height={260}>
              <ScatterChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
                {bands.map((b, i) => (
                  <ReferenceArea key={i} x1={b.from} x2={b.to} fill={zoneColor[b.zone]} fillOpacity={0.6} ifOverflow="hidden"
                    label={{ value: t.zoneNames[b.zone], position: 'insideTop', fontSize: 11, fill: '#334155' }} />
                ))}
                <XAxis dataKey="rate" type="number" scale="log" domain={[x0, x1]} ticks={logTicks(x0, x1)} tickFormatter={(v: number) => fmt(v, 1)} allowDataOverflow
                  label={{ value: `${t.scanRateAxis} (${t.logScale})`, position: 'insideBottom', offset: -12 }} name="learning rate" />
                <YAxis dataKey="y" type="number" scale="log" domain={yAxis.domain} ticks={yAxis.ticks} tickFormatter={(v: number) => fmt(v, 2)} width={56} allowDataOverflow name={t.scanLossAxis} />
                <ZAxis range={[70, 70]} />
                <Tooltip formatter={(v) => fmt(Number(v))} />
                <Scatter data={pts} isAnimationActive={false} shape="circle">
                  {pts.map((p) => <Cell key={p.rate} fill={p.zone === 'pending' ? '#64748b' : dotColor[p.zone]} />)}
                </Scatter>
              </ScatterChart>
            </ResponsiveContainer>
          </figure>
          <label className="inline">
            <input type="checkbox" checked={showCurves} onChange={(e) => setShowCurves(e.target.checked)} /> {t.scanCurves}
          </label>
          {showCurves ? (
            <figure className="chart" aria-label={t.scanCurvesChart}>
              <figcaption>{t.scanCurvesChart}</figcaption>
              <ResponsiveContainer width="100%" height={240}>
                <LineChart margin={{ top: 8, right: 24, bottom: 24, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" stroke="#e3e6ea" />
                  <XAxis dataKey="epoch" type="number" domain={[1, Math.max(2, plan.epochs)]} ticks={epochTicks(plan.epochs)} allowDecimals={false} label={{ value: t.epoch, position: 'insideBottom', offset: -12 }} />
                  <YAxis type="number" scale="log" domain={curveAxis.domain} ticks={curveAxis.ticks} tickFormatter={(v: number) => fmt(v, 2)} width={56} allowDataOverflow />
                  <Tooltip formatter={(v) => fmt(Number(v))} />
                  {[...done.map((p, i) => ({ p, zone: result.zones[i] })), ...(current ? [{ p: { rate: plan.rates[current.index], curve: current.curve, diverged: false }, zone: 'good' as Zone }] : [])].map(({ p, zone }) => (
                    <Line key={p.rate} data={p.curve.map((v, e) => ({ epoch: e + 1, v }))} dataKey="v" name={`rate ${p.rate}`} stroke={zone === 'pending' ? '#64748b' : dotColor[zone]} dot={false} isAnimationActive={false} />
                  ))}
                </LineChart>
              </ResponsiveContainer>
            </figure>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
