/** The search-space editor's draft (what the user typed) -> a validated SearchSpace. Pure. */
import { getDef, hyperparamDefs, type HyperparamName } from '../core/hyperparams';
import { validateSpace, type ParamSpec, type SearchSpace } from '../core';

export type AxisDraft =
  | { mode: 'fixed' }
  | { mode: 'range'; low: string; high: string; log: boolean }
  | { mode: 'choices'; choices: string[] };
export type SpaceDraft = Record<HyperparamName, AxisDraft>;

export function defaultDraft(): SpaceDraft {
  const draft = {} as SpaceDraft;
  for (const def of hyperparamDefs) draft[def.name] = { mode: 'fixed' };
  draft.learningRate = defaultAxis('learningRate', 'range');
  return draft;
}

export function defaultAxis(name: HyperparamName, mode: AxisDraft['mode']): AxisDraft {
  const def = getDef(name);
  if (mode === 'fixed') return { mode };
  if (def.kind === 'choice') return { mode: 'choices', choices: [...def.sweep] };
  return { mode: 'range', low: String(def.sweep.low), high: String(def.sweep.high), log: def.sweep.log };
}

export interface BuiltSpace {
  space: SearchSpace;
  /** Problems in the user's words, each naming the hyperparameter. Empty when the space can be searched. */
  problems: string[];
}

export function buildSpace(draft: SpaceDraft, labelOf: (n: HyperparamName) => string): BuiltSpace {
  const space: SearchSpace = {};
  const problems: string[] = [];
  for (const def of hyperparamDefs) {
    const axis = draft[def.name];
    const label = labelOf(def.name);
    if (!axis || axis.mode === 'fixed') continue;
    if (def.kind === 'choice' || axis.mode === 'choices') {
      if (axis.mode !== 'choices' || def.kind !== 'choice') {
        problems.push(`${label}: choose a range or fixed value.`);
        continue;
      }
      const choices = axis.choices.filter((c) => def.choices.includes(c));
      if (choices.length === 0) {
        problems.push(`${label}: pick at least one choice.`);
        continue;
      }
      space[def.name] = { type: 'categorical', choices };
      continue;
    }
    const low = Number(axis.low), high = Number(axis.high);
    if (axis.low.trim() === '' || !Number.isFinite(low)) {
      problems.push(`${label}: the minimum is not a number.`);
      continue;
    }
    if (axis.high.trim() === '' || !Number.isFinite(high)) {
      problems.push(`${label}: the maximum is not a number.`);
      continue;
    }
    if (low >= high) {
      problems.push(`${label}: the minimum must be smaller than the maximum.`);
      continue;
    }
    if (axis.log && low <= 0) {
      problems.push(`${label}: a log scale needs a minimum above 0.`);
      continue;
    }
    if (low < def.min || high > def.max) {
      problems.push(`${label}: keep the range within ${def.min} to ${def.max}.`);
      continue;
    }
    const spec: ParamSpec = def.int
      ? { type: 'int', low: Math.ceil(low), high: Math.floor(high), log: axis.log }
      : { type: 'float', low, high, log: axis.log };
    if (spec.type === 'int' && spec.low >= spec.high) {
      problems.push(`${label}: the range holds fewer than two whole numbers.`);
      continue;
    }
    space[def.name] = spec;
  }
  if (problems.length === 0) {
    if (Object.keys(space).length === 0) problems.push('Make at least one hyperparameter a range or a set of choices to sweep it.');
    else problems.push(...validateSpace(space));
  }
  return { space, problems };
}

/** The editor's draft for a space (so a resumed or imported study shows what it searches). */
export function draftFromSpace(space: SearchSpace): SpaceDraft {
  const draft = {} as SpaceDraft;
  for (const def of hyperparamDefs) {
    const spec = space[def.name];
    if (!spec) draft[def.name] = { mode: 'fixed' };
    else if (spec.type === 'categorical') draft[def.name] = { mode: 'choices', choices: spec.choices.map(String) };
    else draft[def.name] = { mode: 'range', low: String(spec.low), high: String(spec.high), log: spec.log === true };
  }
  return draft;
}
