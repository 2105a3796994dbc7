import { memo } from 'react';
import type { SearchSpace } from '../../core';
import type { TrialView } from '../../state/types';
import { hyperparamText, t } from '../messages/en';
import { fmt } from '../format';
import { objectiveColor } from '../compare/compareView';

const labelOf = (n: string) => (n in hyperparamText ? hyperparamText[n as keyof typeof hyperparamText].label : n);

/** For a grid over two parameters: one cell per grid point, coloured by its objective. */
export const GridHeatmap = memo(function GridHeatmap({ space, trials, direction }: { space: SearchSpace; trials: TrialView[]; direction: 'minimize' | 'maximize' }) {
  const [xn, yn] = Object.keys(space);
  const key = (v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(6)) : String(v));
  const sortVals = (vs: (string | number)[]) => [...new Set(vs)].sort((a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))));
  const xs = sortVals(trials.map((tr) => key(tr.params[xn])));
  const ys = sortVals(trials.map((tr) => key(tr.params[yn]))).reverse();
  const done = trials.filter((tr) => tr.status === 'complete' && tr.value !== undefined);
  const values = done.map((tr) => tr.value as number);
  const lo = Math.min(...values), hi = Math.max(...values);
  const goodHalf = (v: number) => (hi > lo ? (direction === 'minimize' ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo)) < 0.35 : true);
  const cell = (x: string | number, y: string | number) => trials.find((tr) => key(tr.params[xn]) === x && key(tr.params[yn]) === y);
  return (
    <figure className="chart" aria-label={t.gridHeatmap(labelOf(xn), labelOf(yn))}>
      <figcaption>{t.gridHeatmap(labelOf(xn), labelOf(yn))}</figcaption>
      <table className="heatmap">
        <tbody>
          {ys.map((y) => (
            <tr key={String(y)}>
              <th scope="row">{typeof y === 'number' ? fmt(y, 3) : y}</th>
              {xs.map((x) => {
                const tr = cell(x, y);
                const v = tr?.status === 'complete' ? tr.value : undefined;
                return (
                  <td key={String(x)} style={{ background: v === undefined ? '#f1f5f9' : objectiveColor(v, lo, hi, direction), color: v !== undefined && goodHalf(v) ? '#fff' : '#0f172a' }} title={tr ? `${tr.status}` : 'not tried'}
                    className={v !== undefined && (direction === 'minimize' ? v === lo : v === hi) ? 'best' : undefined}>
                    {v !== undefined ? fmt(v, 3) : tr ? (tr.status === 'diverged' ? '∅' : '…') : ''}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">{labelOf(yn)} ↑ / {labelOf(xn)} →</th>
            {xs.map((x) => <th scope="col" key={String(x)}>{typeof x === 'number' ? fmt(x, 3) : x}</th>)}
          </tr>
        </tbody>
      </table>
    </figure>
  );
});
