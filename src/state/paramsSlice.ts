import type { ParamsSlice } from './types';
import type { Get, Set } from './store';
import { defaultHyperparams, sanitizeValue } from '../core/hyperparams';

export function createParamsSlice(set: Set, get: Get): ParamsSlice {
  return {
    hp: { ...defaultHyperparams },
    setParam: (name, value) => set({ hp: { ...get().hp, [name]: sanitizeValue(name, value) } }),
  };
}
