/**
 * What a finished run's losses say about its learning rate, in words a class can use. Too high: the
 * training loss ended above where it started, or the model ends worse than a blind guess (a validation loss
 * above that of predicting every class as equally likely, ln k, or of predicting the mean of the standardized
 * target, 1): the steps overshoot even when nothing turns NaN, as Adam at a rate of 10 on tanh units does.
 * Too low: the training loss barely moved (it crawls). Pure.
 */
export type RunHint =
  | { kind: 'rose'; first: number; last: number }
  | { kind: 'worseThanGuess'; last: number; guess: number }
  | { kind: 'flat'; first: number; last: number; dropPct: number };

/** The training loss rose by more than this share of where it started. */
export const ROSE_SHARE = 0.02;
/** The training loss fell by less than this share over the whole run. */
export const FLAT_SHARE = 0.05;
/** Worse than guessing: the last validation loss is above the guess's loss by this factor. */
export const GUESS_FACTOR = 1.5;

/** The loss of a blind guess: uniform over k classes (cross-entropy ln k), or the mean of a standardized target (MSE 1). */
export function guessLoss(classes: number | null): number {
  return classes !== null && classes >= 2 ? Math.log(classes) : 1;
}

export function runHint(trainLosses: readonly number[], valLosses: readonly number[] = [], guess: number | null = null): RunHint | null {
  const finite = trainLosses.filter((v) => Number.isFinite(v));
  if (finite.length < 3 || finite.length !== trainLosses.length) return null;
  const first = finite[0], last = finite[finite.length - 1];
  if (!(first > 0)) return null;
  if (last > first * (1 + ROSE_SHARE)) return { kind: 'rose', first, last };
  const lastVal = valLosses.at(-1);
  if (guess !== null && lastVal !== undefined && Number.isFinite(lastVal) && lastVal > guess * GUESS_FACTOR) return { kind: 'worseThanGuess', last: lastVal, guess };
  const drop = (first - last) / first;
  if (drop < FLAT_SHARE) return { kind: 'flat', first, last, dropPct: Math.max(0, drop * 100) };
  return null;
}
