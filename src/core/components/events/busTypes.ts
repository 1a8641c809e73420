import type { AssignmentStrategy } from './assignment';

/** Configuration of one topic on an event bus. */
export interface TopicOptions {
  readonly name: string;
  /** Number of partitions (>= 1); order is kept only within a partition. */
  readonly partitions: number;
  /** Deliveries a message gets per group before it goes to the dead-letter queue (>= 1). */
  readonly maxDeliveries: number;
  /** Messages kept per partition even if a group has not consumed them; older ones expire. */
  readonly retentionPerPartition?: number;
  /** Dead letters kept for inspection (all are counted). */
  readonly deadLetterCapacity?: number;
  /** A delivery not acknowledged within this time counts as failed (see `expireDue`). */
  readonly deliveryTimeoutMs?: number;
}

/** How a new consumer group starts: from the oldest retained message or from the log end. */
type StartFrom = 'earliest' | 'latest';

/** Options for the group a member joins; they apply when the first member creates the group. */
export interface SubscribeOptions {
  readonly strategy?: AssignmentStrategy;
  readonly startFrom?: StartFrom;
}

/** Where a published message landed. */
export interface PublishResult {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

/**
 * One delivery of a message to one member. It stays pending until `ack`; a stale delivery (after a
 * rebalance, timeout or crash) can no longer be acknowledged.
 */
export interface Delivery<T> {
  /** Unique per bus; identifies this attempt. */
  readonly deliveryId: number;
  /** Stable per message (`topic/partition/offset`): the same across redeliveries, for dedupe. */
  readonly messageId: string;
  readonly topic: string;
  readonly group: string;
  readonly partition: number;
  readonly offset: number;
  readonly memberId: string;
  /** 1 for the first delivery of this message to this group, 2 for the first redelivery, ... */
  readonly attempt: number;
  readonly key: string | undefined;
  readonly payload: T;
  readonly publishedAtMs: number;
  readonly deliveredAtMs: number;
  /** When the delivery times out (Infinity without a delivery timeout). */
  readonly deadlineMs: number;
}

/** Outcome of ending a delivery. */
export type SettleResult =
  | { readonly ok: true; readonly deadLettered: boolean }
  | { readonly ok: false; readonly reason: 'stale' };

/** Counters of one group on one partition. */
interface GroupPartitionMetrics {
  readonly partition: number;
  readonly owner: string | undefined;
  readonly startOffset: number;
  readonly committedOffset: number;
  /** Log end minus committed offset (includes the in-flight message). */
  readonly lag: number;
  readonly inFlight: boolean;
  /** Messages published since the group started on this partition. */
  readonly published: number;
  readonly delivered: number;
  readonly redelivered: number;
  /** Delivered and committed. */
  readonly acked: number;
  readonly deadLettered: number;
  /** Dropped by retention before this group consumed them. */
  readonly expired: number;
}

/** Totals of one consumer group over a topic. */
export interface GroupMetrics {
  readonly group: string;
  readonly members: readonly string[];
  readonly generation: number;
  readonly published: number;
  readonly delivered: number;
  readonly redelivered: number;
  readonly acked: number;
  readonly deadLettered: number;
  readonly expired: number;
  /** Not yet committed nor dead-lettered (= lag). */
  readonly pending: number;
  readonly lag: number;
  readonly partitions: readonly GroupPartitionMetrics[];
}

/** One partition's log. */
interface PartitionMetrics {
  readonly partition: number;
  readonly startOffset: number;
  readonly endOffset: number;
  /** Messages retained in memory. */
  readonly depth: number;
  readonly published: number;
}

/** Everything measured on one topic. */
export interface TopicMetrics {
  readonly topic: string;
  readonly published: number;
  readonly depth: number;
  readonly deadLettered: number;
  readonly partitions: readonly PartitionMetrics[];
  readonly groups: readonly GroupMetrics[];
}
