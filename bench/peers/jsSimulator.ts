import { createRequire } from 'node:module';

/** The slice of js-simulator's API the hold model uses (the package ships no types). */
interface JsSimEvent {
  time: number;
  update: (deltaTime: number) => void;
}
interface JsSimScheduler {
  current_time: number | null;
  scheduleOnceIn(event: JsSimEvent, deltaTime: number): void;
  update(): void;
  hasEvents(): boolean;
}
export interface JsSimulatorModule {
  Scheduler: new () => JsSimScheduler;
  SimEvent: new (rank?: number) => JsSimEvent;
}

/** Loads js-simulator (a CommonJS package). */
export function loadJsSimulator(): JsSimulatorModule {
  return createRequire(import.meta.url)('js-simulator') as JsSimulatorModule;
}
