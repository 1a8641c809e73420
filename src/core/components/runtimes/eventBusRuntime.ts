import { publishSagaEvent } from '../../domain/runtime/sagaPublish';
import { compileDistribution, type Sampler } from '../../engine/distributions';
import { DOUBLE_ZERO } from '../../engine/doubleFields';
import type { Sfc32 } from '../../engine/rng';
import { CAUSE, type FailureCause } from '../../metrics/failureCause';
import type { NodeOfKind } from '../../model/schema';
import { EVENT_ID_HEADER } from '../../sim/dualWrite';
import type { EdgeLink } from '../../sim/edgeLink';
import { MESSAGE_DUPLICATED, MESSAGE_LOST, MESSAGE_REORDERED, MessageFaults } from '../../sim/messageFaults';
import { isSuccess, STATUS_NO_RESPONSE } from '../../sim/status';
import type { NodeRequest, NodeRuntime } from '../../sim/types';
import type { World } from '../../sim/world';
import { BoundedSet } from '../events/boundedSet';
import type { Delivery } from '../events/busTypes';
import { EventBus } from '../events/eventBus';
import { FlowLatency, type FlowQuantiles } from '../events/flowLatency';
import { IDEMPOTENCY_HEADER } from './outboxRelay';
import { RequestReply, type RequestReplySummary } from './requestReply';
import { requestKey, SingleNodeRuntime } from './singleNode';

/** A message on the bus: the headers its consumers see, and a body. */
export interface BusMessage {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Topic settings used when a publish or subscription names a topic the bus does not declare. */
const DEFAULT_TOPIC = { partitions: 3, maxDeliveries: 5 } as const;

/** How often the bus checks its consumers' instances (group membership heartbeats). */
const SESSION_CHECK_MS = 1000;

/** The request path a subscription's deliveries arrive on at the consuming service. */
export function subscriptionPath(busId: string, topic: string, group: string): string {
  return `/_subscriptions/${busId}/${encodeURIComponent(topic)}/${encodeURIComponent(group)}`;
}

/** One service instance consuming one topic in one group. */
interface Consumer {
  readonly memberId: string;
  readonly service: NodeRuntime;
  readonly instance: number;
  readonly topic: string;
  readonly group: string;
  readonly path: string;
  /** The bus -> service edge its deliveries are counted on, if the diagram draws one. */
  readonly link: EdgeLink | undefined;
  joined: boolean;
  /** Left its group by an `unsubscribe` on the timeline, until a `subscribe`. */
  unsubscribed: boolean;
}

/** A delivery as the consuming service sees it: a request on the subscription path. */
export class DeliveryRequest implements NodeRequest {
  readonly method = 'POST';
  readonly step = null;
  readonly trace = null;
  readonly parentSpanId = -1;
  arrivedMs = DOUBLE_ZERO;

  constructor(
    readonly replyTo: EventBusRuntime,
    readonly delivery: Delivery<BusMessage>,
    readonly consumer: Consumer,
    /** When the bus sent it, for the edge's delivery latency. */
    readonly sentAtMs: number,
    /** A second copy a bus fault made: handled by the consumer, its answer ignored. */
    readonly isCopy = false,
  ) {}

  get path(): string {
    return this.consumer.path;
  }

  get headers(): Readonly<Record<string, string>> {
    return this.delivery.payload.headers;
  }

  get sourceId(): string {
    return this.replyTo.id;
  }

