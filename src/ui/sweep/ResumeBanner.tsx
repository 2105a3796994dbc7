import { isBusy } from '../../state/selectors';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';

/** Offers to resume a sweep that a reload interrupted; its finished trials are already shown. */
export function ResumeBanner() {
  const saved = useApp((s) => s.resumable);
  const resume = useApp((s) => s.resumeSweep);
  const discard = useApp((s) => s.discardResumable);
  const busy = useApp(isBusy);
  if (!saved) return null;
  return (
    <div className="notice" role="region" aria-label={t.resumeSweep}>
      <span>{t.sweepInterrupted(saved.trials.length, saved.config.budget)}</span>
      <span>
        <button type="button" className="primary" onClick={resume} disabled={busy}>{t.resumeSweep}</button>{' '}
        <button type="button" onClick={discard} disabled={busy}>{t.discardSweep}</button>
      </span>
    </div>
  );
}
