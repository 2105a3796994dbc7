/// <reference lib="webworker" />
/**
 * A helper worker of the training worker's pool: trains the units it is given on its own backend (wasm or
 * cpu, where more cores mean more trials at once) and reports each epoch. Holds one sweep's data at a time.
 */
import { initBackend } from './backend';
import { trainUnit } from './unit';
import type { BackendName } from './backends';
import type { Split } from './datasets/types';
import type { FromPoolWorker, ToPoolWorker } from './poolProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (msg: FromPoolWorker) => scope.postMessage(msg);

let data: { id: number; split: Split } | null = null;
let backend: { asked: BackendName; got: Promise<BackendName> } | null = null;
const running = new Map<number, AbortController>();

function ensureBackend(asked: BackendName): Promise<BackendName> {
  if (!backend || backend.asked !== asked) backend = { asked, got: initBackend(asked).then((r) => r.backend) };
  return backend.got;
}

scope.onmessage = (ev: MessageEvent<ToPoolWorker>) => {
  const msg = ev.data;
  switch (msg.type) {
    case 'data':
      data = { id: msg.dataId, split: msg.data };
      break;
    case 'stop':
      running.get(msg.jobId)?.abort();
      break;
    case 'unit': {
      const ctrl = new AbortController();
      running.set(msg.jobId, ctrl);
      void (async () => {
        try {
          if (!data || data.id !== msg.dataId) throw new Error('The pool worker has no data for this sweep.');
          const got = await ensureBackend(msg.backend);
          const results = await trainUnit({
            trials: msg.trials,
            data: data.split,
            signal: ctrl.signal,
            onEpoch: (k, metrics) => post({ type: 'epoch', jobId: msg.jobId, k, metrics }),
          });
          post({ type: 'done', jobId: msg.jobId, results, backend: got });
        } catch (e) {
          post({ type: 'error', jobId: msg.jobId, message: (e as Error).message });
        } finally {
          running.delete(msg.jobId);
        }
      })();
      break;
    }
  }
};
