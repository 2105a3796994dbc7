import { memo, useMemo, useRef, useState } from 'react';
import type { SearchSpace } from '../../core';
import type { TrialView } from '../../state/types';
import { hyperparamText, t } from '../messages/en';
import { fmt } from '../format';
import { passesBrushes, pcAxes, pcLine, pcValueAt } from './parallel';
import { objectiveColor } from '../compare/compareView';

const W = 760, H = 260, PAD = { top: 28, bottom: 24, left: 72, right: 72 };

/** All trials as lines across one axis per parameter and the objective; drag along an axis to filter. */
export const ParallelCoords = memo(function ParallelCoords({ space, trials, direction, objectiveLabel }: { space: SearchSpace; trials: TrialView[]; direction: 'minimize' | 'maximize'; objectiveLabel: string }) {
  const [brushes, setBrushes] = useState<Record<string, [number, number]>>({});
  const drag = useRef<{ axis: string; start: number } | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const done = trials.filter((tr) => tr.status === 'complete' && tr.value !== undefined);
  const values = done.map((tr) => tr.value as number);
  const labels = Object.fromEntries(Object.keys(space).map((n) => [n, n in hyperparamText ? hyperparamText[n as keyof typeof hyperparamText].label : n]));
  const valuesKey = values.join(',');
  // Rebuilt only when the values change, not on every redraw while brushing.
  const axes = useMemo(() => pcAxes(space, labels, objectiveLabel, values), [space, objectiveLabel, valuesKey]); // oxlint-disable-line react-hooks/exhaustive-deps
  const lo = Math.min(...values), hi = Math.max(...values);
  const xOf = (i: number) => PAD.left + (axes.length === 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (axes.length - 1));
  const yOf = (u: number) => PAD.top + (1 - u) * (H - PAD.top - PAD.bottom);
  const uOf = (clientY: number) => {
    const r = svg.current!.getBoundingClientRect();
    const y = ((clientY - r.top) / r.height) * H;
    return Math.max(0, Math.min(1, 1 - (y - PAD.top) / (H - PAD.top - PAD.bottom)));
  };
  const lines = done.map((tr) => ({ tr, pts: pcLine(axes, tr.params, tr.value) }));
  const kept = lines.filter((l) => passesBrushes(l.pts, axes, brushes));
  const path = (pts: number[]) => pts.map((u, i) => (Number.isFinite(u) ? `${i === 0 ? 'M' : 'L'}${xOf(i).toFixed(1)},${yOf(u).toFixed(1)}` : '')).join(' ');
  const active = Object.keys(brushes).length > 0;
  return (
    <figure className="chart wide" aria-label={t.parallelHeading}>
      <figcaption>
        {t.parallelHeading} · {active ? t.parallelKept(kept.length, lines.length) : t.parallelHint}
        {active ? <button type="button" className="link" onClick={() => setBrushes({})}>{t.parallelClear}</button> : null}
      </figcaption>
      <svg ref={svg} viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={t.parallelAria(lines.length, axes.length)}
        onPointerMove={(e) => {
          if (!drag.current) return;
          const d = drag.current;
          setBrushes((b) => ({ ...b, [d.axis]: [d.start, uOf(e.clientY)] }));
        }}
        onPointerUp={() => { drag.current = null; }}
        onPointerLeave={() => { drag.current = null; }}>
        {lines.map(({ tr, pts }) => (
          <path key={tr.id} d={path(pts)} fill="none" stroke={active && !kept.some((k) => k.tr.id === tr.id) ? '#e2e8f0' : objectiveColor(tr.value as number, lo, hi, direction)} strokeWidth={1.5} opacity={0.85} />
        ))}
        {axes.map((a, i) => {
          const ticks = a.kind === 'categorical' ? a.categories.map((_, k) => (a.categories.length === 1 ? 0.5 : k / (a.categories.length - 1))) : [0, 0.5, 1];
          const b = brushes[a.name];
          return (
            <g key={a.name} transform={`translate(${xOf(i)},0)`}>
              <line y1={yOf(0)} y2={yOf(1)} stroke="#475569" />
              <text y={PAD.top - 12} textAnchor="middle" fontSize={11} fontWeight={600}>{a.label}{a.kind === 'log' ? ' (log)' : ''}</text>
              {ticks.map((u) => {
                const v = pcValueAt(a, u);
                return <text key={u} x={-5} y={yOf(u) + 3} textAnchor="end" fontSize={9} fill="#64748b">{typeof v === 'number' ? fmt(v, 2) : v}</text>;
              })}
              {b ? <rect x={-6} width={12} y={yOf(Math.max(b[0], b[1]))} height={Math.abs(yOf(b[0]) - yOf(b[1]))} fill="#2563eb" opacity={0.25} /> : null}
              <rect x={-10} width={20} y={yOf(1)} height={yOf(0) - yOf(1)} fill="transparent" style={{ cursor: 'ns-resize' }}
                onPointerDown={(e) => { drag.current = { axis: a.name, start: uOf(e.clientY) }; (e.target as Element).setPointerCapture?.(e.pointerId); }}
                onDoubleClick={() => setBrushes((bs) => { const { [a.name]: _drop, ...rest } = bs; return rest; })} />
            </g>
          );
        })}
      </svg>
    </figure>
  );
});
