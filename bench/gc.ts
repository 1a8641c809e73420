import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * Forces a full garbage collection, so heap figures measure live data rather than garbage not yet
 * collected. Uses `gc` from `--expose-gc` when present; otherwise turns the flag on at run time.
 */
export function forceGc(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === 'function') collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  collect();
}

/** Heap in use after a forced full collection, in MiB. */
export function heapUsedMiB(): number {
  forceGc();
  return process.memoryUsage().heapUsed / (1024 * 1024);
}
