import { compileDistribution, type Sampler } from '../../engine/distributions';
import type { Sfc32 } from '../../engine/rng';
import { CAUSE, type FailureCause } from '../../metrics/failureCause';
import {
  type CompiledExpr,
  compileExpression,
  type ExprScope,
  type ExprValue,
  isTruthy,
} from '../../model/expression';
import type { NodeOfKind, Step } from '../../model/schema';
import { BaseRuntime } from '../../sim/baseRuntime';
import type { Call, EdgeLink } from '../../sim/edgeLink';
import { Fifo } from '../../sim/fifo';
import { isSuccess, STATUS_NO_RESPONSE } from '../../sim/status';
import type { InstanceView, NodeRequest } from '../../sim/types';
import type { World } from '../../sim/world';
import { StreamWindows } from '../events/streamWindow';
import { DeliveryRequest } from './eventBusRuntime';

/** Message ids remembered for deduplication (a bounded state store; the oldest are forgotten). */
const SEEN_CAPACITY = 100_000;

/** An event processor's section of its summary entry. */
export interface EventProcessorSummary {
  /** Deliveries handled (redeliveries included). */
  consumed: number;
  filteredOut: number;
  /** Events published to the output topic (window results included). */
  published: number;
  /** Redeliveries of events already published for, acknowledged without publishing again. */
  duplicatesDropped: number;
  /** Redeliveries published again (with `dedupe` off). */
  republished: number;
  windowsEmitted: number;
  /** Publishes the output bus did not confirm (the input event is redelivered). */
  publishFailed: number;
}

class Instance {
  up = true;
  epoch = 0;
  busy = false;
  current: DeliveryRequest | null = null;
  readonly queue = new Fifo<DeliveryRequest>();
}

function compiled(text: string | undefined): CompiledExpr | null {
  if (text === undefined) return null;
  const r = compileExpression(text);
  if (!r.ok) throw new RangeError(`invalid expression "${text}": ${r.message}`);
  return r.evaluate;
}

/** Reads a name from an event: mapped fields, then key / topic / publishedAtMs, then its headers (`_` for `-`). */
function eventScope(req: DeliveryRequest, fields: Record<string, ExprValue>): ExprScope {
  const d = req.delivery;
  const headers = d.payload.headers;
  return (name) => {
    if (Object.hasOwn(fields, name)) return fields[name]!;
    if (name === 'key') return d.key ?? null;
    if (name === 'topic') return d.topic;
    if (name === 'publishedAtMs') return d.publishedAtMs;
    return headers[name] ?? headers[name.replace(/_/g, '-')] ?? null;
  };
}

/**
 * A stream processor node: its instances join the source topic's consumer group (the bus delivers to
 * them like to a subscribing service), each handles one event at a time for `processingMs`, then
 * filters, maps and either publishes the event to the output topic or adds it to a window whose
 * results are published when it closes. Delivery is at least once: the input is acknowledged only
 * after the output bus confirmed the publish, so a crash in between redelivers it; with `dedupe` the
 * processor's state store (shared by its instances, surviving crashes) remembers the message ids it
 * published for and acknowledges such a redelivery without publishing again.
 */
export class EventProcessorRuntime extends BaseRuntime implements InstanceView {
  readonly instances: InstanceView = this;
  readonly count: number;
  private readonly pool: Instance[];
  private readonly cost: Sampler;
  private readonly rng: Sfc32;
  private readonly filter: CompiledExpr | null;
  private readonly map: { field: string; value: CompiledExpr }[];
  private readonly groupBy: CompiledExpr | null;
  private readonly windows: StreamWindows | null;
  private readonly seen = new Set<string>();
  private readonly seenOrder = new Fifo<string>();
  /** Message ids whose output is being published, and the redeliveries of them waiting for the outcome. */
  private readonly unconfirmed = new Map<string, { inst: Instance; req: DeliveryRequest }[]>();
  private output: EdgeLink | null = null;
  private extraLatencyMs = 0;
  private readonly counts: EventProcessorSummary = {
    consumed: 0,
    filteredOut: 0,
    published: 0,
    duplicatesDropped: 0,
    republished: 0,
    windowsEmitted: 0,
    publishFailed: 0,
  };

  constructor(
    world: World,
    readonly node: NodeOfKind<'eventProcessor'>,
  ) {
    super(world, node);
    const c = node.config;
    this.count = c.instances;
    this.pool = Array.from({ length: c.instances }, () => new Instance());
    this.cost = compileDistribution(c.processingMs);
    this.rng = world.rng(`node:${node.id}`);
    this.filter = compiled(c.filter);
    this.map = c.map.map((m) => ({ field: m.field, value: compiled(m.value)! }));
    const w = c.window;
    this.groupBy = compiled(w?.groupBy);
    this.windows = w
      ? new StreamWindows(
          w.sizeSec * 1000,
          (w.kind === 'sliding' ? w.slideSec! : w.sizeSec) * 1000,
          w.aggregate,
        )
      : null;
  }

