import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../state/store';
import type { AppState } from '../state/types';

export const StoreContext = createContext<AppStore | null>(null);

export function useApp<T>(selector: (s: AppState) => T): T {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useApp outside StoreContext');
  return useStore(store, selector);
}
