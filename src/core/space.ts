/**
 * Search spaces: what a hyperparameter may be, checking a space, and moving params to and from the
 * unit cube that samplers and models work in.
 *
 * Two codings of a point:
 * - unit coordinates: one number in [0, 1] per parameter (space-filling designs, random draws, the GP);
 *   ints and choices own equal-width bins, so a uniform u gives a uniform grid value or choice.
 * - model encoding: numeric params as their unit coordinate, each categorical as a one-hot block
 *   (never ordinal), for models that want a vector space.
 * Log-scaled params live in log space in both codings.
 */

export type ParamSpec =
  | { type: 'float'; low: number; high: number; log?: boolean }
  | { type: 'int'; low: number; high: number; step?: number; log?: boolean }
  | { type: 'categorical'; choices: readonly (string | number | boolean)[] };
export type SearchSpace = Record<string, ParamSpec>;
export type ParamValue = number | string | boolean;
export type Params = Record<string, ParamValue>;

type IntSpec = Extract<ParamSpec, { type: 'int' }>;
type CategoricalSpec = Extract<ParamSpec, { type: 'categorical' }>;

const fmt = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v));

/** Problems with a space, each a sentence a person can act on; [] when the space is usable. */
export function validateSpace(space: SearchSpace, knownNames?: readonly string[]): string[] {
  const problems: string[] = [];
  const names = Object.keys(space ?? {});
  if (names.length === 0) {
    problems.push('The search space is empty: add at least one hyperparameter to search over.');
    return problems;
  }
  const known = knownNames ? new Set(knownNames) : undefined;
  for (const name of names) {
    if (known && !known.has(name)) problems.push(`Unknown hyperparameter "${name}".`);
    problems.push(...validateParam(name, space[name]));
  }
  return problems;
}

function validateParam(name: string, spec: ParamSpec | undefined): string[] {
  const out: string[] = [];
  if (!spec || typeof spec !== 'object') return [`${name}: missing its range or choices.`];
  if (spec.type === 'categorical') {
    if (!Array.isArray(spec.choices) || spec.choices.length === 0) {
      out.push(`${name}: needs at least one choice.`);
      return out;
    }
    const seen = new Set<string | number | boolean>();
    for (const c of spec.choices) {
      if (seen.has(c)) out.push(`${name}: the choice ${fmt(c)} is listed more than once.`);
      seen.add(c);
    }
    return out;
  }
  if (spec.type !== 'float' && spec.type !== 'int') {
    return [`${name}: unknown kind ${fmt((spec as { type?: unknown }).type)} (use float, int or categorical).`];
  }
  const { low, high } = spec;
  if (typeof low !== 'number' || typeof high !== 'number' || !Number.isFinite(low) || !Number.isFinite(high)) {
    out.push(`${name}: low and high must be finite numbers (got ${fmt(low)} and ${fmt(high)}).`);
    return out;
  }
  if (low >= high) out.push(`${name}: low (${low}) must be less than high (${high}).`);
  if (spec.log && low <= 0) out.push(`${name}: a log scale needs low above 0 (got ${low}).`);
  if (spec.type === 'int') {
    if (!Number.isInteger(low) || !Number.isInteger(high)) {
      out.push(`${name}: an integer range needs whole-number bounds (got ${low} and ${high}).`);
    }
    if (spec.step !== undefined) {
      const step = spec.step;
      if (!Number.isFinite(step) || step <= 0 || !Number.isInteger(step)) {
        out.push(`${name}: step must be a positive whole number (got ${step}).`);
      } else if (low < high && Number.isInteger(low) && Number.isInteger(high) && (high - low) % step !== 0) {
        out.push(`${name}: step ${step} does not divide the range ${low}..${high} (width ${high - low}).`);
      }
    }
  }
  return out;
}

/** Throws one Error listing every problem, for code paths that cannot go on with a bad space. */
export function assertValidSpace(space: SearchSpace): void {
  const problems = validateSpace(space);
  if (problems.length > 0) throw new Error(`Invalid search space: ${problems.join(' ')}`);
}

