/**
 * The URL codec: hyperparameters, dataset and seeds live in the query string, so a link reproduces a
 * setting. Everything read back is validated against the hyperparameter registry; bad values fall back to
 * defaults and are reported by name. Pure (takes and returns strings).
 */
import { defaultHyperparams, getDef, hyperparamDefs, sanitizeValue, type Hyperparams, type HyperparamName } from '../core/hyperparams';
import { toyDatasets } from '../train/datasets/toy';
import { tabularDatasets } from '../train/datasets/tabular';
import type { DataChoice } from '../train/prepare';
import { isBackendName, type BackendName } from '../train/backends';

/** The toy-set size slider's range; a link may not ask for more. */
export const TOY_SIZE = { min: 50, max: 2000 };

export interface UrlState {
  hp: Hyperparams;
  /** CSV data cannot travel in a link: a csv choice is written as data=csv and read back as an empty csv choice. */
  choice: Exclude<DataChoice, { kind: 'csv' }> | { kind: 'csv'; fileName: ''; target: '' };
  splitSeed: number;
  backend: BackendName;
}

export const defaultUrlState: UrlState = {
  hp: defaultHyperparams,
  choice: { kind: 'toy', id: 'circle', n: 400, noise: 0.1, seed: 1 },
  splitSeed: 1,
  backend: 'webgl',
};

export function encodeUrlState(s: { hp: Hyperparams; choice: DataChoice; splitSeed: number; backend: BackendName }): string {
  const q = new URLSearchParams();
  if (s.choice.kind === 'csv') q.set('data', 'csv');
  else {
    q.set('data', s.choice.id);
    if (s.choice.kind === 'toy') {
      q.set('n', String(s.choice.n));
      q.set('noise', String(s.choice.noise));
      q.set('dataSeed', String(s.choice.seed));
    }
  }
  q.set('split', String(s.splitSeed));
  for (const def of hyperparamDefs) q.set(def.name, String(s.hp[def.name]));
  if (s.backend !== 'webgl') q.set('backend', s.backend);
  return q.toString();
}

function intIn(raw: string | null, lo: number, hi: number): number | null {
  if (raw === null) return null;
  const v = Number(raw);
  return Number.isInteger(v) && v >= lo && v <= hi ? v : NaN;
}

/** Reads a query string; `rejected` names every value that was present but not valid. */
export function decodeUrlState(search: string): { state: UrlState; rejected: string[] } {
  const q = new URLSearchParams(search);
  const rejected: string[] = [];
  const hp: Hyperparams = { ...defaultHyperparams };
  for (const def of hyperparamDefs) {
    const raw = q.get(def.name);
    if (raw === null) continue;
    const value = sanitizeValue(def.name, raw);
    if (!sameValue(def.name, raw, value)) rejected.push(def.name);
    (hp as unknown as Record<HyperparamName, unknown>)[def.name] = value;
  }
  let choice = defaultUrlState.choice;
  const data = q.get('data');
  if (data !== null) {
    if (toyDatasets.some((d) => d.id === data)) {
      const n = intIn(q.get('n'), TOY_SIZE.min, TOY_SIZE.max);
      const noiseRaw = q.get('noise');
      const noise = noiseRaw === null ? null : Number(noiseRaw);
      const seed = intIn(q.get('dataSeed'), 0, 2 ** 31 - 1);
      if (Number.isNaN(n)) rejected.push('n');
      if (noise !== null && !(noise >= 0 && noise <= 0.5)) rejected.push('noise');
      if (Number.isNaN(seed)) rejected.push('dataSeed');
      choice = {
        kind: 'toy',
        id: data,
        n: n !== null && !Number.isNaN(n) ? n : 400,
        noise: noise !== null && noise >= 0 && noise <= 0.5 ? noise : 0.1,
        seed: seed !== null && !Number.isNaN(seed) ? seed : 1,
      };
    } else if (data === 'csv') {
      choice = { kind: 'csv', fileName: '', target: '' };
    } else if (tabularDatasets.some((d) => d.id === data)) {
      choice = { kind: 'tabular', id: data };
    } else {
      rejected.push('data');
    }
  }
  const split = intIn(q.get('split'), 0, 2 ** 31 - 1);
  if (Number.isNaN(split)) rejected.push('split');
  const backendRaw = q.get('backend');
  if (backendRaw !== null && !isBackendName(backendRaw)) rejected.push('backend');
  return {
    state: {
      hp,
      choice,
      splitSeed: split !== null && !Number.isNaN(split) ? split : 1,
      backend: backendRaw !== null && isBackendName(backendRaw) ? backendRaw : 'webgl',
    },
    rejected,
  };
}

function sameValue(name: HyperparamName, raw: string, value: unknown): boolean {
  const def = getDef(name);
  if (def.kind === 'choice') return raw === value;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) && n === value;
}
