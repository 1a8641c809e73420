import { CAUSE, type FailureCause } from '../../metrics/failureCause';
import { BaseRuntime } from '../../sim/baseRuntime';
import type { InstanceView, NodeRequest } from '../../sim/types';

/**
 * Common ground of the infrastructure nodes (registry, config server, mesh control plane): one
 * instance that can be killed and restarted, answering any request sent to it at once with 200
 * (503 while down). Their real work runs on their own timers, not through requests.
 */
export abstract class ControlNode extends BaseRuntime implements InstanceView {
  readonly instances: InstanceView = this;
  readonly count = 1;
  protected up = true;

  abstract override init(): void;
  abstract override start(): void;

  /** Whether the node is up and not cut off from `otherId` by a partition. */
  reaches(otherId: string): boolean {
    return this.up && !this.world.isPartitioned(this.id, otherId);
  }

  /** Why a message between the node and `otherId` fails now: `none` when it {@link reaches} it. */
  reachCause(otherId: string): FailureCause {
    if (!this.up) return CAUSE.instanceDown;
    return this.world.isPartitioned(this.id, otherId) ? CAUSE.partitioned : CAUSE.none;
  }

  /** Whether a timer at `delayMs` from now still falls inside the run. */
  protected inRun(delayMs: number): boolean {
    return this.world.sim.now + delayMs <= this.world.options.durationMs;
  }

  isUp(): boolean {
    return this.up;
  }

  isRoutable(): boolean {
    return this.up;
  }

  load(): number {
    return 0;
  }

  handle(req: NodeRequest): void {
    const now = this.world.sim.now;
    this.stats.arrived++;
    req.arrivedMs = now;
    const status = this.up ? 200 : 503;
    const cause = this.up ? CAUSE.none : CAUSE.instanceDown;
    this.stats.record(status, cause, now, now);
    req.replyTo.onReply(req, status, cause);
  }

  override healthyInstances(): number {
    return this.up ? 1 : 0;
  }

  override kill(instance: number): boolean {
    if (instance !== 0) return false;
    this.up = false;
    return true;
  }

  override restart(instance: number): boolean {
    if (instance !== 0) return false;
    this.up = true;
    return true;
  }
}
