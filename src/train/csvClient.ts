/**
 * The page's side of the CSV worker: one load at a time, progress by callback, and cancel, which
 * terminates the worker (a parse cannot be interrupted from outside); the next load starts a fresh one.
 */
import type { CsvEncoding } from './datasets/decode';
import { messages as m } from './datasets/messages';
import type { CsvBuildRequest, CsvBuilt } from './csvSession';
import type { CsvPhase, FromCsvWorker, ToCsvWorker } from './csvProtocol';

export interface CsvLoadRequest extends CsvBuildRequest {
  file: Blob;
  encoding: CsvEncoding;
}

export interface CsvLoadProgress {
  phase: CsvPhase;
  fraction: number;
  rows: number;
}

export type CsvLoadOutcome = CsvBuilt | { cancelled: true };

export interface CsvClient {
  /** Read (the worker skips this when it keeps this file's parse) and build. A newer load or cancel() answers an older one with { cancelled }. */
  load(req: CsvLoadRequest, onProgress: (p: CsvLoadProgress) => void): Promise<CsvLoadOutcome>;
  /** Stop the load in progress, if any. */
  cancel(): void;
}

export function createCsvClient(): CsvClient {
  let worker: Worker | null = null;
  let pending: { jobId: number; resolve: (o: CsvLoadOutcome) => void; onProgress: (p: CsvLoadProgress) => void } | null = null;
  let jobs = 0;
  let files = 0;
  // A Blob keeps its id for as long as the page holds it, so the worker can tell a file it already parsed.
  const fileIds = new WeakMap<Blob, number>();

  const settle = (outcome: CsvLoadOutcome) => {
    const p = pending;
    pending = null;
    p?.resolve(outcome);
  };
  const stop = () => {
    worker?.terminate();
    worker = null;
  };
  const start = (): Worker => {
    const w = new Worker(new URL('./csvWorker.ts', import.meta.url), { type: 'module', name: 'csv' });
    w.onmessage = (ev: MessageEvent<FromCsvWorker>) => {
      const msg = ev.data;
      if (!pending || msg.jobId !== pending.jobId) return;
      if (msg.type === 'progress') pending.onProgress({ phase: msg.phase, fraction: msg.fraction, rows: msg.rows });
      else settle(msg.result);
    };
    w.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      stop();
      settle({ columns: [], target: '', encoding: null, error: m.readerFailed(ev.message) });
    };
    return w;
  };

  return {
    load: (req, onProgress) => {
      settle({ cancelled: true });
      worker ??= start();
      let fileId = fileIds.get(req.file);
      if (fileId === undefined) fileIds.set(req.file, (fileId = ++files));
      const jobId = ++jobs;
      const msg: ToCsvWorker = { type: 'load', jobId, fileId, ...req };
      const w = worker;
      return new Promise<CsvLoadOutcome>((resolve) => {
        pending = { jobId, resolve, onProgress };
        w.postMessage(msg);
      });
    },
    cancel: () => {
      if (!pending) return;
      stop();
      settle({ cancelled: true });
    },
  };
}
