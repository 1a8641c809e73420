import type { GroupMetrics } from './busTypes';
import type { ConsumerGroup } from './consumerGroup';
import type { PartitionLog } from './partitionLog';

/** Per-partition and total counters of one group; pending = lag = log end minus committed offset. */
export function groupMetrics<T>(logs: readonly PartitionLog<T>[], g: ConsumerGroup<T>): GroupMetrics {
  const partitions = g.parts.map((part, p) => {
    const end = logs[p]!.endOffset;
    return {
      partition: p,
      owner: part.owner,
      startOffset: part.startOffset,
      committedOffset: part.committed,
      lag: end - part.committed,
      inFlight: part.inFlight !== undefined,
      published: end - part.startOffset,
      delivered: part.delivered,
      redelivered: part.redelivered,
      acked: part.acked,
      deadLettered: part.deadLettered,
      expired: part.expired,
    };
  });
  const sum = (f: (x: (typeof partitions)[number]) => number) => partitions.reduce((s, x) => s + f(x), 0);
  return {
    group: g.name,
    members: [...g.members],
    generation: g.generation,
    published: sum((x) => x.published),
    delivered: sum((x) => x.delivered),
    redelivered: sum((x) => x.redelivered),
    acked: sum((x) => x.acked),
    deadLettered: sum((x) => x.deadLettered),
    expired: sum((x) => x.expired),
    pending: sum((x) => x.lag),
    lag: sum((x) => x.lag),
    partitions,
  };
}
