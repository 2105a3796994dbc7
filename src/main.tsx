import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { StoreContext } from './ui/StoreContext';
import { createAppStore } from './state/store';
import { createTrainClient } from './train/client';
import { createCsvClient } from './train/csvClient';
import { createIdbPersistence, createMemoryPersistence } from './state/persist/idb';
import './ui/styles.css';

const store = createAppStore({
  createClient: createTrainClient,
  createCsvClient,
  search: window.location.search,
  persistence: typeof indexedDB === 'undefined' ? createMemoryPersistence() : createIdbPersistence(),
  writeSearch: (q) => window.history.replaceState(null, '', `${window.location.pathname}?${q}`),
});

// Fault injection for tests and demonstrations: window.hpPlayground.loseWebGLContext().
(window as unknown as { hpPlayground: object }).hpPlayground = { loseWebGLContext: () => store.getState().loseWebGLContext() };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
