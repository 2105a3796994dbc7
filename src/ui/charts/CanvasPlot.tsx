/**
 * A chart drawn on a canvas, for the sweep's live charts, which redraw many times a second (curves) or at
 * every finished trial (scatters, best so far). An SVG chart library rebuilds every element on each redraw:
 * measured ~100–360 ms of main-thread work per redraw during a 20-trial sweep with recharts; a canvas draws
 * the same in about a millisecond. Lines (optionally stepped) and dots; linear or log x axis, or named
 * categories; grid, ticks and axis labels; hovering shows the nearest point. Non-finite values are skipped
 * (a line breaks there), so NaN never reaches the drawing.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { axisFor, linearTicks, type Axis } from './axes';

export interface PlotLine {
  id: number;
  /** Named in the hover readout, e.g. "Trial 3". */
  label: string;
  points: readonly { x: number; y: number | undefined }[];
  color: string;
  width: number;
  /** Draw as steps (best so far). */
  step?: boolean;
  /** Dash pattern, e.g. [4, 3]. */
  dash?: number[];
  /** Against the right-hand axis (y2). */
  right?: boolean;
}

export interface PlotDot {
  x: number;
  y: number;
  color: string;
  label: string;
}

export interface PlotAxis {
  domain: [number, number];
  ticks: readonly number[];
  log?: boolean;
  format?: (v: number) => string;
  label?: string;
  /** Leave the x value out of the hover readout (when the point's label already says it, "Trial 8"). */
  hideInReadout?: boolean;
}

interface Props {
  lines?: readonly PlotLine[];
  dots?: readonly PlotDot[];
  x: PlotAxis;
  /** Computed from the data when absent: from 0 when every value is positive (losses). */
  y?: PlotAxis;
  /** A right-hand axis for the lines marked `right` (accuracy next to losses). */
  y2?: PlotAxis;
  yFormat: (v: number) => string;
  /** Names the y value in the hover readout. */
  yName: string;
  height: number;
  /** What a screen reader hears (the canvas has no other text). */
  summary: string;
  /** Drawn last, on top. */
  highlightId?: number;
  /** Shown over the empty frame while there is nothing to draw. */
  empty?: string;
}

const M = { top: 10, right: 16, bottom: 40, left: 64 };
/** Room for the right-hand axis's labels. */
const RIGHT_AXIS = 40;
const FONT = '12px system-ui, sans-serif';

function autoY(lines: readonly PlotLine[], dots: readonly PlotDot[]): Axis {
  const ys: number[] = [];
  for (const l of lines) if (!l.right) for (const p of l.points) if (p.y !== undefined && Number.isFinite(p.y)) ys.push(p.y);
  for (const d of dots) if (Number.isFinite(d.y)) ys.push(d.y);
  const a = axisFor(ys, false);
  if (ys.length > 0 && Math.min(...ys) >= 0 && lines.length > 0) {
    const hi = a.domain[1];
    return { domain: [0, hi], ticks: linearTicks(0, hi) };
  }
  return a;
}

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

