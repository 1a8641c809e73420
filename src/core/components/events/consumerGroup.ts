import { type AssignmentStrategy, assignPartitions } from './assignment';
import type { Delivery } from './busTypes';

/** The state of one consumer group on one partition. */
export class GroupPartition<T> {
  /** Next offset to consume; everything below is acknowledged, dead-lettered or expired. */
  committed: number;
  inFlight: Delivery<T> | undefined = undefined;
  /** Deliveries of the message at `committed` so far (only the head is ever delivered). */
  headDeliveries = 0;
  owner: string | undefined = undefined;
  delivered = 0;
  redelivered = 0;
  acked = 0;
  deadLettered = 0;
  expired = 0;

  constructor(readonly startOffset: number) {
    this.committed = startOffset;
  }

  /** Moves past the head message after it was acknowledged, dead-lettered or expired. */
  advance(): void {
    this.committed++;
    this.headDeliveries = 0;
    this.inFlight = undefined;
  }
}

/**
 * A consumer group on one topic: sorted members, each partition owned by exactly one member, and a
 * generation number bumped on every rebalance.
 */
export class ConsumerGroup<T> {
  members: string[] = [];
  generation = 0;
  readonly parts: GroupPartition<T>[];
  private owned = new Map<string, number[]>();
  private cursors = new Map<string, number>();

  constructor(
    readonly name: string,
    readonly strategy: AssignmentStrategy,
    startOffsets: readonly number[],
  ) {
    this.parts = startOffsets.map((offset) => new GroupPartition<T>(offset));
  }

  has(memberId: string): boolean {
    return this.owned.has(memberId);
  }

  /** Partitions owned by a member (empty when it owns none or is unknown). */
  partitionsOf(memberId: string): readonly number[] {
    return this.owned.get(memberId) ?? [];
  }

  /** Round-robin start index over the member's partitions, so one busy partition cannot starve the others. */
  nextCursor(memberId: string, count: number): number {
    const c = this.cursors.get(memberId) ?? 0;
    this.cursors.set(memberId, (c + 1) % Math.max(1, count));
    return c % Math.max(1, count);
  }

  /**
   * Sets the member list and reassigns partitions; returns the in-flight deliveries of partitions
   * that changed owner, which the caller must fail so the new owner gets them again.
   */
  rebalance(members: readonly string[]): Delivery<T>[] {
    this.members = [...members].sort();
    this.generation++;
    const owners = assignPartitions(this.parts.length, this.members.length, this.strategy);
    this.owned = new Map(this.members.map((m) => [m, []]));
    const revoked: Delivery<T>[] = [];
    for (let p = 0; p < this.parts.length; p++) {
      const part = this.parts[p]!;
      const owner = this.members[owners[p]!];
      if (part.owner !== owner && part.inFlight) revoked.push(part.inFlight);
      part.owner = owner;
      if (owner !== undefined) this.owned.get(owner)!.push(p);
    }
    for (const m of [...this.cursors.keys()]) if (!this.owned.has(m)) this.cursors.delete(m);
    return revoked;
  }
}
