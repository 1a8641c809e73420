import { describe, expect, it } from 'vitest';
import { assignPartitions } from './assignment';
import type { GroupMetrics } from './busTypes';
import { EventBus } from './eventBus';

function bus(partitions = 3, maxDeliveries = 3, extra: object = {}): EventBus<string> {
  const b = new EventBus<string>();
  b.createTopic({ name: 'orders', partitions, maxDeliveries, ...extra });
  return b;
}

function conserved(g: GroupMetrics): boolean {
  return g.published === g.acked + g.deadLettered + g.expired + g.pending;
}

/** Drains a group with one member that acks everything; returns payloads in delivery order. */
function drain(b: EventBus<string>, group: string, member: string): string[] {
  const seen: string[] = [];
  for (let d = b.poll('orders', group, member, 0); d; d = b.poll('orders', group, member, 0)) {
    seen.push(d.payload);
    b.ack(d, 0);
  }
  return seen;
}

describe('EventBus partitioning and order', () => {
  it('keeps publication order within a partition and maps a key to one partition', () => {
    const b = bus(4);
    const keys = ['a', 'b', 'c', 'd', 'e'];
    const partitionOf = new Map<string, number>();
    for (let i = 0; i < 50; i++) {
      const key = keys[i % keys.length]!;
      const r = b.publish('orders', key, `${key}:${i}`, i);
      expect(r.partition).toBe(partitionOf.get(key) ?? r.partition);
      partitionOf.set(key, r.partition);
    }
    b.subscribe('orders', 'g', 'm1', 0);
    const seen = drain(b, 'g', 'm1');
    expect(seen).toHaveLength(50);
    for (const key of keys) {
      const seq = seen.filter((s) => s.startsWith(`${key}:`)).map((s) => Number(s.split(':')[1]));
      expect(seq).toEqual([...seq].sort((x, y) => x - y));
    }
  });

  it('spreads keyless messages round robin over the partitions', () => {
    const b = bus(3);
    const parts = [0, 1, 2, 3, 4, 5].map((i) => b.publish('orders', undefined, `${i}`, 0).partition);
    expect(parts).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('refuses to publish to an unknown topic', () => {
    expect(() => bus().publish('nope', 'k', 'x', 0)).toThrow(/unknown topic/);
  });
});

describe('EventBus consumer groups', () => {
  it('assigns every partition to exactly one member under range and round-robin', () => {
    for (const strategy of ['range', 'roundRobin'] as const) {
      for (let members = 1; members <= 9; members++) {
        const owners = assignPartitions(7, members, strategy);
        expect(owners.every((o) => o >= 0 && o < members)).toBe(true);
        const counts = new Array(members).fill(0);
        for (const o of owners) counts[o]++;
        // Balanced: no member holds two more partitions than another.
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      }
    }
    expect(assignPartitions(5, 2, 'range')).toEqual([0, 0, 0, 1, 1]);
    expect(assignPartitions(5, 2, 'roundRobin')).toEqual([0, 1, 0, 1, 0]);
  });

  it('rebalances on subscribe and unsubscribe so the members cover all partitions disjointly', () => {
    const b = bus(6);
    b.subscribe('orders', 'g', 'a', 0);
    expect(b.assignment('orders', 'g', 'a')).toEqual([0, 1, 2, 3, 4, 5]);
    b.subscribe('orders', 'g', 'b', 0);
    b.subscribe('orders', 'g', 'c', 0);
    const all = ['a', 'b', 'c'].flatMap((m) => b.assignment('orders', 'g', m));
    expect([...all].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    b.unsubscribe('orders', 'g', 'b', 0);
    expect(b.assignment('orders', 'g', 'b')).toEqual([]);
    const after = ['a', 'c'].flatMap((m) => b.assignment('orders', 'g', m));
    expect([...after].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('gives every group its own copy of each message', () => {
    const b = bus(2);
    b.subscribe('orders', 'history', 'h1', 0);
    b.subscribe('orders', 'notify', 'n1', 0);
    for (let i = 0; i < 10; i++) b.publish('orders', `k${i}`, `${i}`, 0);
    expect(drain(b, 'history', 'h1').sort()).toEqual(drain(b, 'notify', 'n1').sort());
    expect(b.metrics('orders').groups.map((g) => g.acked)).toEqual([10, 10]);
  });

  it('hands a moved partition with a delivery in flight to the new owner', () => {
    const b = bus(2);
    b.subscribe('orders', 'g', 'a', 0);
    b.publish('orders', undefined, 'p0', 0);
    b.publish('orders', undefined, 'p1', 0);
    const d0 = b.pollPartition('orders', 'g', 1, 0)!;
    b.subscribe('orders', 'g', 'b', 0); // range: a keeps 0, b takes 1
    expect(b.ack(d0, 1)).toEqual({ ok: false, reason: 'stale' });
    const again = b.poll('orders', 'g', 'b', 2)!;
    expect([again.payload, again.attempt, again.memberId]).toEqual(['p1', 2, 'b']);
  });
});

describe('EventBus at-least-once delivery', () => {
  it('redelivers an uncommitted message to another member after a consumer crash', () => {
    const b = bus(1);
    b.subscribe('orders', 'g', 'a', 0);
    b.subscribe('orders', 'g', 'b', 0);
    b.publish('orders', 'k', 'first', 0);
    b.publish('orders', 'k', 'second', 0);
    const owner = b.membersOf('orders', 'g').find((m) => b.assignment('orders', 'g', m).length > 0)!;
    const other = owner === 'a' ? 'b' : 'a';
    const d = b.poll('orders', 'g', owner, 1)!;
    expect(d.payload).toBe('first');
    expect(b.crash(owner, 2)).toBe(1);
    expect(b.ack(d, 3).ok).toBe(false);
    const again = b.poll('orders', 'g', other, 4)!;
    expect([again.payload, again.attempt, again.messageId]).toEqual(['first', 2, d.messageId]);
    expect(d.messageId).toBe(`${d.topic}/${d.partition}/${d.offset}`);
    expect(b.metrics('orders').groups[0]!.redelivered).toBe(1);
  });

  it('holds later messages of a partition while one is pending, then resumes in order after a nack', () => {
    const b = bus(1);
    b.subscribe('orders', 'g', 'a', 0);
    for (const p of ['m1', 'm2', 'm3']) b.publish('orders', 'k', p, 0);
    const d1 = b.poll('orders', 'g', 'a', 0)!;
    expect(b.poll('orders', 'g', 'a', 0)).toBeUndefined();
    b.nack(d1, 1);
    expect(drain(b, 'g', 'a')).toEqual(['m1', 'm2', 'm3']);
  });

  it('dead-letters a message after maxDeliveries failed deliveries and moves on', () => {
    const b = bus(1, 3);
    b.subscribe('orders', 'g', 'a', 0);
    b.publish('orders', 'k', 'poison', 0);
    b.publish('orders', 'k', 'good', 0);
    const results = [1, 2, 3].map((t) => b.nack(b.poll('orders', 'g', 'a', t)!, t));
    expect(results.map((r) => r.ok && r.deadLettered)).toEqual([false, false, true]);
    const dead = b.deadLetters('orders');
    expect(dead.map((d) => [d.payload, d.deliveries, d.group])).toEqual([['poison', 3, 'g']]);
    expect(drain(b, 'g', 'a')).toEqual(['good']);
    const g = b.metrics('orders').groups[0]!;
    expect([g.delivered, g.redelivered, g.deadLettered, g.acked, g.pending]).toEqual([4, 2, 1, 1, 0]);
    expect(conserved(g)).toBe(true);
  });

  it('fails deliveries whose timeout passed', () => {
    const b = bus(1, 5, { deliveryTimeoutMs: 100 });
    b.subscribe('orders', 'g', 'a', 0);
    b.publish('orders', 'k', 'x', 0);
    const d = b.poll('orders', 'g', 'a', 10)!;
    expect(d.deadlineMs).toBe(110);
    expect(b.expireDue(109)).toBe(0);
    expect(b.expireDue(110)).toBe(1);
    expect(b.ack(d, 111).ok).toBe(false);
    expect(b.poll('orders', 'g', 'a', 112)!.attempt).toBe(2);
  });
});

describe('EventBus metrics and memory', () => {
  it('measures lag as log end minus committed offset and conserves messages per group', () => {
    const b = bus(2);
    b.subscribe('orders', 'g', 'a', 0);
    for (let i = 0; i < 6; i++) b.publish('orders', undefined, `${i}`, 0);
    b.ack(b.poll('orders', 'g', 'a', 0)!, 0);
    b.poll('orders', 'g', 'a', 0); // in flight on the other partition
    const g = b.metrics('orders').groups[0]!;
    expect([g.published, g.acked, g.lag]).toEqual([6, 1, 5]);
    expect(g.partitions.map((p) => p.lag)).toEqual([2, 3]);
    expect(conserved(g)).toBe(true);
  });

  it('trims messages every group has committed so the retained depth stays bounded', () => {
    const b = bus(1);
    b.subscribe('orders', 'fast', 'f', 0);
    b.subscribe('orders', 'slow', 's', 0);
    for (let i = 0; i < 5000; i++) {
      b.publish('orders', 'k', `${i}`, i);
      b.ack(b.poll('orders', 'fast', 'f', i)!, i);
    }
    expect(b.metrics('orders').depth).toBe(5000); // held back by the slow group
    drain(b, 'slow', 's');
    const m = b.metrics('orders');
    expect([m.depth, m.published, m.partitions[0]!.startOffset]).toEqual([0, 5000, 5000]);
  });

  it('expires unconsumed messages beyond retention and counts them per group', () => {
    const b = bus(1, 3, { retentionPerPartition: 10 });
    b.subscribe('orders', 'g', 'a', 0);
    for (let i = 0; i < 25; i++) b.publish('orders', 'k', `${i}`, 0);
    const g = b.metrics('orders').groups[0]!;
    expect([g.expired, g.pending, b.metrics('orders').depth]).toEqual([15, 10, 10]);
    expect(conserved(g)).toBe(true);
    expect(drain(b, 'g', 'a')[0]).toBe('15');
  });

  it('starts a late group at the log end when asked for latest', () => {
    const b = bus(1);
    b.publish('orders', 'k', 'old', 0);
    b.subscribe('orders', 'late', 'x', 0, { startFrom: 'latest' });
    b.publish('orders', 'k', 'new', 0);
    expect(drain(b, 'late', 'x')).toEqual(['new']);
  });
});
