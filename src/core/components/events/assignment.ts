/** How a consumer group spreads a topic's partitions over its members (Kafka's two classic assignors). */
export type AssignmentStrategy = 'range' | 'roundRobin';

/**
 * Assigns each of `partitions` partitions to exactly one member; members are taken in sorted order so
 * the result depends only on who is in the group, not on join order. Returns owner index per
 * partition, or -1 for all when the group is empty.
 */
export function assignPartitions(
  partitions: number,
  memberCount: number,
  strategy: AssignmentStrategy,
): number[] {
  const owners = new Array<number>(partitions).fill(-1);
  if (memberCount === 0) return owners;
  if (strategy === 'roundRobin') {
    for (let p = 0; p < partitions; p++) owners[p] = p % memberCount;
    return owners;
  }
  // Range: contiguous blocks; the first (partitions % members) members take one extra.
  const per = Math.floor(partitions / memberCount);
  const extra = partitions % memberCount;
  let p = 0;
  for (let m = 0; m < memberCount; m++) {
    const take = per + (m < extra ? 1 : 0);
    for (let i = 0; i < take; i++) owners[p++] = m;
  }
  return owners;
}
