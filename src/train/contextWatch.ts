/** Watches the WebGL backend's context: knows when it was lost, and can lose it on purpose (fault injection). */
import * as tf from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

export const CONTEXT_LOST = 'The WebGL context was lost (the GPU was reset or taken by another tab).';

function webglContext(): WebGLRenderingContext | null {
  if (tf.getBackend() !== 'webgl') return null;
  return (tf.backend() as MathBackendWebGL).gpgpu.gl;
}

export interface ContextWatch {
  /** CONTEXT_LOST once the context is gone, otherwise null. */
  fault(): string | null;
  /** Settles with CONTEXT_LOST when the current backend's context is lost; never settles off WebGL. */
  lost(): Promise<string>;
  /** Lose the context through WEBGL_lose_context; false when not on WebGL. */
  lose(): boolean;
}

export function createContextWatch(): ContextWatch {
  return {
    fault: () => (webglContext()?.isContextLost() ? CONTEXT_LOST : null),
    lost: () =>
      new Promise<string>((resolve) => {
        const gl = webglContext();
        if (!gl) return;
        if (gl.isContextLost()) resolve(CONTEXT_LOST);
        (gl.canvas as EventTarget).addEventListener('webglcontextlost', () => resolve(CONTEXT_LOST), { once: true });
      }),
    lose: () => {
      const gl = webglContext();
      const ext = gl?.getExtension('WEBGL_lose_context');
      if (!ext) return false;
      ext.loseContext();
      return true;
    },
  };
}