  override init(): void {
    const out = this.node.config.output;
    this.output = out ? (this.world.link(this.id, out.bus) ?? null) : null;
  }

  override start(): void {
    if (this.windows) this.world.sim.schedule(this.windows.slideMs, closeWindows, this);
  }

  isUp(instance: number): boolean {
    return this.pool[instance]?.up ?? false;
  }

  isRoutable(instance: number): boolean {
    return this.isUp(instance);
  }

  load(instance: number): number {
    const inst = this.pool[instance];
    return inst ? inst.queue.length + (inst.busy ? 1 : 0) : 0;
  }

  /**
   * What the run's memory estimate counts for this processor: the ids of the events it handled, which
   * it remembers for dedupe and to count republished ones (up to 100 000, about 124 bytes each with
   * their place in the Set and the eviction queue, measured in Node 20), and the windows' open groups.
   */
  retainedBytes(): number {
    return this.seen.size * 124 + (this.windows?.retainedBytes() ?? 0);
  }

  override queueDepth(): number {
    return this.pool.reduce((s, i) => s + i.queue.length, 0);
  }

  override healthyInstances(): number {
    return this.pool.filter((i) => i.up).length;
  }

  handle(req: NodeRequest): void {
    this.stats.arrived++;
    this.pending++;
    req.arrivedMs = this.world.sim.now;
    const inst = this.pool[req.instance];
    if (!(req instanceof DeliveryRequest) || !inst) {
      this.answer(req, 400, CAUSE.badRequest);
      return;
    }
    if (!inst.up) {
      this.answer(req, STATUS_NO_RESPONSE, CAUSE.instanceDown);
      return;
    }
    if (inst.busy) inst.queue.push(req);
    else this.begin(inst, req);
  }

  private answer(req: NodeRequest, status: number, cause: FailureCause): void {
    this.pending--;
    this.stats.record(status, cause, req.arrivedMs, this.world.sim.now);
    req.replyTo.onReply(req, status, cause);
  }

  private begin(inst: Instance, req: DeliveryRequest): void {
    inst.busy = true;
    inst.current = req;
    const delay = Math.max(0, this.cost.draw(this.rng) + this.extraLatencyMs);
    this.world.sim.schedule(delay, processed, { runtime: this, inst, req, epoch: inst.epoch });
  }

  /** Ends the instance's current event with `status` and starts its next one. */
  /** Ends the handling of `req`, failed for `cause` unless `status` is a success. */
  done(inst: Instance, req: DeliveryRequest, status: number, cause: FailureCause = CAUSE.none): void {
    this.answer(req, status, cause);
    inst.busy = false;
    inst.current = null;
    const next = inst.queue.shift();
    if (next) this.begin(inst, next);
  }

  /** The event's processing time is over: deduplicate, filter, map, then window or publish. */
  process(inst: Instance, req: DeliveryRequest): void {
    this.counts.consumed++;
    this.handleEvent(inst, req);
  }

  private handleEvent(inst: Instance, req: DeliveryRequest): void {
    const id = req.delivery.messageId;
    const repeat = this.seen.has(id) || this.unconfirmed.has(id);
    if (repeat && this.node.config.dedupe) {
      const waiting = this.unconfirmed.get(id);
      // A redelivery of an event whose publish is still unconfirmed waits for its outcome.
      if (waiting) waiting.push({ inst, req });
      else {
        this.counts.duplicatesDropped++;
        this.done(inst, req, 200);
      }
      return;
    }
    const fields: Record<string, ExprValue> = Object.create(null);
    const scope = eventScope(req, fields);
    if (this.filter && !isTruthy(this.filter(scope))) {
      this.counts.filteredOut++;
      this.done(inst, req, 200);
      return;
    }
    for (const m of this.map) fields[m.field] = m.value(scope);
    if (this.windows) {
      const w = this.node.config.window!;
      const value = w.aggregate === 'count' ? 0 : Number(scope(w.field!));
      if (w.aggregate === 'count' || Number.isFinite(value)) {
        const group = this.groupBy ? String(this.groupBy(scope) ?? '') : '';
        this.windows.add(group, value, this.world.sim.now);
      }
      this.remember(id);
      this.done(inst, req, 200);
      return;
    }
    if (repeat) this.counts.republished++;
    const headers: Record<string, string> = { ...req.delivery.payload.headers };
    for (const [k, v] of Object.entries(fields)) headers[k] = v === null ? '' : String(v);
    this.publish(headers, req.delivery.key, { runtime: this, inst, req, epoch: inst.epoch });
  }

