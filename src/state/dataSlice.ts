import type { DataSlice } from './types';
import type { Get, Set } from './store';
import { prepareData, type DataChoice } from '../train/prepare';
import { csvColumns } from '../train/datasets/csv';

const initialChoice: DataChoice = { kind: 'toy', id: 'circle', n: 400, noise: 0.1, seed: 1 };

export function createDataSlice(set: Set, get: Get): DataSlice {
  const prepare = (choice: DataChoice) => {
    const { validationFraction, splitSeed } = get();
    // The last run's curves and picture belong to the old data: clear them (a run cannot be going: the controls are disabled then).
    const cleared = get().runStatus === 'running' ? {} : { runStatus: 'idle' as const, epochs: [], result: null, surface: null, runMessage: null };
    if (choice.kind === 'csv' && choice.text === '') {
      set({ choice, prepared: null, dataError: null, ...cleared }); // no file picked yet
      return;
    }
    const out = prepareData(choice, validationFraction, splitSeed);
    if ('error' in out) set({ choice, prepared: null, dataError: out.error, ...cleared });
    else set({ choice, prepared: out, dataError: null, ...cleared });
  };
  return {
    choice: initialChoice,
    validationFraction: 0.2,
    splitSeed: 1,
    prepared: null,
    dataError: null,
    csvColumns: [],
    setChoice: (choice) => prepare(choice),
    rejectFile: (message) => set({ choice: { kind: 'csv', fileName: '', text: '', target: '' }, prepared: null, dataError: message, csvColumns: [], runStatus: 'idle', epochs: [], result: null, surface: null }),
    loadCsv: (fileName, text) => {
      const columns = csvColumns(text);
      set({ csvColumns: columns });
      const prev = get().choice;
      prepare({ kind: 'csv', fileName, text, target: columns.at(-1) ?? '', textColumns: prev.kind === 'csv' ? prev.textColumns ?? 'exclude' : 'exclude' });
    },
  };
}
