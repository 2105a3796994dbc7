import { useEffect, useRef } from 'react';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { classCellColor, classColors, valueColor } from './colors';

const SIZE = 300;

/** The model's decision boundary (or regression surface) with the data points, for 2-feature sets. */
export function BoundaryCanvas() {
  const prepared = useApp((s) => s.prepared);
  const surface = useApp((s) => s.surface);
  const ref = useRef<HTMLCanvasElement>(null);
  const grid = prepared?.surface ?? null;
  const regression = prepared?.dataset.task === 'regression';

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !prepared || !grid) return;
    const { train, validation } = prepared.split;
    const k = regression ? 1 : prepared.dataset.classNames.length;
    let lo = Infinity, hi = -Infinity;
    if (regression) for (const part of [train, validation]) for (let i = 0; i < part.n; i++) { lo = Math.min(lo, part.y[i]); hi = Math.max(hi, part.y[i]); }
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, SIZE, SIZE);
    if (surface && surface.values.length === grid.resolution * grid.resolution * k) {
      const res = grid.resolution;
      const img = ctx.createImageData(res, res);
      for (let i = 0; i < res * res; i++) {
        const [r, g, b] = regression ? valueColor(surface.values[i], lo, hi) : classCellColor(surface.values, i * k, k);
        img.data.set([r, g, b, 255], i * 4);
      }
      const off = new OffscreenCanvas(res, res);
      off.getContext('2d')!.putImageData(img, 0, 0);
      ctx.imageSmoothingEnabled = true;
      ctx.drawImage(off, 0, 0, SIZE, SIZE);
    }
    const px = (x: number) => ((x - grid.x0) / (grid.x1 - grid.x0)) * SIZE;
    const py = (y: number) => ((grid.y1 - y) / (grid.y1 - grid.y0)) * SIZE;
    const draw = (part: typeof train, hollow: boolean) => {
      for (let i = 0; i < part.n; i++) {
        const [r, g, b] = regression ? valueColor(part.y[i], lo, hi) : classColors[part.y[i] % classColors.length];
        ctx.beginPath();
        ctx.arc(px(part.x[2 * i]), py(part.x[2 * i + 1]), 3, 0, Math.PI * 2);
        ctx.fillStyle = hollow ? '#ffffff' : `rgb(${r},${g},${b})`;
        ctx.strokeStyle = hollow ? `rgb(${r},${g},${b})` : '#ffffff';
        ctx.lineWidth = hollow ? 2 : 1;
        ctx.fill();
        ctx.stroke();
      }
    };
    draw(train, false);
    draw(validation, true);
  }, [prepared, grid, surface, regression]);

  const title = regression ? t.surfaceHeading : t.boundaryHeading;
  return (
    <figure className="chart boundary">
      <figcaption>{title}</figcaption>
      {grid ? (
        <canvas ref={ref} width={SIZE} height={SIZE} role="img"
          aria-label={`${title}${surface ? ` after epoch ${surface.epoch}` : ''}: filled dots are training points, hollow dots validation points`} />
      ) : (
        <p className="help">{t.boundaryNone}</p>
      )}
    </figure>
  );
}
