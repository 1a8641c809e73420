import type { Fault } from '../model/schema';
import type { MessageFaultRates } from './messageFaults';
import type { World } from './world';

/** The fault kinds that degrade a link, a bus, a clock, an instance or a disk for a while. */
export type Degradation = Extract<
  Fault,
  { kind: 'linkFaults' | 'busFaults' | 'clockSkew' | 'grayFailure' | 'slowDisk' }
>;

/** Whether `fault` is one of the degradations this module applies. */
export function isDegradation(fault: Fault): fault is Degradation {
  return (
    fault.kind === 'linkFaults' ||
    fault.kind === 'busFaults' ||
    fault.kind === 'clockSkew' ||
    fault.kind === 'grayFailure' ||
    fault.kind === 'slowDisk'
  );
}

/** A degradation's effect: started now, and the function that ends it (null when unsupported). */
type Start = (world: World, fault: Degradation) => (() => void) | null;

const rates = (f: { lossRate: number; duplicateRate: number; reorderRate: number }): MessageFaultRates => ({
  lossRate: f.lossRate,
  duplicateRate: f.duplicateRate,
  reorderRate: f.reorderRate,
});

const starts: { [K in Degradation['kind']]: Start } = {
  linkFaults(world, fault) {
    const f = fault as Extract<Degradation, { kind: 'linkFaults' }>;
    const link = world.links.find((l) => l.id === f.edgeId);
    if (!link) return null;
    const r = rates(f);
    link.faults.push(r);
    return () => link.faults.end(r);
  },
  busFaults(world, fault) {
    const f = fault as Extract<Degradation, { kind: 'busFaults' }>;
    const bus = world.runtimes.get(f.nodeId)?.messageFaults;
    if (!bus) return null;
    const r = rates(f);
    bus.push(r);
    return () => bus.end(r);
  },
  clockSkew(world, fault) {
    const f = fault as Extract<Degradation, { kind: 'clockSkew' }>;
    world.shiftClock(f.nodeId, f.skewMs);
    return () => world.shiftClock(f.nodeId, -f.skewMs);
  },
  grayFailure(world, fault) {
    const f = fault as Extract<Degradation, { kind: 'grayFailure' }>;
    const runtime = world.runtimes.get(f.nodeId);
    const slowdown = { share: f.share, factor: f.factor };
    if (!runtime?.slowInstance?.(f.instance, slowdown)) return null;
    return () => runtime.slowInstance?.(f.instance, slowdown, true);
  },
  slowDisk(world, fault) {
    const f = fault as Extract<Degradation, { kind: 'slowDisk' }>;
    const runtime = world.runtimes.get(f.nodeId);
    if (!runtime?.slowDisk?.(f.factor)) return null;
    return () => runtime.slowDisk?.(1 / f.factor);
  },
};

function degradationText(fault: Degradation): string {
  switch (fault.kind) {
    case 'linkFaults':
    case 'busFaults': {
      const on = fault.kind === 'linkFaults' ? `edge ${fault.edgeId}` : `bus ${fault.nodeId}`;
      return `messages on ${on}: ${pct(fault.lossRate)} lost, ${pct(fault.duplicateRate)} duplicated, ${pct(fault.reorderRate)} reordered`;
    }
    case 'clockSkew':
      return `clock of ${fault.nodeId} off by ${fault.skewMs} ms`;
    case 'grayFailure':
      return `gray failure: ${pct(fault.share)} of instance ${fault.instance} of ${fault.nodeId} slowed ${fault.factor}x`;
    case 'slowDisk':
      return `disk of ${fault.nodeId} ${fault.factor}x slower`;
  }
}

const pct = (p: number): string => `${Math.round(p * 1000) / 10} %`;

/** The node or edge a degradation is on, for the event log. */
const subjectOf = (fault: Degradation): string => (fault.kind === 'linkFaults' ? fault.edgeId : fault.nodeId);

/** Starts a degradation now and schedules its end when it has a duration; says so in the event log. */
export function applyDegradation(world: World, fault: Degradation, endMs: number): void {
  const sim = world.sim;
  const subject = subjectOf(fault);
  const end = starts[fault.kind](world, fault);
  if (end === null) {
    world.log.append(sim.now, 'fault', 'warn', subject, `${subject} does not support ${fault.kind}`);
    return;
  }
  const forText = endMs >= 0 ? ` for ${endMs / 1000} s` : '';
  world.log.append(sim.now, 'fault', 'warn', subject, `${degradationText(fault)}${forText}`);
  if (endMs < 0) return;
  sim.schedule(
    endMs,
    () => {
      end();
      world.log.append(sim.now, 'fault', 'info', subject, `${fault.kind} on ${subject} ended`);
    },
    null,
  );
}
