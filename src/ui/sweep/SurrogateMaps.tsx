import { useEffect, useRef } from 'react';
import type { SurrogateMap } from '../../core/samplers/gp/surrogate';
import { hyperparamText, t } from '../messages/en';
import { fmt } from '../format';
import { objectiveColor } from '../compare/compareView';
import type { HyperparamName } from '../../core/hyperparams';

const SIZE = 220;
const labelOf = (n: string) => hyperparamText[n as HyperparamName]?.label ?? n;

function Heat({ values, lo, hi, goodIsLow, map, title, logX, logY }: { values: Float64Array; lo: number; hi: number; goodIsLow: boolean; map: SurrogateMap; title: string; logX: boolean; logY: boolean }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const res = map.xs.length;
    const cell = SIZE / res;
    for (let j = 0; j < res; j++) for (let i = 0; i < res; i++) {
      ctx.fillStyle = objectiveColor(values[j * res + i], lo, hi, goodIsLow ? 'minimize' : 'maximize');
      ctx.fillRect(i * cell, j * cell, cell + 0.5, cell + 0.5);
    }
    const pos = (v: number, a: number, b: number, log: boolean) => (log ? (Math.log(v) - Math.log(a)) / (Math.log(b) - Math.log(a)) : (v - a) / (b - a));
    const [x0, x1] = [map.xs[0], map.xs[res - 1]], [y0, y1] = [map.ys[res - 1], map.ys[0]];
    const px = (v: number) => (cell / 2) + pos(v, x0, x1, logX) * (SIZE - cell);
    const py = (v: number) => SIZE - (cell / 2) - pos(v, y0, y1, logY) * (SIZE - cell);
    for (const o of map.observed) {
      ctx.beginPath();
      ctx.arc(px(o.x), py(o.y), 3.5, 0, Math.PI * 2);
      ctx.fillStyle = '#ffffff';
      ctx.strokeStyle = '#0f172a';
      ctx.fill();
      ctx.stroke();
    }
    ctx.strokeStyle = '#dc2626';
    ctx.lineWidth = 2;
    const bx = px(map.best.x), by = py(map.best.y);
    ctx.beginPath();
    ctx.moveTo(bx - 6, by - 6); ctx.lineTo(bx + 6, by + 6); ctx.moveTo(bx + 6, by - 6); ctx.lineTo(bx - 6, by + 6);
    ctx.stroke();
  }, [values, lo, hi, goodIsLow, map, logX, logY]);
  return (
    <div className="surrogate-map">
      <div className="map-title">{title}</div>
      <canvas ref={ref} width={SIZE} height={SIZE} role="img" aria-label={`${title}: ${labelOf(map.params[0])} across, ${labelOf(map.params[1])} up; dots are trials, the cross the most promising point`} />
      <div className="map-axis">{labelOf(map.params[0])}{logX ? ` (${t.logScale})` : ''}: {fmt(map.xs[0], 2)} → {fmt(map.xs.at(-1)!, 2)} · {labelOf(map.params[1])}{logY ? ` (${t.logScale})` : ''}: {fmt(map.ys.at(-1)!, 2)} ↑ {fmt(map.ys[0], 2)}</div>
    </div>
  );
}

/** Two heatmaps over two parameters: what the GP expects (mean), and where it would look next (acquisition). */
export function SurrogateMaps({ map, direction, logX, logY }: { map: SurrogateMap; direction: 'minimize' | 'maximize'; logX: boolean; logY: boolean }) {
  const range = (v: Float64Array) => { const f = Array.from(v).filter(Number.isFinite); return [Math.min(...f), Math.max(...f)] as const; };
  const [mlo, mhi] = range(map.mean);
  const [alo, ahi] = range(map.logEI);
  return (
    <div className="surrogate-maps" role="group" aria-label={t.surrogateMaps}>
      <Heat values={map.mean} lo={mlo} hi={mhi} goodIsLow={direction === 'minimize'} map={map} title={t.surrogateMapMean} logX={logX} logY={logY} />
      <Heat values={map.logEI} lo={Math.max(alo, ahi - 30)} hi={ahi} goodIsLow={false} map={map} title={t.surrogateMapAcq} logX={logX} logY={logY} />
    </div>
  );
}
