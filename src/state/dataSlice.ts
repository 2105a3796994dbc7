import type { ChoiceOutcome, DataSlice } from './types';
import type { Get, Set } from './store';
import { prepareData, type CsvChoice, type DataChoice } from '../train/prepare';
import type { CsvClient, CsvLoadOutcome } from '../train/csvClient';
import { messages as m } from '../train/datasets/messages';
import { t } from '../ui/messages/en';

const initialChoice: DataChoice = { kind: 'toy', id: 'circle', n: 400, noise: 0.1, seed: 1 };

export function createDataSlice(set: Set, get: Get, csvClient: () => CsvClient): DataSlice {
  // The latest CSV load; answers to older ones (cancelled or superseded) are dropped.
  let csvJob = 0;
  // The last run's curves and picture belong to the old data: clear them (a run cannot be going: the controls are disabled then).
  const cleared = () => (get().runStatus === 'running' ? {} : { runStatus: 'idle' as const, epochs: [], result: null, surface: null, runMessage: null });

  const prepareBuiltIn = (choice: Exclude<DataChoice, CsvChoice>, validationFraction: number, splitSeed: number): ChoiceOutcome => {
    const out = prepareData(choice, validationFraction, splitSeed);
    return 'error' in out ? { choice, error: out.error } : { choice, prepared: out };
  };

  const prepareCsv = async (choice: CsvChoice, validationFraction: number, splitSeed: number): Promise<ChoiceOutcome> => {
    const file = choice.file;
    if (!file) return { choice, error: t.csvNotKept(choice.fileName) };
    const job = ++csvJob;
    const cur = get().choice;
    const known = cur.kind === 'csv' && cur.file === file && (cur.encoding ?? 'auto') === (choice.encoding ?? 'auto');
    set({ csvLoading: { fileName: choice.fileName, phase: known ? 'build' : 'read', fraction: 0, rows: 0 }, csvMessage: null });
    const request = {
      file,
      encoding: choice.encoding ?? 'auto',
      fileName: choice.fileName,
      ...(choice.target ? { target: choice.target } : {}),
      textColumns: choice.textColumns ?? 'exclude',
      validationFraction,
      splitSeed,
    };
    let out: CsvLoadOutcome;
    try {
      out = await csvClient().load(request, (p) => {
        if (job === csvJob) set({ csvLoading: { fileName: choice.fileName, ...p } });
      });
    } catch (e) {
      // The worker could not even be started: say so rather than stay busy for ever.
      out = { columns: [], target: '', encoding: null, error: m.readerFailed(e instanceof Error ? e.message : String(e)) };
    }
    if (job !== csvJob) return { cancelled: true };
    if ('cancelled' in out) {
      set({ csvLoading: null, csvMessage: t.csvCancelled(choice.fileName, get().prepared !== null) });
      return out;
    }
    set({ csvLoading: null });
    const csv = { columns: out.columns, encoding: out.encoding };
    const next: CsvChoice = { ...choice, target: out.target };
    return 'prepared' in out ? { choice: next, prepared: out.prepared, csv } : { choice: next, error: out.error, csv };
  };

  const apply = (out: ChoiceOutcome) => {
    if ('cancelled' in out) return;
    const csv = { csvColumns: out.csv?.columns ?? [], csvEncodingUsed: out.csv?.encoding ?? null, csvMessage: null };
    if ('error' in out) set({ choice: out.choice, prepared: null, dataError: out.error, ...csv, ...cleared() });
    else set({ choice: out.choice, prepared: out.prepared, dataError: null, ...csv, ...cleared() });
  };

  /** A CSV file is in use: a new file that cannot be used leaves it in use, with the reason and a word that it stays. */
  const keptCsv = (): string | null => {
    const cur = get().choice;
    return cur.kind === 'csv' && cur.file && get().prepared ? cur.fileName : null;
  };

  const setChoice = (choice: DataChoice) => {
    if (choice.kind !== 'csv') apply(prepareBuiltIn(choice, get().validationFraction, get().splitSeed));
    else if (!choice.file) set({ choice, prepared: null, dataError: null, csvColumns: [], csvEncodingUsed: null, csvMessage: null, ...cleared() }); // no file picked yet
    else {
      const before = get().choice;
      const pending = prepareCsv(choice, get().validationFraction, get().splitSeed);
      // The same file with another target, encoding or one-hot choice: the controls show the new choice at
      // once (a checkbox must not spring back while the worker rebuilds); a Cancel puts the old one back.
      const sameFile = before.kind === 'csv' && before.file === choice.file;
      if (sameFile) set({ choice });
      void pending.then((out) => {
        if ('cancelled' in out) {
          if (sameFile && get().choice === choice) set({ choice: before });
          return;
        }
        const kept = keptCsv();
        const cur = get().choice;
        // Another file than the one in use failed: keep the one in use (a new target or encoding of the same file applies as asked).
        if ('error' in out && kept !== null && cur.kind === 'csv' && cur.file !== choice.file) set({ dataError: `${out.error} ${t.csvKept(kept)}`, csvMessage: null });
        else apply(out);
      });
    }
  };

  return {
    choice: initialChoice,
    validationFraction: 0.2,
    splitSeed: 1,
    prepared: null,
    dataError: null,
    csvColumns: [],
    csvLoading: null,
    csvEncodingUsed: null,
    csvMessage: null,
    setChoice,
    prepareChoice: (choice, validationFraction, splitSeed) =>
      choice.kind === 'csv' ? prepareCsv(choice, validationFraction, splitSeed) : Promise.resolve(prepareBuiltIn(choice, validationFraction, splitSeed)),
    rejectFile: (message) => {
      const kept = keptCsv();
      if (kept !== null) {
        set({ dataError: `${message} ${t.csvKept(kept)}`, csvMessage: null });
        return;
      }
      set({
        choice: { kind: 'csv', fileName: '', target: '' },
        prepared: null,
        dataError: message,
        csvColumns: [],
        csvEncodingUsed: null,
        csvMessage: null,
        runStatus: 'idle',
        epochs: [],
        result: null,
        surface: null,
      });
    },
    loadCsv: (file) => {
      const prev = get().choice;
      // The text-column and encoding settings carry over to the next file.
      setChoice({
        kind: 'csv',
        fileName: file.name,
        file,
        target: '',
        textColumns: prev.kind === 'csv' ? (prev.textColumns ?? 'exclude') : 'exclude',
        encoding: prev.kind === 'csv' ? (prev.encoding ?? 'auto') : 'auto',
      });
    },
    cancelCsv: () => csvClient().cancel(),
  };
}
