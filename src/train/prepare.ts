/** A data choice -> a dataset, its standardized seeded split, and the 2-D surface grid. Pure. */
import { loadDataset } from './datasets';
import type { TextColumns } from './datasets/csv';
import { splitDataset, standardize } from './datasets/split';
import type { Dataset, Split } from './datasets/types';
import { makeSurfaceGrid, type SurfaceGrid } from './surface';

export type DataChoice =
  | { kind: 'toy'; id: string; n: number; noise: number; seed: number }
  | { kind: 'tabular'; id: string }
  | { kind: 'csv'; fileName: string; text: string; target: string; textColumns?: TextColumns };

export interface PreparedData {
  dataset: Dataset;
  split: Split;
  surface: SurfaceGrid | null;
}

export function prepareData(choice: DataChoice, validationFraction: number, seed: number): PreparedData | { error: string } {
  const source =
    choice.kind === 'csv'
      ? { kind: 'csv' as const, text: choice.text, name: choice.fileName, textColumns: choice.textColumns ?? 'exclude', ...(choice.target ? { target: choice.target } : {}) }
      : choice;
  const loaded = loadDataset(source);
  if ('error' in loaded) return { error: loaded.error };
  const dataset = loaded.dataset;
  const raw = splitDataset(dataset, { validationFraction, seed });
  if (raw.train.n < 1 || raw.validation.n < 1) {
    return { error: `Only ${dataset.n} rows: too few for a training and a validation split.` };
  }
  const { split } = standardize(raw);
  return { dataset, split, surface: makeSurfaceGrid(split) };
}
