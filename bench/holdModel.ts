import { Simulation } from '../src/core';
import type { DelayTape } from './delayTape';
import { loadJsSimulator } from './peers/jsSimulator';
import { loadSimjs, type SimjsEntity, type SimjsSim } from './peers/simjs';
import { ObjectHeapSimulation } from './reference/objectHeap';

/**
 * The classic hold model: `pending` events wait in the queue; each one, when it fires, schedules
 * one new event at now + a delay from the shared tape. Only the `events` firings after setup are
 * timed. Each engine counts its own firings and reports its final clock, so a run that did not
 * execute the same model is caught rather than compared.
 */
export interface HoldRun {
  events: number;
  wallMs: number;
  finalTimeMs: number;
  delaysDrawn: number;
}

export type HoldRunner = (tape: DelayTape, pending: number, events: number) => HoldRun;

/** The engines with archplay's schedule/runUntil signature. */
interface HoldEngine {
  readonly now: number;
  schedule(delayMs: number, fn: (arg: undefined) => void, arg: undefined): void;
  runUntil(untilMs: number, maxEvents: number): number;
}

/** The hold model on any engine with archplay's API: every firing schedules one more event. */
function holdOn(createEngine: () => HoldEngine): HoldRunner {
  return (tape, pending, events) => {
    tape.rewind();
    const sim = createEngine();
    let fired = 0;
    const fire = (): void => {
      fired++;
      sim.schedule(tape.next(), fire, undefined);
    };
    for (let i = 0; i < pending; i++) sim.schedule(tape.next(), fire, undefined);
    const startMs = performance.now();
    sim.runUntil(Number.POSITIVE_INFINITY, events);
    const wallMs = performance.now() - startMs;
    return { events: fired, wallMs, finalTimeMs: sim.now, delaysDrawn: tape.drawn };
  };
}

export const runArchplayHold: HoldRunner = holdOn(() => new Simulation());

export const runObjectHeapHold: HoldRunner = holdOn(() => new ObjectHeapSimulation());

interface SimjsHolder extends SimjsEntity {
  fired: number;
}
type SimjsHolderClass = new (sim: SimjsSim, name?: string) => SimjsHolder;
let simjsHolderClass: SimjsHolderClass | undefined;

/** One SIM.JS entity owns the pending timers, written the way SIM.JS documents entities. */
function simjsHolder(): SimjsHolderClass {
  if (simjsHolderClass) return simjsHolderClass;
  const { Entity } = loadSimjs();
  class Holder extends Entity {
    fired = 0;
    tape: DelayTape | undefined;
    start(tape: DelayTape, pending: number): void {
      this.tape = tape;
      for (let i = 0; i < pending; i++) this.setTimer(tape.next()).done(this.fire);
    }
    fire(): void {
      this.fired++;
      this.setTimer(this.tape!.next()).done(this.fire);
    }
  }
  simjsHolderClass = Holder;
  return Holder;
}

export const runSimjsHold: HoldRunner = (tape, pending, events) => {
  tape.rewind();
  const { Sim } = loadSimjs();
  const sim = new Sim();
  const holder = sim.addEntity(simjsHolder(), 'hold', tape, pending) as SimjsHolder;
  const startMs = performance.now();
  // simulate() stops after exactly maxEvents deliveries.
  sim.simulate(Number.POSITIVE_INFINITY, events);
  const wallMs = performance.now() - startMs;
  return { events: holder.fired, wallMs, finalTimeMs: sim.time(), delaysDrawn: tape.drawn };
};

export const runJsSimulatorHold: HoldRunner = (tape, pending, events) => {
  tape.rewind();
  const { Scheduler, SimEvent } = loadJsSimulator();
  const scheduler = new Scheduler();
  let fired = 0;
  // One SimEvent per pending slot, rescheduling itself: js-simulator's agent idiom.
  const update = function (this: InstanceType<typeof SimEvent>): void {
    fired++;
    scheduler.scheduleOnceIn(this, tape.next());
  };
  for (let i = 0; i < pending; i++) {
    const event = new SimEvent(1);
    event.update = update;
    scheduler.scheduleOnceIn(event, tape.next());
  }
  const startMs = performance.now();
  // update() fires every event of the next time instant; exponential delays make ties vanishingly rare.
  while (fired < events) scheduler.update();
  const wallMs = performance.now() - startMs;
  return { events: fired, wallMs, finalTimeMs: scheduler.current_time ?? 0, delaysDrawn: tape.drawn };
};
