/** A data choice -> a dataset, its standardized seeded split, and the 2-D surface grid. Pure. */
import { loadDataset, type DatasetSource } from './datasets';
import type { TextColumns } from './datasets/csv';
import type { CsvEncoding } from './datasets/decode';
import { prepareDataset, type PreparedData } from './preparedData';

/**
 * What the user picked. A CSV choice holds the file itself (a Blob: a reference, not its contents),
 * so a saved sweep on it can be resumed; the CSV worker reads and parses it, never the page.
 */
export type DataChoice =
  | { kind: 'toy'; id: string; n: number; noise: number; seed: number }
  | { kind: 'tabular'; id: string }
  | { kind: 'csv'; fileName: string; target: string; textColumns?: TextColumns; encoding?: CsvEncoding; file?: Blob };

export type CsvChoice = Extract<DataChoice, { kind: 'csv' }>;

export type { PreparedData } from './preparedData';

/** Loads (toy, built-in, or CSV text) and prepares a dataset on the calling thread. */
export function prepareData(source: DatasetSource, validationFraction: number, seed: number): PreparedData | { error: string } {
  const loaded = loadDataset(source);
  if ('error' in loaded) return { error: loaded.error };
  return prepareDataset(loaded.dataset, validationFraction, seed);
}
