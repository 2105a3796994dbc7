/** At most `max` points per series for drawing: keep the first and last, stride the rest. Pure. */
export function downsample<T>(points: readonly T[], max = 300): T[] {
  if (points.length <= max) return points.slice();
  const out: T[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * step)]);
  return out;
}
