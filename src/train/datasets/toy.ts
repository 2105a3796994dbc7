/**
 * Seeded 2-D toy datasets in the manner of TensorFlow Playground (its dataset.ts).
 * Points are made in the playground's coordinates (about -6..6) and divided by 6, so features lie
 * roughly in [-1, 1]. Noise is a fraction 0..1; the playground's slider (0..50%) is 0..0.5 here.
 * As in the playground, classification noise jiggles a point only to decide its label, so it blurs
 * the boundary; regression noise jiggles the point before its target is computed.
 */
import { createRng, type Rng } from '../../core/rng';
import { messages as m } from './messages';
import type { Dataset, Task } from './types';

export type ToyId = 'circle' | 'xor' | 'gaussian' | 'blobs' | 'spiral' | 'plane' | 'bumps' | 'wave';

export interface ToyInfo {
  id: ToyId;
  name: string;
  task: Task;
  description: string;
}

export interface ToyOptions {
  /** Number of points, 2..100000. */
  n?: number;
  /** 0 (clean) to 1 (very noisy). */
  noise?: number;
  seed?: number;
}

export const TOY_DEFAULTS = { n: 400, noise: 0, seed: 1 } as const;
export const TOY_MAX_POINTS = 100_000;

/** Playground coordinates are divided by this to land in about [-1, 1]. */
const SCALE = 6;

export const toyDatasets: readonly ToyInfo[] = [
  { id: 'circle', name: m.circleName, task: 'classification', description: m.circleDescription },
  { id: 'xor', name: m.xorName, task: 'classification', description: m.xorDescription },
  { id: 'gaussian', name: m.gaussianName, task: 'classification', description: m.gaussianDescription },
  { id: 'blobs', name: m.blobsName, task: 'classification', description: m.blobsDescription },
  { id: 'spiral', name: m.spiralName, task: 'classification', description: m.spiralDescription },
  { id: 'plane', name: m.planeName, task: 'regression', description: m.planeDescription },
  { id: 'bumps', name: m.bumpsName, task: 'regression', description: m.bumpsDescription },
  { id: 'wave', name: m.waveName, task: 'regression', description: m.waveDescription },
];

export function isToyId(id: string): id is ToyId {
  return toyDatasets.some((t) => t.id === id);
}

/** A point in playground coordinates with its label (class index or target value). */
interface Point {
  x: number;
  y: number;
  label: number;
}

type Generator = (n: number, noise: number, rng: Rng) => Point[];

/** Class 1 is a disc of radius 2.5, class 0 a ring from 3.5 to 5 (the playground's 0.5 and 0.7 of 5). */
const circle: Generator = (n, noise, rng) => {
  const radius = 5;
  const points: Point[] = [];
  const inner = Math.ceil(n / 2);
  for (let i = 0; i < n; i++) {
    const isInner = i < inner;
    const r = isInner ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
    const angle = rng.uniform(0, 2 * Math.PI);
    const x = r * Math.sin(angle);
    const y = r * Math.cos(angle);
    const nx = rng.uniform(-radius, radius) * noise;
    const ny = rng.uniform(-radius, radius) * noise;
    const label = Math.hypot(x + nx, y + ny) < radius * 0.5 ? 1 : 0;
    points.push({ x, y, label });
  }
  return points;
};

/**
 * Class 1 where x and y have the same sign; a 0.3 gap keeps points off the axes. The playground draws
 * x, y uniform in [-5, 5] and pads them away from 0; the same distribution, but taking the quadrants
 * in turn, so the classes are balanced.
 */
const xor: Generator = (n, noise, rng) => {
  const padding = 0.3;
  const points: Point[] = [];
  for (let i = 0; i < n; i++) {
    const x = (i % 2 === 0 ? 1 : -1) * rng.uniform(padding, 5 + padding);
    const y = (i % 4 < 2 ? 1 : -1) * rng.uniform(padding, 5 + padding);
    const nx = rng.uniform(-5, 5) * noise;
    const ny = rng.uniform(-5, 5) * noise;
    const label = (x + nx) * (y + ny) >= 0 ? 1 : 0;
    points.push({ x, y, label });
  }
  return points;
};

/** Normal clouds around the given centres, one class each; the variance grows with noise (0.5 at 0, 4 at 0.5). */
function clusters(centres: readonly (readonly [number, number])[]): Generator {
  return (n, noise, rng) => {
    const sd = Math.sqrt(0.5 + 7 * noise);
    const k = centres.length;
    const points: Point[] = [];
    for (let i = 0; i < n; i++) {
      const label = i % k;
      const [cx, cy] = centres[label];
      points.push({ x: cx + sd * rng.normal(), y: cy + sd * rng.normal(), label });
    }
    return points;
  };
}

