import { PoolHost } from '../../worker/poolHost';
import type { PoolWorker, PoolWorkerFactory } from './workerPool';

/**
 * Pool workers for tests: each runs the pool worker's own host (PoolHost) in this process, a task
 * per macrotask, so several "workers" interleave as real ones would. `alive()` counts the workers
 * not yet terminated.
 */
export function inProcessWorkers(): { factory: PoolWorkerFactory; alive: () => number; made: () => number } {
  let alive = 0;
  let made = 0;
  const factory = (): PoolWorker => {
    const host = new PoolHost();
    let terminated = false;
    alive++;
    made++;
    const later = <T>(fn: () => T) =>
      new Promise<T>((resolve, reject) =>
        setTimeout(() => {
          if (terminated) return; // a terminated worker never answers
          try {
            resolve(fn());
          } catch (error) {
            reject(error);
          }
        }, 0),
      );
    return {
      runTask: (task, keepSummary) => later(() => host.runTask(structuredClone(task), keepSummary)),
      exportDocument: (doc, format, options, onProgress) =>
        later(() => host.exportDocument(doc, format, options, onProgress)),
      importText: (text, from) => later(() => host.importText(text, from)),
      failed: new Promise<never>(() => {}),
      terminate: () => {
        if (!terminated) alive--;
        terminated = true;
      },
    };
  };
  return { factory, alive: () => alive, made: () => made };
}
