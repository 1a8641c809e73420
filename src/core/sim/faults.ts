import type { Fault } from '../model/schema';
import { applyDegradation, isDegradation } from './degradations';
import type { World } from './world';

interface Scheduled {
  world: World;
  fault: Fault;
}

/** Error-rate overrides in force per node; the newest one wins, and ending one reveals the previous. */
const overrides = new WeakMap<World, Map<string, { rate: number }[]>>();

/** Schedules every fault of the scenario timeline that falls inside the run. */
export function scheduleFaults(world: World): void {
  for (const fault of world.document.scenario.faults) {
    const atMs = fault.atSec * 1000;
    if (atMs <= world.options.durationMs) world.sim.scheduleAt(atMs, applyScheduled, { world, fault });
  }
}

function applyScheduled(s: Scheduled): void {
  applyFault(s.world, s.fault);
}

/** Applies a fault now (its atSec is ignored) and schedules its end when it has a duration. */
export function applyFault(world: World, fault: Fault): void {
  const sim = world.sim;
  const log = world.log;
  const endMs =
    fault.kind !== 'killInstance' &&
    fault.kind !== 'restartInstance' &&
    'durationSec' in fault &&
    fault.durationSec !== undefined
      ? fault.durationSec * 1000
      : -1;
  if (fault.kind === 'partition') {
    world.changePartition(fault.a, fault.b, 1);
    log.append(
      sim.now,
      'fault',
      'error',
      fault.a,
      `partition between ${fault.a} and ${fault.b}${forText(endMs)}`,
    );
    if (endMs >= 0) {
      sim.schedule(
        endMs,
        () => {
          world.changePartition(fault.a, fault.b, -1);
          log.append(sim.now, 'fault', 'info', fault.a, `partition between ${fault.a} and ${fault.b} healed`);
        },
        null,
      );
    }
    return;
  }
  if (fault.kind === 'subscribe' || fault.kind === 'unsubscribe') {
    const on = fault.kind === 'subscribe';
    let matched = 0;
    for (const node of world.nodes)
      matched += node.setSubscribed?.(fault.nodeId, fault.topic, fault.group, on) ?? 0;
    const what = `${fault.topic}${fault.group === undefined ? '' : ` (group ${fault.group})`}`;
    if (matched > 0)
      log.append(
        sim.now,
        'fault',
        on ? 'info' : 'warn',
        fault.nodeId,
        `${fault.nodeId} ${on ? 'subscribed to' : 'unsubscribed from'} ${what}`,
      );
    else log.append(sim.now, 'fault', 'warn', fault.nodeId, `${fault.nodeId} has no subscription to ${what}`);
    return;
  }
  if (isDegradation(fault)) {
    applyDegradation(world, fault, endMs);
    return;
  }
  if (fault.kind === 'configChange') {
    world.configChanges.push(fault);
    log.append(
      sim.now,
      'config',
      'info',
      fault.service,
      `config ${fault.service}.${fault.key} = ${String(fault.value)}`,
    );
    // The config server or control plane it names delivers it (push or poll, propagation delay).
    const source = world.runtimes.get(fault.nodeId);
    if (!source?.changeConfig?.(fault.service, fault.key, fault.value)) {
      log.append(sim.now, 'fault', 'warn', fault.nodeId, `${fault.nodeId} cannot deliver config changes`);
    }
    return;
  }
  const runtime = world.runtimes.get(fault.nodeId);
  if (!runtime) {
    log.append(sim.now, 'fault', 'warn', null, `fault ${fault.kind} names unknown node ${fault.nodeId}`);
    return;
  }
  const id = fault.nodeId;
  let supported: boolean;
  switch (fault.kind) {
    case 'killInstance':
      supported = runtime.kill(fault.instance);
      if (supported) log.append(sim.now, 'fault', 'error', id, `instance ${fault.instance} of ${id} killed`);
      break;
    case 'restartInstance':
      supported = runtime.restart(fault.instance);
      if (supported)
        log.append(sim.now, 'fault', 'info', id, `instance ${fault.instance} of ${id} restarted`);
      break;
    case 'addLatency':
      supported = runtime.addLatencyMs(fault.latencyMs);
      if (supported) {
        log.append(
          sim.now,
          'fault',
          'warn',
          id,
          `+${fault.latencyMs} ms per work step on ${id}${forText(endMs)}`,
        );
        if (endMs >= 0) {
          sim.schedule(
            endMs,
            () => {
              runtime.addLatencyMs(-fault.latencyMs);
              log.append(sim.now, 'fault', 'info', id, `added latency on ${id} removed`);
            },
            null,
          );
        }
      }
      break;
    case 'errorRate':
      supported = pushErrorRate(world, id, fault.errorRate, endMs);
      break;
  }
  if (!supported) {
    log.append(sim.now, 'fault', 'warn', id, `${runtime.kind} ${id} does not support ${fault.kind}`);
  }
}

function pushErrorRate(world: World, id: string, rate: number, endMs: number): boolean {
  const runtime = world.runtimes.get(id)!;
  if (!runtime.setErrorRate(rate)) return false;
  let perNode = overrides.get(world);
  if (!perNode) {
    perNode = new Map();
    overrides.set(world, perNode);
  }
  const stack = perNode.get(id) ?? [];
  perNode.set(id, stack);
  const entry = { rate };
  stack.push(entry);
  const sim = world.sim;
  world.log.append(sim.now, 'fault', 'warn', id, `error rate of ${id} set to ${rate}${forText(endMs)}`);
  if (endMs >= 0) {
    sim.schedule(
      endMs,
      () => {
        const i = stack.indexOf(entry);
        if (i >= 0) stack.splice(i, 1);
        runtime.setErrorRate(stack.length > 0 ? stack[stack.length - 1]!.rate : null);
        world.log.append(sim.now, 'fault', 'info', id, `error rate override on ${id} ended`);
      },
      null,
    );
  }
  return true;
}

function forText(endMs: number): string {
  return endMs >= 0 ? ` for ${endMs / 1000} s` : '';
}
