/**
 * The fair scheduler of a comparison: lanes (one per method and repeat) take turns, so at any moment every
 * lane still running has the same number of finished trials, give or take the round in progress. Pure.
 */
export interface Lane {
  lane: number;
  method: string;
  repeat: number;
}

export function makeLanes(methods: readonly string[], repeats: number): Lane[] {
  const lanes: Lane[] = [];
  // Repeat-major, so one repeat of every method finishes a round before the next repeat starts it.
  for (let r = 0; r < repeats; r++) for (const method of methods) lanes.push({ lane: lanes.length, method, repeat: r });
  return lanes;
}

/**
 * The next lane to run given how many trials each lane has finished and which lanes are done (budget
 * reached, or the method ran out of points); null when all are done.
 */
export function nextLane(done: readonly number[], finished: readonly boolean[], budget: number): number | null {
  let best: number | null = null;
  for (let i = 0; i < done.length; i++) {
    if (finished[i] || done[i] >= budget) continue;
    if (best === null || done[i] < done[best]) best = i;
  }
  return best;
}
