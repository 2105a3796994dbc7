/** Batch size against the size of the training split: clamp, and say so. Pure. */
export interface BatchPlan {
  batchSize: number;
  clamped: boolean;
  stepsPerEpoch: number;
}

export function planBatches(requested: number, nTrain: number): BatchPlan {
  if (nTrain < 1) throw new Error('The training split is empty.');
  const want = Math.max(1, Math.round(requested));
  const batchSize = Math.min(want, nTrain);
  return { batchSize, clamped: batchSize !== want, stepsPerEpoch: Math.ceil(nTrain / batchSize) };
}
