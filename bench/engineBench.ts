import { DelayTape } from './delayTape';
import { forceGc } from './gc';
import {
  type HoldRun,
  type HoldRunner,
  runArchplayHold,
  runJsSimulatorHold,
  runObjectHeapHold,
  runSimjsHold,
} from './holdModel';
import { median } from './stats';

export interface EngineOptions {
  pending: number;
  events: number;
  warmupEvents: number;
  rounds: number;
  seed: number;
  meanDelayMs: number;
}

const defaultEngineOptions: EngineOptions = {
  pending: 10_000,
  events: 1_000_000,
  warmupEvents: 200_000,
  rounds: 7,
  seed: 20_240_601,
  meanDelayMs: 100,
};

type EngineName = 'archplay' | 'simjs' | 'jsSimulator' | 'objectHeap';

interface EngineMeasurement {
  name: EngineName;
  label: string;
  eventsPerSec: number;
  roundsEventsPerSec: number[];
  events: number;
  finalTimeMs: number;
}

export interface EngineResult {
  eventsPerSec: number;
  vsSimjs: number;
  vsJsSimulator: number;
  vsObjectHeap: number;
  simjsEventsPerSec: number;
  jsSimulatorEventsPerSec: number;
  objectHeapEventsPerSec: number;
  measurements: EngineMeasurement[];
  /** Problems that make the comparison invalid (different event counts or clocks). */
  mismatches: string[];
  options: EngineOptions;
}

const engines: { name: EngineName; label: string; run: HoldRunner }[] = [
  { name: 'archplay', label: 'archplay Simulation', run: runArchplayHold },
  { name: 'simjs', label: 'SIM.JS (simjs)', run: runSimjsHold },
  { name: 'jsSimulator', label: 'js-simulator', run: runJsSimulatorHold },
  { name: 'objectHeap', label: 'object-heap reference', run: runObjectHeapHold },
];

/**
 * Hold-model throughput of the engine and its peers in one process: a warm-up, then rounds in a
 * rotating order (so no engine always runs first or last), each round after a full GC; the
 * median round counts.
 */
export function benchEngine(options: EngineOptions = defaultEngineOptions): EngineResult {
  const tape = new DelayTape(options.seed, options.meanDelayMs);
  for (const engine of engines) engine.run(tape, options.pending, options.warmupEvents);

  const runs = new Map<EngineName, HoldRun[]>(engines.map((e) => [e.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (let k = 0; k < engines.length; k++) {
      const engine = engines[(round + k) % engines.length]!;
      forceGc();
      runs.get(engine.name)!.push(engine.run(tape, options.pending, options.events));
    }
  }

  const measurements = engines.map(({ name, label }): EngineMeasurement => {
    const list = runs.get(name)!;
    const perSec = list.map((r) => (r.events / r.wallMs) * 1000);
    return {
      name,
      label,
      eventsPerSec: median(perSec),
      roundsEventsPerSec: perSec,
      events: list[0]!.events,
      finalTimeMs: list[0]!.finalTimeMs,
    };
  });

  const mismatches = checkSameModel(runs, options);
  const by = (name: EngineName) => measurements.find((m) => m.name === name)!.eventsPerSec;
  const ours = by('archplay');
  return {
    eventsPerSec: ours,
    vsSimjs: ours / by('simjs'),
    vsJsSimulator: ours / by('jsSimulator'),
    vsObjectHeap: ours / by('objectHeap'),
    simjsEventsPerSec: by('simjs'),
    jsSimulatorEventsPerSec: by('jsSimulator'),
    objectHeapEventsPerSec: by('objectHeap'),
    measurements,
    mismatches,
    options,
  };
}

/** Every run of every engine must fire the same events, draw the same delays and end at the same clock. */
function checkSameModel(runs: Map<EngineName, HoldRun[]>, options: EngineOptions): string[] {
  const problems: string[] = [];
  const reference = runs.get('archplay')![0]!;
  for (const [name, list] of runs) {
    list.forEach((run, round) => {
      const where = `${name} round ${round + 1}`;
      if (run.events !== options.events)
        problems.push(`${where}: fired ${run.events} events, expected ${options.events}`);
      if (run.delaysDrawn !== options.pending + options.events)
        problems.push(
          `${where}: drew ${run.delaysDrawn} delays, expected ${options.pending + options.events}`,
        );
      if (run.finalTimeMs !== reference.finalTimeMs)
        problems.push(
          `${where}: clock ended at ${run.finalTimeMs} ms, archplay at ${reference.finalTimeMs} ms`,
        );
    });
  }
  return problems;
}
