/** The app store (zustand, vanilla so the worker bridge can use it outside React), built from slices. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppState } from './types';
import { createDataSlice } from './dataSlice';
import { createParamsSlice } from './paramsSlice';
import { createRunSlice } from './runSlice';
import { createSweepSlice } from './sweepSlice';
import type { TrainClient } from '../train/client';
import type { FromWorker } from '../train/protocol';
import { handleWorkerMessage } from './workerBridge';
import type { BackendName } from '../train/backends';

export type AppStore = StoreApi<AppState>;
export type Set = StoreApi<AppState>['setState'];
export type Get = StoreApi<AppState>['getState'];

export interface Deps {
  /** Creates the worker client; messages go to the callback. */
  createClient: (onMessage: (msg: FromWorker) => void) => TrainClient;
}

export function createAppStore(deps: Deps): AppStore {
  let client: TrainClient | null = null;
  const getClient = (): TrainClient => {
    if (!client) {
      client = deps.createClient((msg) => handleWorkerMessage(store, msg));
      client.send({ type: 'init', backend: store.getState().requestedBackend });
    }
    return client;
  };
  const store = createStore<AppState>()((set, get) => ({
    ...createDataSlice(set, get),
    ...createParamsSlice(set, get),
    ...createRunSlice(set, get, getClient),
    ...createSweepSlice(set, get, getClient),
    requestedBackend: 'webgl',
    backend: null,
    backendReason: null,
    setBackend: (b: BackendName) => {
      set({ requestedBackend: b, backend: null, backendReason: null });
      getClient().send({ type: 'init', backend: b });
    },
  }));
  store.getState().setChoice(store.getState().choice);
  getClient(); // start the worker now, so the backend in use is shown before the first run
  return store;
}
