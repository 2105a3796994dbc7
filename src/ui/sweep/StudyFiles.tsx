import { isBusy } from '../../state/selectors';
import { useId } from 'react';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import { studyToJson, trialsToCsv } from '../../sweep/studyFile';
import type { SavedSweep, SavedTrial } from '../../state/persist/types';
import { decodeCsvBytes } from '../../train/datasets/decode';

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The study as JSON; a CSV study's file goes in as its text (read and decoded only now, when asked for). */
async function studyJson(study: SavedSweep): Promise<string> {
  const c = study.choice;
  if (c.kind !== 'csv' || !c.file) return studyToJson(study);
  try {
    return studyToJson(study, decodeCsvBytes(new Uint8Array(await c.file.arrayBuffer()), c.encoding ?? 'auto').text);
  } catch {
    return studyToJson(study); // the file is gone (moved or changed): its name at least
  }
}

/** Export the current sweep as JSON or its trial table as CSV; import a study file. */
export function StudyFiles() {
  const id = useId();
  const record = useApp((s) => s.sweepRecord);
  const trials = useApp((s) => s.trials);
  const busy = useApp(isBusy);
  const importStudy = useApp((s) => s.importStudy);
  const done = trials.filter((tr) => tr.status !== 'running') as SavedTrial[];
  const stamp = record ? new Date(record.createdAt).toISOString().slice(0, 19).replace(/[:T]/g, '-') : '';
  return (
    <div className="train-bar study-files">
      <button type="button" disabled={!record || done.length === 0}
        onClick={async () => record && download(`study-${stamp}.json`, 'application/json', await studyJson({ ...record, trials: done }))}>
        {t.exportStudy}
      </button>
      <button type="button" disabled={!record || done.length === 0}
        onClick={() => record && download(`trials-${stamp}.csv`, 'text/csv', trialsToCsv(record.config, done))}>
        {t.exportTrials}
      </button>
      <label htmlFor={`${id}-imp`} className="inline">{t.importStudy}</label>
      <input id={`${id}-imp`} type="file" accept=".json,application/json" disabled={busy}
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) importStudy(await file.text());
          e.target.value = '';
        }} />
    </div>
  );
}