  get instance(): number {
    return this.consumer.instance;
  }
}

/**
 * An event bus node: topics with keyed partitions (order kept per partition), consumer groups made
 * of the instances of subscribing services, at-least-once delivery (a failed or crashed handling is
 * redelivered from the committed offset after `redeliveryDelayMs`), and a dead-letter queue after a
 * topic's `maxDeliveries`. A `publish` step appends and answers at once; deliveries reach consumers
 * after `deliveryLatencyMs` and take a slot there like any request. An instance kill is a consumer
 * crash (its partitions move to the group's other members); its restart rejoins the group.
 */
/** One consumer group's figures on one topic, in the bus's summary section. */
interface GroupSummary {
  members: number;
  delivered: number;
  redelivered: number;
  acked: number;
  deadLettered: number;
  /** Messages published and not yet committed by the group. */
  lag: number;
  /** Publish to acknowledgement of the group's handled events (after the warm-up). */
  endToEndMs: FlowQuantiles;
  /** Publish to the delivery that was acknowledged: the time the events waited in their partition. */
  waitMs: FlowQuantiles;
}

/** One topic's figures in the bus's summary section. */
export interface TopicSummary {
  partitions: number;
  published: number;
  delivered: number;
  redelivered: number;
  deadLettered: number;
  groups: Record<string, GroupSummary>;
}

export class EventBusRuntime extends SingleNodeRuntime {
  readonly bus = new EventBus<BusMessage>();
  private readonly latency: Sampler;
  private readonly redeliveryDelayMs: number;
  private readonly rng: Sfc32;
  private readonly consumers: Consumer[] = [];
  private readonly byMember = new Map<string, Consumer[]>();
  /** The groups consuming each topic, in consumer order (consumers are all known after init). */
  private readonly groupsByTopic = new Map<string, string[]>();
  /** Group partitions waiting out a redelivery delay: key -> time they may deliver again. */
  private readonly backoffUntil = new Map<string, number>();
  private pumpScheduled = false;
  private inTransit = 0;
  /** Requests waiting for their reply (request/reply over the bus). */
  private readonly requests: RequestReply;
  /** Idempotency keys of recent messages per topic, so a producer's re-send is not published twice. */
  private readonly idempotency = new BoundedSet(100_000);
  /** Per topic and group (`topic\u0000group`): publish-to-handled and waiting times. */
  private readonly flows = new Map<string, FlowLatency>();
  /** Message loss, duplication and reordering in force (`busFaults` on the timeline). */
  readonly messageFaults: MessageFaults;

  constructor(world: World, node: NodeOfKind<'eventBus'>) {
    super(world, node);
    const c = node.config;
    for (const t of c.topics)
      this.bus.createTopic({ name: t.name, partitions: t.partitions, maxDeliveries: t.maxDeliveries });
    this.latency = compileDistribution(c.deliveryLatencyMs);
    this.redeliveryDelayMs = c.redeliveryDelayMs;
    this.rng = world.rng(`node:${node.id}`);
    this.requests = new RequestReply(world, node.id, (req, status, cause) => this.answer(req, status, cause));
    this.messageFaults = new MessageFaults(world.rng(`faults:${node.id}`));
  }

  override init(): void {
    for (const node of this.world.document.nodes) {
      if (node.kind !== 'service' && node.kind !== 'eventProcessor') continue;
      const service = this.world.runtimes.get(node.id);
      if (!service) continue;
      const source = node.kind === 'eventProcessor' ? node.config.source : undefined;
      const subscriptions = node.kind === 'service' ? node.config.subscriptions : source ? [source] : [];
      for (const sub of subscriptions) {
        if (sub.bus !== this.id) continue;
        this.ensureTopic(sub.topic);
        for (let i = 0; i < service.instances.count; i++) {
          const c: Consumer = {
            memberId: `${node.id}#${i}`,
            service,
            instance: i,
            topic: sub.topic,
            group: sub.group,
            path: subscriptionPath(this.id, sub.topic, sub.group),
            link: this.world.link(this.id, node.id),
            joined: false,
            unsubscribed: false,
          };
          this.consumers.push(c);
          const list = this.byMember.get(c.memberId) ?? [];
          list.push(c);
          this.byMember.set(c.memberId, list);
        }
      }
    }
    this.groupsByTopic.clear();
  }

  override start(): void {
    this.checkSessions();
  }

