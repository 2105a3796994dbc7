/** Layout for parallel coordinates: one vertical axis per swept parameter plus the objective. Pure. */
import type { ParamSpec, Params } from '../../core';

export interface PcAxis {
  name: string;
  label: string;
  kind: 'linear' | 'log' | 'categorical';
  /** Numeric domain (in log10 for log axes) or the categories. */
  lo: number;
  hi: number;
  categories: string[];
}

export function pcAxes(space: Record<string, ParamSpec>, labels: Record<string, string>, objectiveLabel: string, values: number[]): PcAxis[] {
  const axes: PcAxis[] = Object.entries(space).map(([name, spec]) => {
    if (spec.type === 'categorical') return { name, label: labels[name] ?? name, kind: 'categorical', lo: 0, hi: 1, categories: spec.choices.map(String) };
    const log = spec.log === true;
    return { name, label: labels[name] ?? name, kind: log ? 'log' : 'linear', lo: log ? Math.log10(spec.low) : spec.low, hi: log ? Math.log10(spec.high) : spec.high, categories: [] };
  });
  const finite = values.filter((v) => Number.isFinite(v));
  const lo = finite.length ? Math.min(...finite) : 0, hi = finite.length ? Math.max(...finite) : 1;
  axes.push({ name: '__objective', label: objectiveLabel, kind: 'linear', lo, hi: hi > lo ? hi : lo + 1, categories: [] });
  return axes;
}

/** Position of a value on an axis, 0 (bottom) to 1 (top); NaN when it cannot be placed. */
export function pcPosition(axis: PcAxis, v: number | string | boolean | undefined): number {
  if (v === undefined) return NaN;
  if (axis.kind === 'categorical') {
    const i = axis.categories.indexOf(String(v));
    return i < 0 ? NaN : axis.categories.length === 1 ? 0.5 : i / (axis.categories.length - 1);
  }
  const x = axis.kind === 'log' ? Math.log10(Number(v)) : Number(v);
  return axis.hi > axis.lo ? (x - axis.lo) / (axis.hi - axis.lo) : 0.5;
}

/** Positions of one trial on every axis (the last axis is the objective). */
export function pcLine(axes: readonly PcAxis[], params: Params, value: number | undefined): number[] {
  return axes.map((a) => pcPosition(a, a.name === '__objective' ? value : params[a.name]));
}

/** A trial passes the brushes when each brushed axis's position lies inside its [lo, hi]. */
export function passesBrushes(line: readonly number[], axes: readonly PcAxis[], brushes: Record<string, [number, number]>): boolean {
  return axes.every((a, i) => {
    const b = brushes[a.name];
    return !b || (line[i] >= Math.min(b[0], b[1]) && line[i] <= Math.max(b[0], b[1]));
  });
}

/** The value shown at a position of an axis (for ticks). */
export function pcValueAt(axis: PcAxis, u: number): number | string {
  if (axis.kind === 'categorical') return axis.categories[Math.round(u * (axis.categories.length - 1))] ?? '';
  const x = axis.lo + u * (axis.hi - axis.lo);
  return axis.kind === 'log' ? 10 ** x : x;
}
