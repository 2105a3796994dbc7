/** The page's side of the worker: one worker, typed messages, run ids so late messages of an old run are ignored. */
import type { FromWorker, ToWorker } from './protocol';

export interface TrainClient {
  send(msg: ToWorker, transfer?: Transferable[]): void;
  nextRunId(): number;
  terminate(): void;
}

export function createTrainClient(onMessage: (msg: FromWorker) => void): TrainClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'trainer' });
  worker.onmessage = (ev: MessageEvent<FromWorker>) => onMessage(ev.data);
  worker.onerror = (ev: ErrorEvent) => {
    ev.preventDefault();
    onMessage({ type: 'error', message: ev.message || 'The training worker failed to start.' });
  };
  let runId = 0;
  return {
    send: (msg, transfer = []) => worker.postMessage(msg, transfer),
    nextRunId: () => ++runId,
    terminate: () => worker.terminate(),
  };
}
