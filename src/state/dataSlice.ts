import type { DataSlice } from './types';
import type { Get, Set } from './store';
import { prepareData, type DataChoice } from '../train/prepare';
import { csvColumns } from '../train/datasets/csv';

const initialChoice: DataChoice = { kind: 'toy', id: 'circle', n: 400, noise: 0.1, seed: 1 };

export function createDataSlice(set: Set, get: Get): DataSlice {
  const prepare = (choice: DataChoice) => {
    const { validationFraction, splitSeed } = get();
    if (choice.kind === 'csv' && choice.text === '') {
      set({ choice, prepared: null, dataError: null, surface: null }); // no file picked yet
      return;
    }
    const out = prepareData(choice, validationFraction, splitSeed);
    if ('error' in out) set({ choice, prepared: null, dataError: out.error });
    else set({ choice, prepared: out, dataError: null, surface: null });
  };
  return {
    choice: initialChoice,
    validationFraction: 0.2,
    splitSeed: 1,
    prepared: null,
    dataError: null,
    csvColumns: [],
    setChoice: (choice) => prepare(choice),
    rejectFile: (message) => set({ choice: { kind: 'csv', fileName: '', text: '', target: '' }, prepared: null, dataError: message, csvColumns: [] }),
    loadCsv: (fileName, text) => {
      const columns = csvColumns(text);
      set({ csvColumns: columns });
      const prev = get().choice;
      prepare({ kind: 'csv', fileName, text, target: columns.at(-1) ?? '', textColumns: prev.kind === 'csv' ? prev.textColumns ?? 'exclude' : 'exclude' });
    },
  };
}
