/** Colours for classes and values on the boundary picture. Pure. */
export const classColors: readonly [number, number, number][] = [
  [37, 99, 235], // blue
  [234, 88, 12], // orange
  [22, 163, 74], // green
  [147, 51, 234], // purple
  [219, 39, 119], // pink
  [202, 138, 4], // amber
];

/** Mix white with the winning class's colour by its confidence above chance. */
export function classCellColor(probs: ArrayLike<number>, offset: number, k: number): [number, number, number] {
  let best = 0;
  for (let c = 1; c < k; c++) if (probs[offset + c] > probs[offset + best]) best = c;
  const p = probs[offset + best];
  const strength = Math.max(0, Math.min(1, (p - 1 / k) / (1 - 1 / k)));
  const [r, g, b] = classColors[best % classColors.length];
  const a = 0.15 + 0.55 * strength;
  return [255 + (r - 255) * a, 255 + (g - 255) * a, 255 + (b - 255) * a];
}

/** Diverging blue-white-orange for a value relative to a range. */
export function valueColor(v: number, lo: number, hi: number): [number, number, number] {
  const u = hi > lo ? Math.max(0, Math.min(1, (v - lo) / (hi - lo))) : 0.5;
  const [a, b] = u < 0.5 ? [classColors[0], [255, 255, 255]] : [[255, 255, 255], classColors[1]];
  const w = u < 0.5 ? u * 2 : (u - 0.5) * 2;
  return [a[0] + (b[0] - a[0]) * w, a[1] + (b[1] - a[1]) * w, a[2] + (b[2] - a[2]) * w];
}
