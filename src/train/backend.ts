/** Backend choice: the preferred one first, then webgl -> wasm -> cpu; report which one runs and why. */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { backendOrder, type BackendName } from './backends';

// Without explicit paths the wasm fallback fetches the app's HTML page instead of the binary.
setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmPlain,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
});

export interface BackendReport {
  backend: BackendName;
  requested: BackendName;
  /** Why the requested backend is not the one in use; absent when it is. */
  reason?: string;
}

function webglUsable(): string | null {
  if (typeof OffscreenCanvas === 'undefined') return 'OffscreenCanvas is not available in this browser';
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') ?? new OffscreenCanvas(1, 1).getContext('webgl');
    if (!gl) return 'WebGL is not available (no GPU context could be created)';
  } catch (e) {
    return `WebGL failed to start: ${(e as Error).message}`;
  }
  return null;
}

export async function initBackend(requested: BackendName): Promise<BackendReport> {
  const failures: string[] = [];
  for (const name of backendOrder(requested)) {
    if (name === 'webgl') {
      const problem = webglUsable();
      if (problem) {
        failures.push(problem);
        continue;
      }
    }
    try {
      // setBackend returns false rather than throwing when a backend fails to initialize.
      const ok = await tf.setBackend(name);
      await tf.ready();
      if (ok && tf.getBackend() === name) {
        return { backend: name, requested, ...(name !== requested ? { reason: failures.join('; ') } : {}) };
      }
      failures.push(`${name} did not start`);
    } catch (e) {
      failures.push(`${name} failed: ${(e as Error).message}`);
    }
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.join('; ')}`);
}
