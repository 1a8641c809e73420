import { groupMetrics } from './busMetrics';
import type {
  Delivery,
  PublishResult,
  SettleResult,
  SubscribeOptions,
  TopicMetrics,
  TopicOptions,
} from './busTypes';
import { ConsumerGroup, type GroupPartition } from './consumerGroup';
import { type DeadLetter, DeadLetterQueue } from './deadLetterQueue';
import { fnv1a32 } from './hash';
import { PartitionLog } from './partitionLog';

const DEFAULT_RETENTION = 100_000;
const DEFAULT_DLQ_CAPACITY = 1_000;

/** Internal state of one topic. */
export interface Topic<T> {
  readonly options: Required<TopicOptions>;
  readonly logs: PartitionLog<T>[];
  readonly groups: Map<string, ConsumerGroup<T>>;
  readonly dlq: DeadLetterQueue<T>;
  roundRobin: number;
}

/**
 * A partitioned, at-least-once message bus in the style of Kafka: keyed partitioning (FNV-1a,
 * keyless round robin), per-partition order, consumer groups that own partitions exclusively,
 * redelivery from the committed offset after a nack, timeout or crash, and a dead-letter queue
 * after `maxDeliveries`. Each (group, partition) has at most one message in flight, so a
 * redelivered message is never overtaken by a later one. Messages behind every group's committed
 * offset are trimmed, and retention caps what a stalled group can hold back.
 */
export class EventBus<T = unknown> {
  private readonly topics = new Map<string, Topic<T>>();
  private nextDeliveryId = 1;

  /** Creates a topic; creating an existing name again is a no-op that returns false. */
  createTopic(options: TopicOptions): boolean {
    if (this.topics.has(options.name)) return false;
    if (!(options.partitions >= 1) || !(options.maxDeliveries >= 1)) {
      throw new RangeError(`topic ${options.name}: partitions and maxDeliveries must be >= 1`);
    }
    const full: Required<TopicOptions> = {
      retentionPerPartition: DEFAULT_RETENTION,
      deadLetterCapacity: DEFAULT_DLQ_CAPACITY,
      deliveryTimeoutMs: Number.POSITIVE_INFINITY,
      ...options,
    };
    this.topics.set(options.name, {
      options: full,
      logs: Array.from({ length: options.partitions }, () => new PartitionLog<T>()),
      groups: new Map(),
      dlq: new DeadLetterQueue<T>(full.deadLetterCapacity),
      roundRobin: 0,
    });
    return true;
  }

  hasTopic(name: string): boolean {
    return this.topics.has(name);
  }

  /** Names of all topics in creation order. */
  topicNames(): string[] {
    return [...this.topics.keys()];
  }

  /** The partition a key maps to: FNV-1a modulo the partition count. */
  partitionFor(topic: string, key: string): number {
    return fnv1a32(key) % this.topic(topic).logs.length;
  }

  /** Appends a message to its partition (by key hash, or round robin without a key). */
  publish(topic: string, key: string | undefined, payload: T, nowMs: number): PublishResult {
    const t = this.topic(topic);
    const partition = key === undefined ? t.roundRobin++ % t.logs.length : fnv1a32(key) % t.logs.length;
    const message = t.logs[partition]!.append(key, payload, nowMs);
    if (t.logs[partition]!.retained > t.options.retentionPerPartition) this.applyRetention(t, partition);
    return { topic, partition, offset: message.offset };
  }

  /**
   * Adds a member to a group (creating the group on first use) and rebalances; returns the member's
   * partitions. Deliveries of partitions that move are failed and go to the new owner.
   */
  subscribe(
    topic: string,
    group: string,
    memberId: string,
    nowMs: number,
    options: SubscribeOptions = {},
  ): number[] {
    const t = this.topic(topic);
    let g = t.groups.get(group);
    if (!g) {
      const from = options.startFrom ?? 'earliest';
      const starts = t.logs.map((log) => (from === 'earliest' ? log.startOffset : log.endOffset));
      g = new ConsumerGroup<T>(group, options.strategy ?? 'range', starts);
      t.groups.set(group, g);
    }
    if (!g.has(memberId)) this.failAll(t, g, g.rebalance([...g.members, memberId]), nowMs);
    return [...g.partitionsOf(memberId)];
  }