  handle(req: NodeRequest): void {
    this.accept(req);
    const step = req.step;
    if (step?.kind === 'request') {
      // The request stays open until its reply (or its timeout) answers it.
      this.ensureTopic(step.topic);
      const headers = this.requests.open(req, step.topic, step.timeoutMs);
      this.publish(step.topic, requestKey(req, step.key), { headers, body: null });
      return;
    }
    if (step?.kind !== 'publish') {
      this.answer(req, 400, CAUSE.badRequest);
      return;
    }
    this.ensureTopic(step.topic);
    const saga = publishSagaEvent(this.world, req, (key, message) => this.publish(step.topic, key, message));
    if (saga) {
      this.answer(req, saga.status, saga.cause);
      return;
    }
    const eventId = req.headers[EVENT_ID_HEADER];
    const idempotencyKey = req.headers[IDEMPOTENCY_HEADER];
    if (idempotencyKey !== undefined && !this.idempotency.add(`${step.topic}\u0000${idempotencyKey}`)) {
      // An idempotent producer's re-send of a message the topic already holds (Kafka's producer ids).
      if (eventId !== undefined) this.world.publishLedger.refusedDuplicate(eventId);
      this.answer(req, 200, CAUSE.none);
      return;
    }
    this.publish(step.topic, requestKey(req, step.key), { headers: req.headers, body: null });
    if (eventId !== undefined) this.world.publishLedger.published(eventId);
    this.answer(req, 200, CAUSE.none);
  }

  /** Appends a message to its topic and wakes the consumers. */
  publish(topic: string, key: string | undefined, message: BusMessage): void {
    this.bus.publish(topic, key, message, this.world.sim.now);
    this.schedulePump(0);
  }

  /** The messages the bus keeps, at 160 bytes each (measured 135 with headers shared by their request). */
  retainedBytes(): number {
    return this.bus.retainedMessages() * 160;
  }

  /** Total consumer lag over every topic and group: the bus's queue depth. */
  override queueDepth(): number {
    let lag = 0;
    for (const topic of this.bus.topicNames()) for (const g of this.bus.metrics(topic).groups) lag += g.lag;
    return lag;
  }

  /** Per topic: published, delivered, redelivered, dead-lettered, and per group its lag and counts. */
  override summary(): {
    topics: Record<string, TopicSummary>;
    requestReply?: RequestReplySummary;
    messages?: { lost: number; duplicated: number; reordered: number };
  } {
    const topics: Record<string, TopicSummary> = Object.create(null);
    for (const name of this.bus.topicNames()) {
      const m = this.bus.metrics(name);
      const groups: Record<string, GroupSummary> = Object.create(null);
      let delivered = 0;
      let redelivered = 0;
      for (const g of m.groups) {
        delivered += g.delivered;
        redelivered += g.redelivered;
        groups[g.group] = {
          members: g.members.length,
          delivered: g.delivered,
          redelivered: g.redelivered,
          acked: g.acked,
          deadLettered: g.deadLettered,
          lag: g.lag,
          ...this.flow(name, g.group).summary(),
        };
      }
      topics[name] = {
        partitions: m.partitions.length,
        published: m.published,
        delivered,
        redelivered,
        deadLettered: m.deadLettered,
        groups,
      };
    }
    // Only buses that requests go through report request/reply, and only faulted ones their
    // message faults, so other summaries stay as they were.
    const messages = this.messageFaults.summary();
    return {
      topics,
      ...(this.servesRequests() ? { requestReply: { ...this.requests.counts } } : {}),
      ...(messages === null ? {} : { messages }),
    };
  }

  /** Whether some service step sends requests through this bus. */
  private servesRequests(): boolean {
    return this.world.document.nodes.some(
      (n) =>
        n.kind === 'service' &&
        [...n.config.endpoints, ...n.config.subscriptions].some((e) =>
          e.steps.some((s) => s.kind === 'request' && s.target === this.id),
        ),
    );
  }

  /** Deliveries on their way to a consumer or being handled. */
  deliveriesInFlight(): number {
    return this.inTransit;
  }

  /** The flow timing of one group on one topic (created on first use). */
  flow(topic: string, group: string): FlowLatency {
    const key = `${topic}\u0000${group}`;
    let f = this.flows.get(key);
    if (!f) {
      f = new FlowLatency(this.world.warmupMs);
      this.flows.set(key, f);
    }
    return f;
  }

  private ensureTopic(name: string): void {
    if (this.bus.createTopic({ name, ...DEFAULT_TOPIC })) {
      this.world.log.append(
        this.world.sim.now,
        'config',
        'warn',
        this.id,
        `topic ${name} is not declared on ${this.id}: created with ${DEFAULT_TOPIC.partitions} partitions`,
      );
    }
  }

