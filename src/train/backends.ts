/** Backend names and fallback order; pure, shared by the page and the worker. */
export const backendNames = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];

export function backendOrder(preferred: BackendName): BackendName[] {
  return [preferred, ...backendNames.filter((b) => b !== preferred)];
}

export function isBackendName(v: unknown): v is BackendName {
  return typeof v === 'string' && (backendNames as readonly string[]).includes(v);
}
