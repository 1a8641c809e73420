import type { InstanceView, NodeRequest } from './types';

/** Chooses the instance of a target node that receives one attempt. */
export interface LoadBalancer {
  /** An instance index, or -1 when no instance is routable. */
  pick(view: InstanceView, req: NodeRequest): number;
}

/**
 * Round robin over routable instances: the default until the resilience module's balancers
 * (random, least-request, weighted, consistent hash, panic threshold) replace it per edge.
 */
export class RoundRobinBalancer implements LoadBalancer {
  private cursor = 0;

  pick(view: InstanceView): number {
    const n = view.count;
    for (let k = 0; k < n; k++) {
      const i = (this.cursor + k) % n;
      if (view.isRoutable(i)) {
        this.cursor = (i + 1) % n;
        return i;
      }
    }
    return -1;
  }
}
