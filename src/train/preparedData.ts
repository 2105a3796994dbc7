/**
 * A loaded dataset -> its standardized seeded split and the 2-D surface grid. Pure, and free of the
 * built-in datasets, so the CSV worker can use it without bundling them.
 */
import { messages as m } from './datasets/messages';
import { splitDataset, standardize } from './datasets/split';
import type { Dataset, Split } from './datasets/types';
import { makeSurfaceGrid, type SurfaceGrid } from './surface';

export interface PreparedData {
  dataset: Dataset;
  split: Split;
  surface: SurfaceGrid | null;
}

export function prepareDataset(dataset: Dataset, validationFraction: number, seed: number): PreparedData | { error: string } {
  const raw = splitDataset(dataset, { validationFraction, seed });
  if (raw.train.n < 1 || raw.validation.n < 1) return { error: m.tooFewToSplit(dataset.n) };
  const { split } = standardize(raw);
  return { dataset, split, surface: makeSurfaceGrid(split) };
}

/** The distinct buffers behind a prepared dataset's arrays, to transfer it between threads without a copy. */
export function preparedBuffers(p: PreparedData): ArrayBuffer[] {
  const arrays = [p.dataset.x, p.dataset.y, p.split.train.x, p.split.train.y, p.split.validation.x, p.split.validation.y];
  if (p.surface) arrays.push(p.surface.points);
  const buffers = new Set<ArrayBuffer>();
  // Float32Arrays made here always own plain ArrayBuffers (never shared memory).
  for (const a of arrays) buffers.add(a.buffer as ArrayBuffer);
  return [...buffers];
}