  /** Joins restarted instances, and crashes members whose instance died (a missed heartbeat). */
  checkSessions(): void {
    const now = this.world.sim.now;
    for (const c of this.consumers) {
      const up = c.service.instances.isUp(c.instance);
      if (up && !c.joined && !c.unsubscribed) {
        c.joined = true;
        this.bus.subscribe(c.topic, c.group, c.memberId, now);
        this.schedulePump(0);
      } else if (!up && c.joined) {
        this.crash(c.memberId);
      }
    }
    if (now + SESSION_CHECK_MS <= this.world.options.durationMs)
      this.world.sim.schedule(SESSION_CHECK_MS, checkSessions, this);
  }

  /** Consumers of a node leave (or rejoin) their group on a topic; uncommitted deliveries move to the others. */
  setSubscribed(nodeId: string, topic: string, group: string | undefined, subscribed: boolean): number {
    const now = this.world.sim.now;
    let matched = 0;
    for (const c of this.consumers) {
      if (c.service.id !== nodeId || c.topic !== topic || (group !== undefined && c.group !== group))
        continue;
      matched++;
      c.unsubscribed = !subscribed;
      if (!subscribed && c.joined) {
        c.joined = false;
        this.bus.unsubscribe(c.topic, c.group, c.memberId, now);
      } else if (subscribed && !c.joined && c.service.instances.isUp(c.instance)) {
        c.joined = true;
        this.bus.subscribe(c.topic, c.group, c.memberId, now);
      }
    }
    if (matched > 0) this.schedulePump(0);
    return matched;
  }

  private crash(memberId: string): void {
    const list = this.byMember.get(memberId) ?? [];
    if (!list.some((c) => c.joined)) return;
    for (const c of list) c.joined = false;
    this.bus.crash(memberId, this.world.sim.now);
    this.world.log.append(
      this.world.sim.now,
      'bus',
      'warn',
      this.id,
      `consumer ${memberId} left its groups (crash): partitions rebalanced`,
    );
    this.schedulePump(0);
  }

  schedulePump(delayMs: number): void {
    if (delayMs > 0) {
      this.world.sim.schedule(delayMs, pump, this);
      return;
    }
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    this.world.sim.schedule(0, pump, this);
  }

  /** Starts a delivery on every group partition that is owned, idle, not backing off, and has a message. */
  pump(): void {
    this.pumpScheduled = false;
    const now = this.world.sim.now;
    for (const topic of this.bus.topicNames()) {
      let groups = this.groupsByTopic.get(topic);
      if (groups === undefined) {
        groups = groupsOf(this.consumers, topic);
        this.groupsByTopic.set(topic, groups);
      }
      for (const group of groups) {
        for (const p of this.bus.readyPartitions(topic, group)) {
          // NOTE: partitions back off only after a failed delivery; most pumps skip building the key.
          if (this.backoffUntil.size > 0) {
            const key = `${topic}\u0000${group}\u0000${p}`;
            const until = this.backoffUntil.get(key);
            if (until !== undefined) {
              if (until > now) continue;
              this.backoffUntil.delete(key);
            }
          }
          const d = this.bus.pollPartition(topic, group, p, now);
          if (!d) continue;
          const consumer = consumerOf(this.byMember.get(d.memberId), topic, group);
          if (!consumer) {
            this.bus.nack(d, now);
            continue;
          }
          this.inTransit++;
          const req = new DeliveryRequest(this, d, consumer, now);
          if (this.messageFaults.active) this.sendThroughFaults(req);
          else this.world.sim.schedule(this.latency.draw(this.rng), dispatch, req);
        }
      }
    }
  }

  /**
   * Sends a delivery while bus faults are in force. A lost delivery is never acknowledged: the
   * partition redelivers it from the committed offset after `redeliveryDelayMs` (at-least-once). A
   * duplicated one reaches the consumer twice, the copy's answer ignored (counted as `duplicated`;
   * consumers must be idempotent). A reordered one is held back one to two delivery latencies.
   */
  private sendThroughFaults(req: DeliveryRequest): void {
    const sim = this.world.sim;
    const latencyMs = this.latency.draw(this.rng);
    const faults = this.messageFaults;
    const outcome = faults.draw();
    if (outcome === MESSAGE_LOST) {
      sim.schedule(latencyMs, lose, req);
      return;
    }
    if (outcome === MESSAGE_DUPLICATED) {
      const copy = new DeliveryRequest(this, req.delivery, req.consumer, req.sentAtMs, true);
      sim.schedule(this.latency.draw(this.rng), dispatchCopy, copy);
    }
    const holdMs = outcome === MESSAGE_REORDERED ? (1 + faults.next()) * Math.max(latencyMs, 1) : 0;
    sim.schedule(latencyMs + holdMs, dispatch, req);
  }

