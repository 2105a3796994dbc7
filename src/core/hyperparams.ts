/**
 * The hyperparameter registry: one table that the sliders, the search-space editor, URL state and
 * validation all read. Labels and help texts live in the messages table (src/ui/messages), keyed by name.
 */
import type { ParamSpec } from './space';

export const optimizers = ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof optimizers)[number];
export const activations = ['relu', 'tanh', 'sigmoid', 'linear', 'elu', 'selu', 'softplus'] as const;
export type ActivationName = (typeof activations)[number];

export interface Hyperparams {
  learningRate: number;
  batchSize: number;
  epochs: number;
  optimizer: OptimizerName;
  hiddenLayers: number;
  unitsPerLayer: number;
  activation: ActivationName;
  l2: number;
  dropout: number;
}
export type HyperparamName = keyof Hyperparams;

interface NumericDef {
  kind: 'number';
  /** Range the control allows. */
  min: number;
  max: number;
  /** log: a log-scale slider; int: whole numbers only. */
  log: boolean;
  int: boolean;
  /** Slider step for linear controls. */
  step?: number;
  /** Typical range offered by default in the search-space editor. */
  sweep: { low: number; high: number; log: boolean };
  /** Zero allowed as an "off" value below a log scale (l2). */
  allowZero?: boolean;
}
interface ChoiceDef {
  kind: 'choice';
  choices: readonly string[];
  sweep: readonly string[];
}
export type HyperparamDef = (NumericDef | ChoiceDef) & { name: HyperparamName };

export const hyperparamDefs: readonly HyperparamDef[] = [
  { name: 'learningRate', kind: 'number', min: 1e-5, max: 10, log: true, int: false, sweep: { low: 1e-4, high: 1, log: true } },
  { name: 'batchSize', kind: 'number', min: 1, max: 512, log: true, int: true, sweep: { low: 4, high: 128, log: true } },
  { name: 'epochs', kind: 'number', min: 1, max: 500, log: false, int: true, step: 1, sweep: { low: 10, high: 100, log: false } },
  { name: 'optimizer', kind: 'choice', choices: optimizers, sweep: ['sgd', 'adam', 'rmsprop'] },
  { name: 'hiddenLayers', kind: 'number', min: 0, max: 6, log: false, int: true, step: 1, sweep: { low: 0, high: 4, log: false } },
  { name: 'unitsPerLayer', kind: 'number', min: 1, max: 128, log: true, int: true, sweep: { low: 2, high: 64, log: true } },
  { name: 'activation', kind: 'choice', choices: activations, sweep: ['relu', 'tanh', 'sigmoid'] },
  { name: 'l2', kind: 'number', min: 1e-6, max: 1, log: true, int: false, allowZero: true, sweep: { low: 1e-5, high: 1e-1, log: true } },
  { name: 'dropout', kind: 'number', min: 0, max: 0.8, log: false, int: false, step: 0.05, sweep: { low: 0, high: 0.5, log: false } },
];

export const defaultHyperparams: Hyperparams = {
  learningRate: 0.03,
  batchSize: 16,
  epochs: 40,
  optimizer: 'adam',
  hiddenLayers: 2,
  unitsPerLayer: 8,
  activation: 'tanh',
  l2: 0,
  dropout: 0,
};

export function getDef(name: HyperparamName): HyperparamDef {
  const def = hyperparamDefs.find((d) => d.name === name);
  if (!def) throw new Error(`Unknown hyperparameter ${name}`);
  return def;
}

/** Clamp and round one value to what its control allows; non-finite or unknown values become the default. */
export function sanitizeValue<K extends HyperparamName>(name: K, value: unknown): Hyperparams[K] {
  const def = getDef(name);
  const fallback = defaultHyperparams[name];
  if (def.kind === 'choice') {
    return (typeof value === 'string' && def.choices.includes(value) ? value : fallback) as Hyperparams[K];
  }
  const v = typeof value === 'string' ? Number(value) : value;
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback;
  if (def.allowZero && v === 0) return 0 as Hyperparams[K];
  let out = Math.min(def.max, Math.max(def.min, v));
  if (def.int) out = Math.round(out);
  return out as Hyperparams[K];
}

export function sanitizeHyperparams(input: Partial<Record<HyperparamName, unknown>>): Hyperparams {
  const out = { ...defaultHyperparams };
  for (const def of hyperparamDefs) {
    if (def.name in input) (out as Record<HyperparamName, unknown>)[def.name] = sanitizeValue(def.name, input[def.name]);
  }
  return out;
}

/** The search-space spec a hyperparameter gets by default when the user makes it a range. */
export function defaultSweepSpec(name: HyperparamName): ParamSpec {
  const def = getDef(name);
  if (def.kind === 'choice') return { type: 'categorical', choices: [...def.sweep] };
  if (def.int) return { type: 'int', low: def.sweep.low, high: def.sweep.high, log: def.sweep.log };
  return { type: 'float', low: def.sweep.low, high: def.sweep.high, log: def.sweep.log };
}
