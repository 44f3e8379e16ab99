// A per-process counter of changes to rights requests: cached figures (the metrics)
// made before the latest change are stale.
const state = (globalThis as unknown as { __requestChanges?: { version: number } }).__requestChanges ?? { version: 0 };
(globalThis as unknown as { __requestChanges?: { version: number } }).__requestChanges = state;

export function requestsChanged(): void {
  state.version++;
}

export function requestsVersion(): number {
  return state.version;
}