// ---------------------------------------------------------------------------------------------
// Per-parameter helpers

const clamp01 = (u: number): number => (u < 0 ? 0 : u > 1 ? 1 : Number.isNaN(u) ? 0.5 : u);

export function intStep(spec: IntSpec): number {
  return spec.step ?? 1;
}

/** How many integer values the spec allows. */
export function intCount(spec: IntSpec): number {
  return Math.floor((spec.high - spec.low) / intStep(spec)) + 1;
}

/** Snap a number to the nearest value on an int spec's grid, inside its bounds. */
export function snapInt(spec: IntSpec, v: number): number {
  const step = intStep(spec);
  const k = Math.round((v - spec.low) / step);
  return spec.low + step * Math.min(intCount(spec) - 1, Math.max(0, k));
}

/** Log-scale ints own [low - pad, high + pad] so both ends get a fair share of the axis. */
function logIntRange(spec: IntSpec): [number, number] {
  const pad = Math.min(intStep(spec), spec.low) / 2;
  return [Math.log(spec.low - pad), Math.log(spec.high + pad)];
}

/** Index of a value among a categorical's choices; throws if it is not one of them. */
export function choiceIndex(spec: CategoricalSpec, value: ParamValue): number {
  const i = spec.choices.indexOf(value);
  if (i < 0) throw new Error(`${fmt(value)} is not one of the choices ${spec.choices.map(fmt).join(', ')}`);
  return i;
}

/** The unit coordinate of one value (bin centre for ints and choices). */
export function paramToUnit(spec: ParamSpec, value: ParamValue): number {
  switch (spec.type) {
    case 'float': {
      const v = Number(value);
      if (spec.log) return clamp01((Math.log(v) - Math.log(spec.low)) / (Math.log(spec.high) - Math.log(spec.low)));
      return clamp01((v - spec.low) / (spec.high - spec.low));
    }
    case 'int': {
      const v = snapInt(spec, Number(value));
      if (spec.log) {
        const [a, b] = logIntRange(spec);
        return clamp01((Math.log(v) - a) / (b - a));
      }
      const n = intCount(spec);
      return (Math.round((v - spec.low) / intStep(spec)) + 0.5) / n;
    }
    case 'categorical':
      return (choiceIndex(spec, value) + 0.5) / spec.choices.length;
  }
}

/** The value a unit coordinate stands for: floats clamp into range, ints land on their grid. */
export function paramFromUnit(spec: ParamSpec, u: number): ParamValue {
  const x = clamp01(u);
  switch (spec.type) {
    case 'float': {
      if (spec.log) {
        const v = Math.exp(Math.log(spec.low) + x * (Math.log(spec.high) - Math.log(spec.low)));
        return Math.min(spec.high, Math.max(spec.low, v));
      }
      return Math.min(spec.high, Math.max(spec.low, spec.low + x * (spec.high - spec.low)));
    }
    case 'int': {
      if (spec.log) {
        const [a, b] = logIntRange(spec);
        return snapInt(spec, Math.exp(a + x * (b - a)));
      }
      const n = intCount(spec);
      return spec.low + intStep(spec) * Math.min(n - 1, Math.floor(x * n));
    }
    case 'categorical': {
      const k = spec.choices.length;
      return spec.choices[Math.min(k - 1, Math.floor(x * k))];
    }
  }
}

/** One-hot vector of a choice. */
export function oneHot(spec: CategoricalSpec, value: ParamValue): number[] {
  const v = Array.from({ length: spec.choices.length }, () => 0);
  v[choiceIndex(spec, value)] = 1;
  return v;
}

export function isDiscrete(spec: ParamSpec): boolean {
  return spec.type !== 'float';
}

/** Every value of a discrete spec in order (ints on their grid, or the choices). */
export function discreteValues(spec: ParamSpec): ParamValue[] {
  if (spec.type === 'categorical') return [...spec.choices];
  if (spec.type === 'int') return Array.from({ length: intCount(spec) }, (_, i) => spec.low + i * intStep(spec));
  throw new Error('A float range has no finite list of values');
}