  /** Removes a member and rebalances; its uncommitted deliveries are redelivered to the new owners. */
  unsubscribe(topic: string, group: string, memberId: string, nowMs: number): boolean {
    const t = this.topic(topic);
    const g = t.groups.get(group);
    if (!g?.has(memberId)) return false;
    this.failAll(t, g, g.rebalance(g.members.filter((m) => m !== memberId)), nowMs);
    return true;
  }

  /** A consumer crash: the member is removed from every group of every topic it belongs to. */
  crash(memberId: string, nowMs: number): number {
    let removed = 0;
    for (const [name, t] of this.topics) {
      for (const g of t.groups.values()) {
        if (g.has(memberId) && this.unsubscribe(name, g.name, memberId, nowMs)) removed++;
      }
    }
    return removed;
  }

  /** Members of a group, sorted. */
  membersOf(topic: string, group: string): readonly string[] {
    return this.topic(topic).groups.get(group)?.members ?? [];
  }

  /** Partitions currently owned by a member. */
  assignment(topic: string, group: string, memberId: string): readonly number[] {
    return this.topic(topic).groups.get(group)?.partitionsOf(memberId) ?? [];
  }

  /** Delivers the next ready message of any partition the member owns, or undefined if none is ready. */
  poll(topic: string, group: string, memberId: string, nowMs: number): Delivery<T> | undefined {
    const t = this.topic(topic);
    const g = t.groups.get(group);
    if (!g) return undefined;
    const owned = g.partitionsOf(memberId);
    const start = g.nextCursor(memberId, owned.length);
    for (let i = 0; i < owned.length; i++) {
      const p = owned[(start + i) % owned.length]!;
      const d = this.deliverHead(t, g, p, nowMs);
      if (d) return d;
    }
    return undefined;
  }

  /** Delivers the next message of one partition to its owner, or undefined if not ready. */
  pollPartition(topic: string, group: string, partition: number, nowMs: number): Delivery<T> | undefined {
    const t = this.topic(topic);
    const g = t.groups.get(group);
    return g ? this.deliverHead(t, g, partition, nowMs) : undefined;
  }

  /** Partitions of a group that have an owner, no delivery in flight and a message waiting. */
  readyPartitions(topic: string, group: string): number[] {
    const t = this.topic(topic);
    const g = t.groups.get(group);
    if (!g) return [];
    const out: number[] = [];
    g.parts.forEach((part, p) => {
      if (part.owner !== undefined && !part.inFlight && part.committed < t.logs[p]!.endOffset) out.push(p);
    });
    return out;
  }

  /** Commits a delivery: the group's offset moves past it. A stale delivery is refused. */
  ack(delivery: Delivery<T>, _nowMs: number): SettleResult {
    const located = this.current(delivery);
    if (!located) return { ok: false, reason: 'stale' };
    const [t, , part] = located;
    part.acked++;
    part.advance();
    this.trim(t, delivery.partition);
    return { ok: true, deadLettered: false };
  }

  /** Fails a delivery: redelivered from the committed offset, or dead-lettered after maxDeliveries. */
  nack(delivery: Delivery<T>, nowMs: number): SettleResult {
    const located = this.current(delivery);
    if (!located) return { ok: false, reason: 'stale' };
    const [t, g, part] = located;
    return { ok: true, deadLettered: this.fail(t, g, delivery.partition, part, nowMs) };
  }

  /** A delivery timed out without a commit; same effect as a nack. */
  timeout(delivery: Delivery<T>, nowMs: number): SettleResult {
    return this.nack(delivery, nowMs);
  }

  /** Fails every in-flight delivery whose deadline is at or before `nowMs`; returns how many. */
  expireDue(nowMs: number): number {
    let count = 0;
    for (const t of this.topics.values()) {
      for (const g of t.groups.values()) {
        g.parts.forEach((part, p) => {
          if (part.inFlight && part.inFlight.deadlineMs <= nowMs) {
            this.fail(t, g, p, part, nowMs);
            count++;
          }
        });
      }
    }
    return count;
  }

  /** Dead letters kept for a topic, oldest first. */
  deadLetters(topic: string): DeadLetter<T>[] {
    return this.topic(topic).dlq.entries();
  }

  /** Messages every topic keeps in memory together (retained, not yet trimmed). */
  retainedMessages(): number {
    let n = 0;
    for (const t of this.topics.values()) for (const log of t.logs) n += log.retained;
    return n;
  }