export function CanvasPlot({ lines = [], dots = [], x, y, y2, yFormat, yName, height, summary, highlightId, empty }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [hover, setHover] = useState<{ left: number; top: number; text: string } | null>(null);
  const yAxis = useMemo<PlotAxis>(() => y ?? autoY(lines, dots), [y, lines, dots]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const plot = { x0: M.left, x1: Math.max(M.left + 10, width - M.right - (y2 ? RIGHT_AXIS : 0)), y0: M.top, y1: height - M.bottom };
  const t = (v: number, a: PlotAxis) => {
    const [lo, hi] = a.domain;
    if (a.log) return (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo) || 1);
    return (v - lo) / (hi - lo || 1);
  };
  const px = (v: number) => plot.x0 + t(v, x) * (plot.x1 - plot.x0);
  const pyOn = (v: number, a: PlotAxis) => plot.y1 - Math.min(1.02, Math.max(-0.02, t(v, a))) * (plot.y1 - plot.y0);
  const py = (v: number) => pyOn(v, yAxis);
  const fx = x.format ?? ((v: number) => String(v));

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(width * dpr);
    c.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.font = FONT;
    ctx.strokeStyle = '#e3e6ea';
    ctx.setLineDash([3, 3]);
    ctx.lineWidth = 1;
    ctx.fillStyle = '#555b66';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    // A tick label that would touch the one before it is left out (its grid line stays).
    let lastY = Infinity;
    for (const v of yAxis.ticks) {
      const yy = Math.round(py(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(plot.x0, yy);
      ctx.lineTo(plot.x1, yy);
      ctx.stroke();
      if (Math.abs(lastY - yy) >= 14) {
        ctx.fillText(yFormat(v), plot.x0 - 6, yy);
        lastY = yy;
      }
    }
    if (y2) {
      ctx.textAlign = 'left';
      for (const v of y2.ticks) ctx.fillText((y2.format ?? String)(v), plot.x1 + 6, Math.round(pyOn(v, y2)) + 0.5);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    let lastRight = -Infinity;
    for (const v of x.ticks) {
      const xx = Math.round(px(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(xx, plot.y0);
      ctx.lineTo(xx, plot.y1);
      ctx.stroke();
      const text = fx(v);
      const half = ctx.measureText(text).width / 2;
      if (xx - half >= lastRight + 6) {
        ctx.fillText(text, xx, plot.y1 + 6);
        lastRight = xx + half;
      }
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = '#888f99';
    ctx.beginPath();
    ctx.moveTo(plot.x0 + 0.5, plot.y0);
    ctx.lineTo(plot.x0 + 0.5, plot.y1 + 0.5);
    ctx.lineTo(plot.x1, plot.y1 + 0.5);
    ctx.stroke();
    if (x.label) ctx.fillText(x.label, (plot.x0 + plot.x1) / 2, plot.y1 + 22);
    ctx.save();
    ctx.beginPath();
    ctx.rect(plot.x0 - 6, plot.y0 - 6, plot.x1 - plot.x0 + 12, plot.y1 - plot.y0 + 12);
    ctx.clip();
    ctx.lineJoin = 'round';
    const ordered = [...lines.filter((l) => l.id !== highlightId), ...lines.filter((l) => l.id === highlightId)];
    for (const l of ordered) {
      ctx.strokeStyle = l.color;
      ctx.lineWidth = l.width;
      ctx.setLineDash(l.dash ?? []);
      const axis = l.right && y2 ? y2 : yAxis;
      ctx.beginPath();
      let prev: { x: number; y: number } | null = null;
      for (const p of l.points) {
        if (!finite(p.y) || (x.log && p.x <= 0)) {
          prev = null;
          continue;
        }
        const X = px(p.x), Y = pyOn(p.y, axis);
        if (!prev) ctx.moveTo(X, Y);
        else {
          if (l.step) ctx.lineTo(X, prev.y);
          ctx.lineTo(X, Y);
        }
        prev = { x: X, y: Y };
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    for (const d of dots) {
      if (!Number.isFinite(d.x) || !Number.isFinite(d.y) || (x.log && d.x <= 0)) continue;
      ctx.fillStyle = d.color;
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.arc(px(d.x), py(d.y), 4, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
    // px/py/fx derive from the listed inputs.
  }, [lines, dots, width, height, x, yAxis, y2, yFormat, highlightId]); // oxlint-disable-line react-hooks/exhaustive-deps

  const onMove = (e: React.MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const mx = e.clientX - r.left, my = e.clientY - r.top;
    type Near = { d: number; label: string; x: number; y: number; top: number; right: boolean };
    let best: Near | null = null;
    const consider = (label: string, vx: number, vy: number | undefined, right: boolean) => {
      if (!finite(vy) || !Number.isFinite(vx) || (x.log && vx <= 0)) return;
      const top = right && y2 ? pyOn(vy, y2) : py(vy);
      const d = (px(vx) - mx) ** 2 + (top - my) ** 2;
      if (!best || d < best.d) best = { d, label, x: vx, y: vy, top, right };
    };
    for (const l of lines) for (const p of l.points) consider(l.label, p.x, p.y, l.right === true);
    for (const d of dots) consider(d.label, d.x, d.y, false);
    const b = best as Near | null;
    if (!b || b.d > 30 ** 2) setHover(null);
    else {
      const value = b.right && y2 ? (y2.format ?? String)(b.y) : yFormat(b.y);
      const xPart = x.hideInReadout ? '' : ` · ${x.label ? `${x.label.toLowerCase()} ` : ''}${fx(b.x)}`;
      setHover({ left: px(b.x), top: b.top, text: `${b.label}${xPart} · ${b.right ? '' : `${yName} `}${value}` });
    }
  };

  const nothing = !dots.some((d) => Number.isFinite(d.x) && Number.isFinite(d.y)) && !lines.some((l) => l.points.some((p) => finite(p.y)));
  return (
    <div ref={box} className="canvas-plot" style={{ height }}>
      {empty && nothing ? <p className="chart-empty canvas-empty">{empty}</p> : null}
      <canvas ref={canvas} role="img" aria-label={summary} data-lines={lines.length} data-dots={dots.filter((d) => Number.isFinite(d.x) && Number.isFinite(d.y)).length}
        style={{ width: '100%', height }} onMouseMove={onMove} onMouseLeave={() => setHover(null)} />
      {hover ? (
        <div className="canvas-tip" style={{ left: Math.min(hover.left + 8, Math.max(0, width - 260)), top: Math.max(0, hover.top - 30) }}>{hover.text}</div>
      ) : null}
    </div>
  );
}
