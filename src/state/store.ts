/** The app store (zustand, vanilla so the worker bridge can use it outside React), built from slices. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './types';
import { createDataSlice } from './dataSlice';
import { createParamsSlice } from './paramsSlice';
import { createRunSlice } from './runSlice';
import { createSweepSlice } from './sweepSlice';
import { createCompareSlice } from './compareSlice';
import { createScanSlice } from './scanSlice';
import type { TrainClient } from '../train/client';
import type { CsvClient } from '../train/csvClient';
import type { FromWorker } from '../train/protocol';
import { handleWorkerMessage } from './workerBridge';
import { coalesce } from './coalesce';
import type { BackendName } from '../train/backends';
import { decodeUrlState, encodeUrlState } from './url';
import { hyperparamText, t } from '../ui/messages/en';
import type { Persistence } from './persist/types';
import { createSweepPersistence } from './sweepPersistence';

export type AppStore = StoreApi<AppState>;
export type Set = StoreApi<AppState>['setState'];
export type Get = StoreApi<AppState>['getState'];

export interface Deps {
  /** Creates the worker client; messages go to the callback. */
  createClient: (onMessage: (msg: FromWorker) => void) => TrainClient;
  /** Creates the CSV worker's client (on the first CSV file). */
  createCsvClient: () => CsvClient;
  /** The page's query string at start (a shared link), and where to write it back. */
  search?: string;
  writeSearch?: (query: string) => void;
  /** Where finished trials and runs are kept (IndexedDB in the browser). */
  persistence?: Persistence;
}

export function createAppStore(deps: Deps): AppStore {
  let client: TrainClient | null = null;
  const getClient = (): TrainClient => {
    if (!client) {
      // Epoch messages can come hundreds a second from a tiny net: deliver them a few times a second.
      const deliver = coalesce<FromWorker>(
        (batch) => { for (const msg of batch) handleWorkerMessage(store, msg, hooks); },
        (msg) => msg.type !== 'epoch' && msg.type !== 'surface' && msg.type !== 'trialStart' && msg.type !== 'trialDone' && msg.type !== 'compareTrial' && msg.type !== 'scanEpoch' && msg.type !== 'scanPoint',
      );
      client = deps.createClient(deliver);
      client.send({ type: 'init', backend: store.getState().requestedBackend });
    }
    return client;
  };
  let csvClient: CsvClient | null = null;
  const getCsvClient = (): CsvClient => (csvClient ??= deps.createCsvClient());
  const persistence = deps.persistence ?? null;
  const sweeps = createSweepPersistence(persistence, (message) => store.setState({ notice: message }));
  const hooks = {
    sweepChanged: () => sweeps.save(store.getState()),
    runFinished: () => {
      const s = store.getState();
      if (!persistence || !s.result) return;
      persistence
        .saveRun({ id: `${Date.now().toString(36)}-${s.runId}`, createdAt: Date.now(), hp: s.hp, choice: s.choice, splitSeed: s.splitSeed, result: s.result })
        .catch((e: unknown) => store.setState({ notice: t.saveFailed((e as Error).message) }));
    },
  };
  const store: AppStore = createStore<AppState>()((set, get) => ({
    ...createDataSlice(set, get, getCsvClient),
    ...createParamsSlice(set, get),
    ...createRunSlice(set, get, getClient),
    ...createSweepSlice(set, get, getClient, sweeps, (): AppStore => store),
    ...createCompareSlice(set, get, getClient),
    ...createScanSlice(set, get, getClient),
    notice: null,
    lastActivity: null,
    dismissNotice: () => set({ notice: null }),
    requestedBackend: 'webgl',
    backend: null,
    backendReason: null,
    setBackend: (b: BackendName) => {
      set({ requestedBackend: b, backend: null, backendReason: null });
      getClient().send({ type: 'init', backend: b });
    },
    loseWebGLContext: () => getClient().send({ type: 'loseContext' }),
  }));
  if (deps.search) {
    const { state, rejected } = decodeUrlState(deps.search);
    const names = rejected.map((r) => (r in hyperparamText ? hyperparamText[r as keyof typeof hyperparamText].label : t.linkFieldNames[r] ?? r));
    store.setState({
      hp: state.hp,
      choice: state.choice,
      splitSeed: state.splitSeed,
      requestedBackend: state.backend,
      notice: [names.length ? t.linkRejected(names) : '', state.choice.kind === 'csv' ? t.linkCsv : ''].filter(Boolean).join(' ') || null,
    });
  }
  store.getState().setChoice(store.getState().choice);
  if (deps.writeSearch) {
    const write = deps.writeSearch;
    let last = '';
    store.subscribe((s) => {
      const q = encodeUrlState({ hp: s.hp, choice: s.choice, splitSeed: s.splitSeed, backend: s.requestedBackend });
      if (q !== last) write((last = q));
    });
  }
  void sweeps.restore(store);
  getClient(); // start the worker now, so the backend in use is shown before the first run
  return store;
}
