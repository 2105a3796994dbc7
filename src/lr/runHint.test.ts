import { expect, test } from 'vitest';
import { guessLoss, runHint } from './runHint';

test('a loss that ends above its start reads as a rate too high; one that barely moves as too low', () => {
  expect(runHint([0.69, 3.2, 5.1, 5.42])).toEqual({ kind: 'rose', first: 0.69, last: 5.42 });
  const flat = runHint([0.693, 0.692, 0.690, 0.688]);
  expect(flat?.kind).toBe('flat');
  expect(flat && 'dropPct' in flat ? flat.dropPct : NaN).toBeCloseTo((0.005 / 0.693) * 100, 6);
  // A healthy run, a bumpy one that still fell, and runs too short or broken to judge: no hint.
  expect(runHint([0.7, 0.4, 0.2, 0.1])).toBeNull();
  expect(runHint([0.7, 0.9, 0.5, 0.3])).toBeNull();
  expect(runHint([0.7, 0.8])).toBeNull();
  expect(runHint([0.7, Number.NaN, 0.5])).toBeNull();
  expect(runHint([0, 0, 0])).toBeNull();
});

test('a run that ends worse than a blind guess reads as a rate too high, even when its loss did not rise', () => {
  // Adam at 10 on tanh units (circle, 2 classes): the loss jumps in the first epoch and stays there.
  expect(runHint([5.6, 5.5, 5.45], [5.5, 5.44, 5.42], guessLoss(2))).toEqual({ kind: 'worseThanGuess', last: 5.42, guess: Math.log(2) });
  expect(guessLoss(3)).toBeCloseTo(Math.log(3), 12);
  expect(guessLoss(null)).toBe(1);
  // Below the guess's loss: no such hint.
  expect(runHint([0.7, 0.4, 0.3], [0.6, 0.4, 0.35], guessLoss(2))).toBeNull();
});
