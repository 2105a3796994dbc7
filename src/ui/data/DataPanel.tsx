import { isBusy } from '../../state/selectors';
import { useEffect, useId, useRef } from 'react';
import { toyDatasets } from '../../train/datasets/toy';
import { tabularDatasets } from '../../train/datasets/tabular';
import { useApp } from '../StoreContext';
import { t } from '../messages/en';
import type { DataChoice } from '../../train/prepare';
import { NumberField } from '../controls/NumberField';
import { CSV_ENCODINGS, isCsvEncoding } from '../../train/datasets/decode';

const CSV = '__csv__';
/** Larger files are refused before they are read. */
const MAX_CSV_MB = 20;

export function DataPanel() {
  const id = useId();
  const choice = useApp((s) => s.choice);
  const prepared = useApp((s) => s.prepared);
  const error = useApp((s) => s.dataError);
  const columns = useApp((s) => s.csvColumns);
  const loading = useApp((s) => s.csvLoading);
  const encodingUsed = useApp((s) => s.csvEncodingUsed);
  const csvMessage = useApp((s) => s.csvMessage);
  const fileInput = useRef<HTMLInputElement>(null);
  // After a cancelled or refused file the picker must not name it: the data in use is another file's.
  useEffect(() => {
    const input = fileInput.current;
    const picked = input?.files?.[0];
    if (input && picked && !loading && (choice.kind !== 'csv' || picked !== choice.file)) input.value = '';
  }, [choice, loading, csvMessage, error]);
  const cancelCsv = useApp((s) => s.cancelCsv);
  const setChoice = useApp((s) => s.setChoice);
  const loadCsv = useApp((s) => s.loadCsv);
  const rejectFile = useApp((s) => s.rejectFile);
  const busy = useApp(isBusy);
  const selected = choice.kind === 'csv' ? CSV : choice.id;
  const info = [...toyDatasets, ...tabularDatasets].find((d) => d.id === selected);

  const pick = (value: string) => {
    if (value === CSV) {
      setChoice({ kind: 'csv', fileName: '', target: '' });
      return;
    }
    const toy = toyDatasets.find((d) => d.id === value);
    const next: DataChoice = toy
      ? { kind: 'toy', id: value, n: choice.kind === 'toy' ? choice.n : 400, noise: choice.kind === 'toy' ? choice.noise : 0.1, seed: choice.kind === 'toy' ? choice.seed : 1 }
      : { kind: 'tabular', id: value };
    setChoice(next);
  };

  return (
    <section aria-labelledby={`${id}-h`} className="panel">
      <h2 id={`${id}-h`}>{t.dataHeading}</h2>
      <div className="control">
        <label htmlFor={`${id}-ds`}>{t.dataset}</label>
        <select id={`${id}-ds`} value={selected} disabled={busy} onChange={(e) => pick(e.target.value)}>
          <optgroup label="Toy 2-D sets">
            {toyDatasets.map((d) => (
              <option key={d.id} value={d.id}>{`${d.name} (${t[d.task]})`}</option>
            ))}
          </optgroup>
          <optgroup label="Real tables">
            {tabularDatasets.map((d) => (
              <option key={d.id} value={d.id}>{`${d.name} (${t[d.task]})`}</option>
            ))}
          </optgroup>
          <option value={CSV}>{t.csvFile}…</option>
        </select>
        {info ? <p className="help">{info.description}</p> : null}
      </div>

      {choice.kind === 'toy' ? (
        <>
          <div className="control">
            <label htmlFor={`${id}-n`}>{t.datasetSize}</label>
            <div className="slider-row">
              <input id={`${id}-n`} type="range" min={50} max={2000} step={50} value={choice.n} disabled={busy}
                onChange={(e) => setChoice({ ...choice, n: Number(e.target.value) })} />
              <span className="value-text">{choice.n}</span>
            </div>
          </div>
          <div className="control">
            <label htmlFor={`${id}-noise`}>{t.datasetNoise}</label>
            <div className="slider-row">
              <input id={`${id}-noise`} type="range" min={0} max={0.5} step={0.05} value={choice.noise} disabled={busy}
                onChange={(e) => setChoice({ ...choice, noise: Number(e.target.value) })} />
              <span className="value-text">{Math.round(choice.noise * 100)}%</span>
            </div>
          </div>
          <div className="control">
            <label htmlFor={`${id}-seed`}>{t.dataSeed}</label>
            <NumberField id={`${id}-seed`} integer min={0} max={2 ** 31 - 1} value={choice.seed} disabled={busy}
              onCommit={(v) => setChoice({ ...choice, seed: v })} />
          </div>
        </>
      ) : null}

      {choice.kind === 'csv' ? (
        <>
          <div className="control">
            <label htmlFor={`${id}-file`}>{t.csvFile}</label>
            <input ref={fileInput} id={`${id}-file`} type="file" accept=".csv,.tsv,.txt,text/csv" disabled={busy}
              // Forget the last pick as the picker opens, so choosing the same file again (after a cancel, say) reads it again.
              onClick={(e) => (e.currentTarget.value = '')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                // Size first: never read a huge file into memory. The CSV worker reads the rest.
                if (file.size > MAX_CSV_MB * 1024 * 1024) rejectFile(t.fileTooLarge((file.size / 1024 / 1024).toFixed(1), MAX_CSV_MB));
                else if (file.size === 0) rejectFile(t.fileEmpty);
                else loadCsv(file);
              }} />
            {!choice.file ? <p className="help">{t.csvPick}</p> : <p className="help">{choice.fileName}</p>}
          </div>
          <div className="control">
            <label htmlFor={`${id}-enc`}>{t.csvEncoding}</label>
            <select id={`${id}-enc`} value={choice.encoding ?? 'auto'} disabled={busy}
              onChange={(e) => {
                if (isCsvEncoding(e.target.value)) setChoice({ ...choice, encoding: e.target.value });
              }}>
              {CSV_ENCODINGS.map((enc) => <option key={enc} value={enc}>{t.csvEncodingNames[enc]}</option>)}
            </select>
            <p className="help">
              {(choice.encoding ?? 'auto') === 'auto' && encodingUsed && choice.file ? `${t.csvEncodingUsed(t.csvEncodingNames[encodingUsed])} ` : ''}
              {t.csvEncodingHelp}
            </p>
          </div>
          {loading ? (
            <div className="control csv-loading">
              <progress aria-label={t.csvProgress} max={1} {...(loading.phase === 'read' ? { value: loading.fraction } : {})} />
              <p className="help">
                {loading.phase === 'read' ? t.csvReading(loading.fileName, Math.floor(loading.fraction * 100), loading.rows) : t.csvPreparing(loading.fileName)}
              </p>
              <button type="button" onClick={cancelCsv}>{t.csvCancel}</button>
            </div>
          ) : null}
          {csvMessage ? <p className="note" role="status">{csvMessage}</p> : null}
          {columns.length > 0 ? (
            <div className="control">
              <label className="inline">
                <input type="checkbox" checked={choice.textColumns === 'onehot'} disabled={busy}
                  onChange={(e) => setChoice({ ...choice, textColumns: e.target.checked ? 'onehot' : 'exclude' })} />
                {t.csvOneHot}
              </label>
              <p className="help">{t.csvOneHotHelp}</p>
            </div>
          ) : null}
          {columns.length > 0 ? (
            <div className="control">
              <label htmlFor={`${id}-target`}>{t.csvTarget}</label>
              <select id={`${id}-target`} value={choice.target} disabled={busy}
                onChange={(e) => setChoice({ ...choice, target: e.target.value })}>
                {columns.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </div>
          ) : null}
        </>
      ) : null}

      {error ? <p className="error" role="alert">{error}</p> : null}
      {prepared ? (
        <div className="data-info">
          <p>{t.splitSizes(prepared.split.train.n, prepared.split.validation.n)}</p>
          {prepared.dataset.task === 'classification' ? <p>{t.classes(prepared.dataset.classNames)}</p> : <p>{`${t.regression}: ${prepared.dataset.targetName}`}</p>}
          {prepared.dataset.notes.map((n) => <p key={n} className="note">{n}</p>)}
        </div>
      ) : null}
    </section>
  );
}
