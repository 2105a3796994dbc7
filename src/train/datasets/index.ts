/**
 * The public face of the datasets: one registry of everything the UI offers, and loadDataset, the
 * one call the training worker makes. Pure TypeScript: no DOM, no React, no tfjs.
 */
import { loadCsv, type CsvTask, type TextColumns } from './csv';
import { messages as m } from './messages';
import { isTabularId, loadTabular, tabularDatasets } from './tabular';
import { generateToy, isToyId, toyDatasets } from './toy';
import type { Dataset, Task } from './types';

export interface DatasetInfo {
  id: string;
  name: string;
  task: Task;
  kind: 'toy' | 'tabular';
  description: string;
}

/** Every built-in dataset, toy sets first, in the order the UI lists them. */
export const datasetRegistry: readonly DatasetInfo[] = [
  ...toyDatasets.map((t) => ({ ...t, kind: 'toy' as const })),
  ...tabularDatasets.map((t) => ({ ...t, kind: 'tabular' as const })),
];

export function findDatasetInfo(id: string): DatasetInfo | undefined {
  return datasetRegistry.find((d) => d.id === id);
}

export type DatasetSource =
  | { kind: 'toy'; id: string; n?: number; noise?: number; seed?: number }
  | { kind: 'tabular'; id: string }
  | { kind: 'csv'; text: string; target?: string; task?: CsvTask; name?: string; textColumns?: TextColumns };

export type LoadResult = { dataset: Dataset } | { error: string };

/** Loads or generates a dataset. Never throws: every problem comes back as { error } in plain words. */
export function loadDataset(source: DatasetSource): LoadResult {
  try {
    switch (source.kind) {
      case 'toy':
        if (!isToyId(source.id)) return { error: m.unknownToy(source.id) };
        return { dataset: generateToy(source.id, { n: source.n, noise: source.noise, seed: source.seed }) };
      case 'tabular':
        if (!isTabularId(source.id)) return { error: m.unknownTabular(source.id) };
        return { dataset: loadTabular(source.id) };
      case 'csv':
        return loadCsv(source.text, { target: source.target, task: source.task, name: source.name, textColumns: source.textColumns });
      default:
        return { error: m.unknownSource };
    }
  } catch (e) {
    return { error: e instanceof Error ? e.message : m.loadFailed(String(e)) };
  }
}

export type { Dataset, Split, Task } from './types';
export { generateToy, toyDatasets, TOY_DEFAULTS, TOY_MAX_POINTS, type ToyId, type ToyInfo, type ToyOptions } from './toy';
export { loadTabular, tabularDatasets, type TabularId, type TabularInfo } from './tabular';
export {
  csvColumns,
  csvToDataset,
  loadCsv,
  parseCsv,
  parseNumber,
  isMissingCell,
  MIN_CSV_ROWS,
  AUTO_CLASS_LIMIT,
  MAX_CLASSES,
  type CsvColumnInfo,
  type CsvDatasetOptions,
  type CsvDatasetResult,
  type CsvParseResult,
  type CsvTask,
} from './csv';
export {
  applyScaling,
  fitScaling,
  scaleFeatures,
  splitDataset,
  standardize,
  subsetDataset,
  unscaleTarget,
  DEFAULT_VALIDATION_FRACTION,
  type IndexedSplit,
  type Scaling,
  type SplitOptions,
  type Standardized,
} from './split';
export { datasetMessagesEn, type DatasetMessages } from './messages';