  /** Hands a delivery to its consumer instance, unless the instance died on the way. */
  dispatch(req: DeliveryRequest): void {
    const c = req.consumer;
    if (!c.service.instances.isUp(c.instance)) {
      this.inTransit--;
      this.countDelivery(req, CAUSE.instanceDown);
      this.crash(c.memberId);
      return;
    }
    c.service.handle(req);
  }

  /** Counts a delivery on its edge: a call per delivery, failed for `cause` when it is not acknowledged. */
  private countDelivery(req: DeliveryRequest, cause: FailureCause): void {
    const now = this.world.sim.now;
    req.consumer.link?.stats.countMessage(cause, now, now - req.sentAtMs);
  }

  /** A delivery lost on the way: no answer ever comes, so it is redelivered as a failure. */
  lose(req: DeliveryRequest): void {
    this.onReply(req, STATUS_LOST, CAUSE.messageLost);
  }

  /** The consumer's answer: success commits, anything else redelivers later (or dead-letters). */
  onReply(req: NodeRequest, status: number, cause: FailureCause): void {
    const r = req as DeliveryRequest;
    if (r.isCopy) return;
    this.inTransit--;
    const now = this.world.sim.now;
    this.countDelivery(r, isSuccess(status) ? CAUSE.none : cause);
    if (isSuccess(status)) {
      if (this.bus.ack(r.delivery, now).ok) {
        const d = r.delivery;
        this.flow(d.topic, d.group).record(d.publishedAtMs, d.deliveredAtMs, now);
        r.consumer.link?.stats.recordEndToEnd(now - d.publishedAtMs);
        // A handled request message: its reply travels back to the requester.
        this.requests.replied(d.payload.headers, this.latency.draw(this.rng));
      }
      this.schedulePump(0);
      return;
    }
    const c = r.consumer;
    if (status === STATUS_NO_RESPONSE && !c.service.instances.isUp(c.instance)) {
      this.crash(c.memberId);
      return;
    }
    const settled = this.bus.nack(r.delivery, now);
    if (!settled.ok) return;
    if (settled.deadLettered) {
      this.world.log.append(
        now,
        'bus',
        'warn',
        this.id,
        `${r.delivery.messageId} dead-lettered for group ${r.delivery.group} after ${r.delivery.attempt} deliveries`,
      );
      this.schedulePump(0);
      return;
    }
    this.backoffUntil.set(
      `${r.delivery.topic}\u0000${r.delivery.group}\u0000${r.delivery.partition}`,
      now + this.redeliveryDelayMs,
    );
    this.schedulePump(this.redeliveryDelayMs);
  }
}

/** A member's consumer of a topic and group (no closure: this runs once per delivery). */
function consumerOf(
  list: readonly Consumer[] | undefined,
  topic: string,
  group: string,
): Consumer | undefined {
  if (list === undefined) return undefined;
  for (const c of list) if (c.topic === topic && c.group === group) return c;
  return undefined;
}

function groupsOf(consumers: readonly Consumer[], topic: string): string[] {
  const out: string[] = [];
  for (const c of consumers) if (c.topic === topic && !out.includes(c.group)) out.push(c.group);
  return out;
}

/** The status a lost delivery is settled with: a gateway timeout, never an instance crash. */
const STATUS_LOST = 504;

function lose(req: DeliveryRequest): void {
  (req.replyTo as EventBusRuntime).lose(req);
}

function dispatchCopy(copy: DeliveryRequest): void {
  const c = copy.consumer;
  if (c.service.instances.isUp(c.instance)) c.service.handle(copy);
}

function pump(runtime: EventBusRuntime): void {
  runtime.pump();
}

function dispatch(req: DeliveryRequest): void {
  req.replyTo.dispatch(req);
}

function checkSessions(runtime: EventBusRuntime): void {
  runtime.checkSessions();
}
