import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { fmt, fmtDuration } from '../format';

/** Facts about the finished run: where it ran, how fast, and whether every tensor was freed. */
export function RunDetails() {
  const result = useApp((s) => s.result);
  const backend = useApp((s) => s.backend);
  if (!result) return null;
  const speeds = result.epochs.map((m) => m.samplesPerSec).sort((a, b) => a - b);
  const median = speeds.length ? speeds[Math.floor(speeds.length / 2)] : undefined;
  return (
    <dl className="run-details" aria-label={t.runDetails}>
      <dt>{t.backend}</dt><dd>{backend ?? '–'}</dd>
      <dt>{t.batchUsed}</dt><dd>{result.batchSize}</dd>
      <dt>{t.medianSpeed}</dt><dd>{median !== undefined ? t.samplesPerSec(fmt(median)) : '–'}</dd>
      <dt>{t.duration}</dt><dd>{fmtDuration(result.durationMs)}</dd>
      <dt>{t.tensorsLeft}</dt><dd data-testid="tensor-delta">{result.tensorDelta}</dd>
    </dl>
  );
}
