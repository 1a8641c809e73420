import { CAUSE } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import type { EdgeLink } from '../../sim/edgeLink';
import { isSuccess } from '../../sim/status';
import type { NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { LogSharder } from '../events/logSystem';
import type { StoredLogEntry } from '../events/logTypes';
import { LogProcessorRuntime } from './logProcessorRuntime';
import { LogStoreRuntime, shippedEntries } from './logStoreRuntime';
import { SingleNodeRuntime } from './singleNode';

/**
 * A log router node: each `log` step's entry (time, writing service, level, message, trace id) is
 * sharded over the log stores and log processors it links to (by service hash, round robin or time bucket, from its
 * config) and shipped over that edge, so partitions and latency apply. Entries that cannot be
 * shipped (no store, a failed hop) are counted as dropped per store.
 */
export class LogRouterRuntime extends SingleNodeRuntime {
  private router: LogSharder | null = null;
  private shards: EdgeLink[] = [];
  private seq = 0;
  /** Entries with no store to go to. */
  unrouted = 0;

  constructor(
    world: World,
    readonly node: NodeOfKind<'logRouter'>,
  ) {
    super(world, node);
  }

  override init(): void {
    this.shards = this.world
      .linksFrom(this.id)
      .filter((l) => l.target instanceof LogStoreRuntime || l.target instanceof LogProcessorRuntime);
    if (this.shards.length === 0) return;
    const c = this.node.config;
    this.router = new LogSharder(this.shards.length, { strategy: c.strategy, timeBucketMs: c.timeBucketMs });
  }

  handle(req: NodeRequest): void {
    this.accept(req);
    const step = req.step;
    if (step?.kind !== 'log') {
      this.answer(req, 400, CAUSE.badRequest);
      return;
    }
    const entry: StoredLogEntry = {
      // Stamped by the emitting service's clock, skewed or not: time sharding and queries follow it.
      timeMs: this.world.clockMs(req.sourceId),
      service: req.sourceId,
      level: step.level,
      message: step.message,
      traceId: req.trace ? String(req.trace.traceId) : '',
      seq: this.seq,
    };
    this.answer(req, 200, CAUSE.none);
    if (!this.router) {
      this.unrouted++;
      return;
    }
    const link = this.shards[this.router.shardFor(entry)]!;
    const call = link.call('POST', '/entries', {}, null, null, -1, shipped, this);
    this.seq++;
    shippedEntries.set(call, entry);
  }

  /** Entries with no log store linked. */
  override summary(): { logRouter: { unrouted: number } } {
    return { logRouter: { unrouted: this.unrouted } };
  }
}

function shipped(_router: LogRouterRuntime, status: number, call: { link: EdgeLink }): void {
  // A failed shipment loses the entry; the store it was meant for reports it as dropped (a processor
  // counts the entries its full queue refused itself).
  if (!isSuccess(status) && call.link.target instanceof LogStoreRuntime) call.link.target.lostInTransit++;
}
