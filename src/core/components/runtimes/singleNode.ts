import type { FailureCause } from '../../metrics/failureCause';
import { BaseRuntime } from '../../sim/baseRuntime';
import type { InstanceView, NodeRequest } from '../../sim/types';

const ONE_INSTANCE: InstanceView = {
  count: 1,
  isUp: () => true,
  isRoutable: () => true,
  load: () => 0,
  routingVersion: 0,
};

/**
 * Common ground of the data-plane nodes (bus, store, read model, log router, log store): one
 * always-up instance, request counters, and an answer helper that keeps requests conserved.
 * Instance faults are refused (the fault log says so), since these nodes model managed services.
 */
export abstract class SingleNodeRuntime extends BaseRuntime {
  readonly instances = ONE_INSTANCE;

  /** Counts a request in; pair with {@link answer}. */
  protected accept(req: NodeRequest): void {
    this.stats.arrived++;
    this.pending++;
    req.arrivedMs = this.world.sim.now;
  }

  /** Answers an accepted request exactly once, failed for `cause` unless a success. */
  answer(req: NodeRequest, status: number, cause: FailureCause): void {
    this.pending--;
    this.stats.record(status, cause, req.arrivedMs, this.world.sim.now);
    req.replyTo.onReply(req, status, cause);
  }
}

/** The value a step's `key` names: a header of the request, else one of its fields (path, method, source). */
export function requestKey(req: NodeRequest, name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const header = req.headers[name];
  if (header !== undefined) return header;
  if (name === 'path') return req.path;
  if (name === 'method') return req.method;
  if (name === 'source') return req.sourceId;
  return undefined;
}