const gaussian = clusters([
  [-2, -2],
  [2, 2],
]);

/** Three centres 3 units from the origin, 120 degrees apart. */
const blobs = clusters([0, 1, 2].map((i) => [3 * Math.cos(Math.PI / 2 + (2 * Math.PI * i) / 3), 3 * Math.sin(Math.PI / 2 + (2 * Math.PI * i) / 3)] as const));

/** Two arms, each turning 1.75 times while the radius grows to 5; noise shifts points by up to ±noise. */
const spiral: Generator = (n, noise, rng) => {
  const points: Point[] = [];
  const arm = (count: number, deltaT: number, label: number): void => {
    for (let i = 0; i < count; i++) {
      const r = (i / count) * 5;
      const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
      const x = r * Math.sin(t) + rng.uniform(-1, 1) * noise;
      const y = r * Math.cos(t) + rng.uniform(-1, 1) * noise;
      points.push({ x, y, label });
    }
  };
  arm(Math.ceil(n / 2), 0, 0);
  arm(Math.floor(n / 2), Math.PI, 1);
  return points;
};

/** A regression set: points uniform in [-6, 6]², target f(point + noise). */
function regression(f: (x: number, y: number) => number): Generator {
  return (n, noise, rng) => {
    const points: Point[] = [];
    for (let i = 0; i < n; i++) {
      const x = rng.uniform(-6, 6);
      const y = rng.uniform(-6, 6);
      const nx = rng.uniform(-6, 6) * noise;
      const ny = rng.uniform(-6, 6) * noise;
      points.push({ x, y, label: f(x + nx, y + ny) });
    }
    return points;
  };
}

/** (x + y) / 10: from -1.2 to 1.2 over the square. */
const plane = regression((x, y) => (x + y) / 10);

/** The playground's six hills (+1) and valleys (-1), as Gaussian bumps of width 1. */
const BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];
const bumps = regression((x, y) => {
  let sum = 0;
  for (const [cx, cy, sign] of BUMPS) sum += sign * Math.exp(-((x - cx) ** 2 + (y - cy) ** 2) / 2);
  return sum;
});

/** sin(pi x1) cos(pi x2) in unit coordinates: one full wave along each axis. */
const wave = regression((x, y) => Math.sin((Math.PI * x) / SCALE) * Math.cos((Math.PI * y) / SCALE));

const generators: Record<ToyId, Generator> = { circle, xor, gaussian, blobs, spiral, plane, bumps, wave };

function classNamesFor(id: ToyId): string[] {
  switch (id) {
    case 'circle':
      return [...m.circleClasses];
    case 'xor':
      return [...m.xorClasses];
    case 'spiral':
      return [...m.spiralClasses];
    case 'gaussian':
      return [0, 1].map(m.clusterClass);
    case 'blobs':
      return [0, 1, 2].map(m.clusterClass);
    default:
      return [];
  }
}

/**
 * Makes a toy dataset. Throws on an unknown id, a size outside 2..100000 or noise outside 0..1
 * (loadDataset turns these into error messages). Rows come shuffled.
 */
export function generateToy(id: ToyId | string, options: ToyOptions = {}): Dataset {
  if (!isToyId(id)) throw new Error(m.unknownToy(id));
  const n = options.n ?? TOY_DEFAULTS.n;
  const noise = options.noise ?? TOY_DEFAULTS.noise;
  const seed = options.seed ?? TOY_DEFAULTS.seed;
  if (!Number.isInteger(n) || n < 2 || n > TOY_MAX_POINTS) throw new Error(m.badSize(n));
  if (!Number.isFinite(noise) || noise < 0 || noise > 1) throw new Error(m.badNoise(noise));

  const info = toyDatasets.find((t) => t.id === id) as ToyInfo;
  const rng = createRng(seed);
  const points = rng.shuffle(generators[id](n, noise, rng));

  const x = new Float32Array(n * 2);
  const y = new Float32Array(n);
  points.forEach((p, i) => {
    x[2 * i] = p.x / SCALE;
    x[2 * i + 1] = p.y / SCALE;
    y[i] = p.label;
  });
  return {
    id,
    name: info.name,
    task: info.task,
    featureNames: ['x1', 'x2'],
    n,
    d: 2,
    x,
    y,
    classNames: classNamesFor(id),
    targetName: info.task === 'classification' ? m.toyClassTarget : m.toyTarget,
    notes: [],
  };
}