  private publish(
    headers: Record<string, string>,
    key: string | undefined,
    ctx: PublishContext | null,
  ): void {
    const out = this.node.config.output;
    if (!out) {
      // A sink: the event is handled and acknowledged, and nothing is published.
      if (ctx) this.done(ctx.inst, ctx.req, 200);
      return;
    }
    if (!this.output) {
      this.counts.publishFailed++;
      if (ctx) this.done(ctx.inst, ctx.req, 502, CAUSE.notWired);
      return;
    }
    if (key !== undefined) headers['x-partition-key'] = key;
    if (ctx && !this.unconfirmed.has(ctx.req.delivery.messageId))
      this.unconfirmed.set(ctx.req.delivery.messageId, []);
    const step: Step = {
      kind: 'publish',
      target: out.bus,
      topic: out.topic,
      ...(key !== undefined ? { key: 'x-partition-key' } : {}),
    };
    if (ctx) this.output.call('POST', '/publish', headers, step, null, -1, published, ctx);
    else this.output.call('POST', '/publish', headers, step, null, -1, null, null);
  }

  /** The output bus answered a publish for an input event. */
  onPublished(ctx: PublishContext, status: number, cause: FailureCause): void {
    const id = ctx.req.delivery.messageId;
    const waiting = this.unconfirmed.get(id) ?? [];
    this.unconfirmed.delete(id);
    if (!isSuccess(status)) this.counts.publishFailed++;
    else {
      this.counts.published++;
      this.remember(id);
    }
    // Redeliveries that waited: duplicates of a confirmed publish, or processed anew after a failed one.
    for (const w of waiting) {
      // A waiter whose instance died was failed by the kill.
      if (w.inst.current !== w.req) continue;
      if (isSuccess(status)) {
        this.counts.duplicatesDropped++;
        this.done(w.inst, w.req, 200);
      } else this.handleEvent(w.inst, w.req);
    }
    // An instance that died meanwhile already failed the delivery.
    if (ctx.epoch !== ctx.inst.epoch) return;
    if (isSuccess(status)) this.done(ctx.inst, ctx.req, 200);
    else this.done(ctx.inst, ctx.req, 503, cause);
  }

  /** Publishes the results of the windows that close now, one event per group. */
  closeWindows(): void {
    const now = this.world.sim.now;
    for (const r of this.windows!.close(now)) {
      this.counts.windowsEmitted++;
      this.counts.published++;
      const headers = {
        key: r.group,
        window_start_ms: String(r.startMs),
        window_end_ms: String(r.endMs),
        count: String(r.count),
        value: String(r.value),
      };
      this.publish(headers, r.group === '' ? undefined : r.group, null);
    }
    if (now + this.windows!.slideMs < this.world.options.durationMs)
      this.world.sim.schedule(this.windows!.slideMs, closeWindows, this);
  }

  private remember(id: string): void {
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.seenOrder.push(id);
    if (this.seenOrder.length > SEEN_CAPACITY) this.seen.delete(this.seenOrder.shift()!);
  }

  override kill(instance: number): boolean {
    const inst = this.pool[instance];
    if (!inst) return false;
    if (!inst.up) return true;
    inst.up = false;
    inst.epoch++;
    inst.busy = false;
    // The event in hand and the queued ones lose their connection: the bus redelivers them.
    const current = inst.current;
    inst.current = null;
    if (current) this.answer(current, STATUS_NO_RESPONSE, CAUSE.instanceDown);
    for (let r = inst.queue.shift(); r; r = inst.queue.shift())
      this.answer(r, STATUS_NO_RESPONSE, CAUSE.instanceDown);
    return true;
  }

  override restart(instance: number): boolean {
    const inst = this.pool[instance];
    if (!inst) return false;
    if (inst.up) this.kill(instance);
    inst.up = true;
    return true;
  }

  override addLatencyMs(deltaMs: number): boolean {
    this.extraLatencyMs += deltaMs;
    return true;
  }

  override summary(): { eventProcessor: EventProcessorSummary } {
    return { eventProcessor: { ...this.counts } };
  }
}

interface PublishContext {
  readonly runtime: EventProcessorRuntime;
  readonly inst: Instance;
  readonly req: DeliveryRequest;
  readonly epoch: number;
}

function processed(ctx: PublishContext): void {
  if (ctx.epoch !== ctx.inst.epoch) return;
  ctx.runtime.process(ctx.inst, ctx.req);
}

function published(ctx: PublishContext, status: number, call: Call): void {
  ctx.runtime.onPublished(ctx, status, call.cause);
}

function closeWindows(runtime: EventProcessorRuntime): void {
  runtime.closeWindows();
}
