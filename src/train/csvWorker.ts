/// <reference lib="webworker" />
/** The CSV worker: reads, decodes and parses a student's file off the page's thread, and keeps the parse. */
import { createCsvSession, createThrottle } from './csvSession';
import { preparedBuffers } from './preparedData';
import { messages as m } from './datasets/messages';
import type { CsvLoadMessage, CsvPhase, FromCsvWorker, ToCsvWorker } from './csvProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromCsvWorker, transfer: Transferable[] = []) => scope.postMessage(msg, transfer);
const session = createCsvSession();
/** Progress this often at most: enough for a smooth bar, few enough messages to cost the page nothing. */
const PROGRESS_MS = 100;

async function load(msg: CsvLoadMessage): Promise<void> {
  const { jobId } = msg;
  const progress = (phase: CsvPhase, fraction: number, rows: number) => post({ type: 'progress', jobId, phase, fraction, rows });
  if (!session.has(msg.fileId, msg.encoding)) {
    progress('read', 0, 0);
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await msg.file.arrayBuffer());
    } catch {
      post({ type: 'done', jobId, result: { columns: [], target: '', encoding: null, error: m.fileUnreadable } });
      return;
    }
    const due = createThrottle(PROGRESS_MS, () => performance.now());
    due(); // the 0% just sent counts as the first report
    session.parse(msg.fileId, msg.encoding, bytes, (p) => {
      if (p.fraction === 1 || due()) progress('read', p.fraction, p.rows);
    });
  }
  progress('build', 1, 0);
  const result = session.build(msg);
  post({ type: 'done', jobId, result }, 'prepared' in result ? preparedBuffers(result.prepared) : []);
}

// One job at a time, in order (the page sends a new one only when the last is answered or cancelled).
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (ev: MessageEvent<ToCsvWorker>) => {
  const msg = ev.data;
  queue = queue
    .then(() => load(msg))
    .catch((e: unknown) => {
      post({ type: 'done', jobId: msg.jobId, result: { columns: [], target: '', encoding: null, error: m.loadFailed(e instanceof Error ? e.message : String(e)) } });
    });
};
