import { createRequire } from 'node:module';

/** The slice of SIM.JS's API the hold model uses (the package ships no types). */
interface SimjsRequest {
  done(callback: () => void, context?: object, argument?: unknown): SimjsRequest;
}
export interface SimjsEntity {
  sim: SimjsSim;
  setTimer(durationMs: number): SimjsRequest;
}
export interface SimjsSim {
  time(): number;
  addEntity<A extends unknown[]>(klass: new (sim: SimjsSim, name?: string) => object, ...args: A): object;
  simulate(endTime: number, maxEvents?: number): boolean;
}
export interface SimjsModule {
  Sim: new () => SimjsSim;
  Entity: new (sim: SimjsSim, name?: string) => SimjsEntity;
}

let cached: SimjsModule | undefined;

/**
 * Loads SIM.JS. Its npm build is a browserify bundle that exports nothing to CommonJS and only
 * assigns `window.Sim`, so a stand-in `window` is provided for the duration of the require.
 */
export function loadSimjs(): SimjsModule {
  if (cached) return cached;
  const scope = globalThis as { window?: { Sim?: SimjsModule } };
  const hadWindow = 'window' in scope;
  const previous = scope.window;
  scope.window = {};
  try {
    createRequire(import.meta.url)('simjs');
    const loaded = scope.window.Sim;
    if (!loaded?.Sim || !loaded.Entity) throw new Error('simjs did not expose window.Sim');
    cached = loaded;
    return loaded;
  } finally {
    if (hadWindow) scope.window = previous;
    else delete scope.window;
  }
}
