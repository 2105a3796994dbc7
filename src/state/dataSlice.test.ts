import { describe, expect, test } from 'vitest';
import { createAppStore } from './store';
import { isBusy, statusLine } from './selectors';
import { createCsvSession } from '../train/csvSession';
import type { CsvClient, CsvLoadOutcome, CsvLoadProgress, CsvLoadRequest } from '../train/csvClient';
import type { TrainClient } from '../train/client';
import type { ToWorker } from '../train/protocol';
import { t } from '../ui/messages/en';
import { messages as m } from '../train/datasets/messages';

/**
 * The CSV worker without the worker: the real session (decode, parse, build), held back until the
 * test lets it answer, so the state in between can be looked at.
 */
function fakeCsvClient() {
  const session = createCsvSession();
  const ids = new WeakMap<Blob, number>();
  const requests: CsvLoadRequest[] = [];
  let held: { run: () => Promise<void>; resolve: (o: CsvLoadOutcome) => void } | null = null;
  const client: CsvClient = {
    load: (req: CsvLoadRequest, onProgress: (p: CsvLoadProgress) => void) => {
      requests.push(req);
      held?.resolve({ cancelled: true });
      if (!ids.has(req.file)) ids.set(req.file, requests.length);
      const fileId = ids.get(req.file)!;
      return new Promise<CsvLoadOutcome>((resolve) => {
        held = {
          resolve,
          run: async () => {
            if (!session.has(fileId, req.encoding)) {
              const bytes = new Uint8Array(await req.file.arrayBuffer());
              session.parse(fileId, req.encoding, bytes, (p) => onProgress({ phase: 'read', ...p }));
            }
            onProgress({ phase: 'build', fraction: 1, rows: 0 });
            resolve(session.build(req));
          },
        };
      });
    },
    cancel: () => {
      held?.resolve({ cancelled: true });
      held = null;
    },
  };
  /** Let the held load answer; resolves once the store has taken the answer. */
  const finish = async () => {
    const h = held;
    held = null;
    await h?.run();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { client, session, requests, finish };
}

function makeStore() {
  const csv = fakeCsvClient();
  const sent: ToWorker[] = [];
  const trainClient: TrainClient = { send: (msg) => void sent.push(msg), nextRunId: () => 1, terminate: () => {} };
  const store = createAppStore({ createClient: () => trainClient, createCsvClient: () => csv.client });
  return { store, csv, sent };
}

const csvFile = (name: string, rows: number, label: (i: number) => string = (i) => (i % 2 ? 'yes' : 'no')) =>
  new File([['x1,x2,label', ...Array.from({ length: rows }, (_, i) => `${i % 7},${(i * 3) % 11},${label(i)}`)].join('\n')], name, { type: 'text/csv' });

describe('reading a CSV file through the CSV worker', () => {
  test('the data arrive when the worker answers; until then nothing can start', async () => {
    const { store, csv, sent } = makeStore();
    store.getState().loadCsv(csvFile('small.csv', 40));
    const during = store.getState();
    expect(during.csvLoading).toMatchObject({ fileName: 'small.csv', phase: 'read' });
    expect(isBusy(during)).toBe(true);
    expect(statusLine(during)).toBe(t.csvReadingStatus('small.csv'));
    expect(during.choice.kind).toBe('toy'); // the data in use until the file is ready
    during.startTraining();
    expect(sent.filter((msg) => msg.type === 'train')).toHaveLength(0);

    await csv.finish();
    const s = store.getState();
    expect(s.csvLoading).toBeNull();
    expect(s.dataError).toBeNull();
    expect(s.csvColumns).toEqual(['x1', 'x2', 'label']);
    expect(s.choice).toMatchObject({ kind: 'csv', fileName: 'small.csv', target: 'label' });
    expect(s.csvEncodingUsed).toBe('utf-8');
    expect(s.prepared?.dataset.classNames).toEqual(['no', 'yes']);
    expect(s.prepared!.split.train.n + s.prepared!.split.validation.n).toBe(40);
    s.startTraining();
    expect(sent.filter((msg) => msg.type === 'train')).toHaveLength(1);
  });

  test('a new one-hot choice shows at once while it rebuilds, and Cancel puts the old one back', async () => {
    const { store, csv } = makeStore();
    store.getState().loadCsv(csvFile('small.csv', 40));
    await csv.finish();
    const choice = store.getState().choice;
    if (choice.kind !== 'csv') throw new Error('expected the CSV choice');
    const prepared = store.getState().prepared;
    store.getState().setChoice({ ...choice, textColumns: 'onehot' });
    expect(store.getState().choice).toMatchObject({ textColumns: 'onehot' }); // the checkbox does not spring back
    expect(store.getState().prepared).toBe(prepared);
    store.getState().cancelCsv();
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().choice).toBe(choice);
    expect(store.getState().prepared).toBe(prepared);
  });

  test('a bad file after a good one leaves the good one in use, with the reason', async () => {
    const { store, csv } = makeStore();
    store.getState().loadCsv(csvFile('good.csv', 40));
    await csv.finish();
    const prepared = store.getState().prepared;
    store.getState().loadCsv(csvFile('one-class.csv', 40, () => 'same'));
    await csv.finish();
    const s = store.getState();
    expect(s.prepared).toBe(prepared);
    expect(s.choice).toMatchObject({ fileName: 'good.csv' });
    expect(s.dataError).toBe(`${m.singleClass('label', 'same')} ${t.csvKept('good.csv')}`);
    store.getState().rejectFile(t.fileEmpty);
    expect(store.getState().dataError).toBe(`${t.fileEmpty} ${t.csvKept('good.csv')}`);
    expect(store.getState().prepared).toBe(prepared);
  });

  test('a new target or one-hot choice rebuilds from the kept parse, without reading the file again', async () => {
    const { store, csv } = makeStore();
    store.getState().loadCsv(csvFile('small.csv', 40));
    await csv.finish();
    expect(csv.session.parses).toBe(1);
    const choice = store.getState().choice;
    if (choice.kind !== 'csv') throw new Error('expected the CSV choice');
    store.getState().setChoice({ ...choice, target: 'x1' });
    expect(store.getState().csvLoading?.phase).toBe('build');
    await csv.finish();
    expect(store.getState().prepared?.dataset.targetName).toBe('x1');
    store.getState().setChoice({ ...(store.getState().choice as typeof choice), textColumns: 'onehot' });
    await csv.finish();
    expect(csv.session.parses).toBe(1);
    expect(csv.requests.map((r) => [r.target, r.textColumns])).toEqual([[undefined, 'exclude'], ['x1', 'exclude'], ['x1', 'onehot']]);
    // Another encoding is another reading of the same bytes.
    store.getState().setChoice({ ...(store.getState().choice as typeof choice), encoding: 'windows-1252' });
    expect(store.getState().csvLoading?.phase).toBe('read');
    await csv.finish();
    expect(csv.session.parses).toBe(2);
    expect(store.getState().csvEncodingUsed).toBe('windows-1252');
  });

  test('cancel leaves the data before it in place and says so', async () => {
    const { store, csv } = makeStore();
    store.getState().loadCsv(csvFile('small.csv', 40));
    await csv.finish();
    const before = store.getState();
    store.getState().loadCsv(csvFile('big.csv', 400));
    expect(store.getState().csvLoading?.fileName).toBe('big.csv');
    store.getState().cancelCsv();
    await new Promise((r) => setTimeout(r, 0));
    const s = store.getState();
    expect(s.csvLoading).toBeNull();
    expect(s.csvMessage).toBe(t.csvCancelled('big.csv', true));
    expect(s.prepared).toBe(before.prepared);
    expect(s.choice).toBe(before.choice);
    expect(s.csvColumns).toEqual(['x1', 'x2', 'label']);
    expect(isBusy(s)).toBe(false);
    // The next load clears the message.
    store.getState().loadCsv(csvFile('big.csv', 400));
    expect(store.getState().csvMessage).toBeNull();
    await csv.finish();
    expect(store.getState().prepared!.split.train.n + store.getState().prepared!.split.validation.n).toBe(400);
  });

  test("a file that cannot become a dataset shows the worker's message; its columns stay for picking another target", async () => {
    const { store, csv } = makeStore();
    store.getState().loadCsv(csvFile('one-class.csv', 40, () => 'same'));
    await csv.finish();
    const s = store.getState();
    expect(s.prepared).toBeNull();
    expect(s.dataError).toBe(m.singleClass('label', 'same'));
    expect(s.csvColumns).toEqual(['x1', 'x2', 'label']);
  });

  test('Windows-1252 bytes load with their letters and the note', async () => {
    const { store, csv } = makeStore();
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i % 3},${i % 2 ? 'Z\xfcrich' : 'caf\xe9'}`);
    const bytes = Uint8Array.from(['a,b,town', ...rows].join('\n'), (c) => c.charCodeAt(0)); // each char < 256: one byte, as Windows-1252
    store.getState().loadCsv(new File([bytes], 'towns.csv'));
    await csv.finish();
    const ds = store.getState().prepared?.dataset;
    expect(ds?.classNames).toEqual(['café', 'Zürich']);
    expect(ds?.notes[0]).toBe(m.readAsWindows1252);
  });
});

test('a CSV worker that cannot start gives a message instead of a page that stays busy', async () => {
  const trainClient: TrainClient = { send: () => {}, nextRunId: () => 1, terminate: () => {} };
  const broken: CsvClient = {
    load: () => {
      throw new Error('workers are blocked');
    },
    cancel: () => {},
  };
  const store = createAppStore({ createClient: () => trainClient, createCsvClient: () => broken });
  store.getState().loadCsv(csvFile('small.csv', 40));
  await new Promise((r) => setTimeout(r, 0));
  const s = store.getState();
  expect(isBusy(s)).toBe(false);
  expect(s.dataError).toBe(m.readerFailed('workers are blocked'));
});