/** Number of distinct points in a space: Infinity as soon as one parameter is a float. */
export function discreteSize(space: SearchSpace): number {
  let n = 1;
  for (const spec of Object.values(space)) {
    if (spec.type === 'float') return Infinity;
    n *= spec.type === 'int' ? intCount(spec) : spec.choices.length;
  }
  return n;
}

/** A stable string naming a point, for "has this been tried?" checks. */
export function paramsKey(space: SearchSpace, params: Params): string {
  return JSON.stringify(Object.keys(space).map((n) => params[n]));
}

/** Problems with a set of params against a space (missing, wrong type, out of range, off the grid). */
export function validateParams(space: SearchSpace, params: Params): string[] {
  const out: string[] = [];
  for (const [name, spec] of Object.entries(space)) {
    const v = params[name];
    if (v === undefined) {
      out.push(`${name}: missing.`);
      continue;
    }
    if (spec.type === 'categorical') {
      if (!spec.choices.includes(v)) out.push(`${name}: ${fmt(v)} is not one of the choices.`);
      continue;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      out.push(`${name}: ${fmt(v)} is not a finite number.`);
      continue;
    }
    if (v < spec.low || v > spec.high) out.push(`${name}: ${v} is outside ${spec.low}..${spec.high}.`);
    else if (spec.type === 'int' && snapInt(spec, v) !== v) out.push(`${name}: ${v} is not on the integer grid.`);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Whole-space encoder

/** Where one parameter sits in the model encoding. */
export interface ParamColumn {
  readonly name: string;
  readonly spec: ParamSpec;
  /** First model dimension of this parameter. */
  readonly offset: number;
  /** 1 for numeric params, the number of choices for a categorical (one-hot block). */
  readonly width: number;
}

export interface Encoder {
  /** Parameter names in the space's order; unit coordinates follow this order. */
  readonly names: readonly string[];
  readonly columns: readonly ParamColumn[];
  /** Length of the model encoding (categoricals count one per choice). */
  readonly dims: number;
  /** Model encoding: numeric params as unit coordinates, categoricals one-hot. */
  encode(params: Params): number[];
  /** Inverse of encode; a categorical block decodes to its largest entry. */
  decode(x: ArrayLike<number>): Params;
  /** One unit coordinate per parameter (categoricals at their bin centre). */
  toUnit(params: Params): number[];
  /** Params for a point of the unit cube (one coordinate per parameter). */
  fromUnit(u: ArrayLike<number>): Params;
}

export function createEncoder(space: SearchSpace): Encoder {
  const names = Object.keys(space);
  const columns: ParamColumn[] = [];
  let dims = 0;
  for (const name of names) {
    const spec = space[name];
    const width = spec.type === 'categorical' ? spec.choices.length : 1;
    columns.push({ name, spec, offset: dims, width });
    dims += width;
  }
  return {
    names,
    columns,
    dims,
    encode(params) {
      const x = Array.from({ length: dims }, () => 0);
      for (const c of columns) {
        if (c.spec.type === 'categorical') x[c.offset + choiceIndex(c.spec, params[c.name])] = 1;
        else x[c.offset] = paramToUnit(c.spec, params[c.name]);
      }
      return x;
    },
    decode(x) {
      const p: Params = {};
      for (const c of columns) {
        if (c.spec.type === 'categorical') {
          let best = 0;
          for (let j = 1; j < c.width; j++) if (x[c.offset + j] > x[c.offset + best]) best = j;
          p[c.name] = c.spec.choices[best];
        } else {
          p[c.name] = paramFromUnit(c.spec, x[c.offset]);
        }
      }
      return p;
    },
    toUnit(params) {
      return columns.map((c) => paramToUnit(c.spec, params[c.name]));
    },
    fromUnit(u) {
      const p: Params = {};
      columns.forEach((c, i) => {
        p[c.name] = paramFromUnit(c.spec, u[i]);
      });
      return p;
    },
  };
}