  /** Depth, lag and delivery counters of a topic, per partition and per group. */
  metrics(topic: string): TopicMetrics {
    const t = this.topic(topic);
    const partitions = t.logs.map((log, p) => ({
      partition: p,
      startOffset: log.startOffset,
      endOffset: log.endOffset,
      depth: log.retained,
      published: log.endOffset,
    }));
    const groups = [...t.groups.values()].map((g) => groupMetrics(t.logs, g));
    return {
      topic,
      published: partitions.reduce((s, p) => s + p.published, 0),
      depth: partitions.reduce((s, p) => s + p.depth, 0),
      deadLettered: t.dlq.total,
      partitions,
      groups,
    };
  }

  private topic(name: string): Topic<T> {
    const t = this.topics.get(name);
    if (!t) throw new RangeError(`unknown topic ${name}`);
    return t;
  }

  private deliverHead(t: Topic<T>, g: ConsumerGroup<T>, p: number, nowMs: number): Delivery<T> | undefined {
    const part = g.parts[p];
    if (!part || part.owner === undefined || part.inFlight) return undefined;
    const message = t.logs[p]!.at(part.committed);
    if (!message) return undefined;
    part.headDeliveries++;
    part.delivered++;
    if (part.headDeliveries > 1) part.redelivered++;
    const delivery: Delivery<T> = {
      deliveryId: this.nextDeliveryId++,
      // NOTE: join, not a template: it builds one flat string, where a template of 13 characters
      // or more is a tree of concatenations that consumers keeping recent ids (the notification
      // service's dedupe window, processors' seen ids) hold for minutes, four objects an id.
      messageId: [t.options.name, p, message.offset].join('/'),
      topic: t.options.name,
      group: g.name,
      partition: p,
      offset: message.offset,
      memberId: part.owner,
      attempt: part.headDeliveries,
      key: message.key,
      payload: message.payload,
      publishedAtMs: message.publishedAtMs,
      deliveredAtMs: nowMs,
      deadlineMs: nowMs + t.options.deliveryTimeoutMs,
    };
    part.inFlight = delivery;
    return delivery;
  }

  private current(d: Delivery<T>): [Topic<T>, ConsumerGroup<T>, GroupPartition<T>] | undefined {
    const t = this.topics.get(d.topic);
    const g = t?.groups.get(d.group);
    const part = g?.parts[d.partition];
    if (!t || !g || !part || part.inFlight?.deliveryId !== d.deliveryId) return undefined;
    return [t, g, part];
  }

  /** Ends the head's delivery without a commit; returns true when it was dead-lettered. */
  private fail(t: Topic<T>, g: ConsumerGroup<T>, p: number, part: GroupPartition<T>, nowMs: number): boolean {
    part.inFlight = undefined;
    if (part.headDeliveries < t.options.maxDeliveries) return false;
    const message = t.logs[p]!.at(part.committed)!;
    t.dlq.add({
      topic: t.options.name,
      group: g.name,
      partition: p,
      offset: message.offset,
      key: message.key,
      payload: message.payload,
      deliveries: part.headDeliveries,
      deadLetteredAtMs: nowMs,
    });
    part.deadLettered++;
    part.advance();
    this.trim(t, p);
    return true;
  }

  private failAll(t: Topic<T>, g: ConsumerGroup<T>, revoked: Delivery<T>[], nowMs: number): void {
    for (const d of revoked) this.fail(t, g, d.partition, g.parts[d.partition]!, nowMs);
  }

  /** Drops messages every group has committed; a topic without groups keeps them until retention. */
  private trim(t: Topic<T>, p: number): void {
    if (t.groups.size === 0) return;
    let min = Number.POSITIVE_INFINITY;
    for (const g of t.groups.values()) min = Math.min(min, g.parts[p]!.committed);
    t.logs[p]!.trimTo(min);
  }

  private applyRetention(t: Topic<T>, p: number): void {
    const log = t.logs[p]!;
    const newStart = log.endOffset - t.options.retentionPerPartition;
    for (const g of t.groups.values()) {
      const part = g.parts[p]!;
      if (part.committed >= newStart) continue;
      part.expired += newStart - part.committed;
      part.committed = newStart;
      part.headDeliveries = 0;
      part.inFlight = undefined;
    }
    log.trimTo(newStart);
  }
}
