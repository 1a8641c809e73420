import { describe, expect, it } from 'vitest';
import { PartitionLog } from './partitionLog';

/** The messages the log's array still references, trimmed or not. */
function referenced(log: PartitionLog<unknown>): number {
  return (log as unknown as { items: unknown[] }).items.filter((m) => m !== undefined).length;
}

describe('PartitionLog', () => {
  it('gives offsets from 0 that are never reused, and reads only the retained window', () => {
    const log = new PartitionLog<string>();
    for (let i = 0; i < 5; i++) expect(log.append(`k${i}`, `p${i}`, i).offset).toBe(i);
    log.trimTo(3);
    expect([log.startOffset, log.endOffset, log.retained]).toEqual([3, 5, 2]);
    expect([log.at(2), log.at(3)?.payload, log.at(4)?.payload, log.at(5)]).toEqual([
      undefined,
      'p3',
      'p4',
      undefined,
    ]);
    expect(log.append(undefined, 'p5', 5).offset).toBe(5);
  });

  it('never trims backwards or past the end', () => {
    const log = new PartitionLog<number>();
    for (let i = 0; i < 4; i++) log.append(undefined, i, i);
    log.trimTo(2);
    log.trimTo(1);
    expect(log.startOffset).toBe(2);
    log.trimTo(99);
    expect([log.startOffset, log.endOffset, log.retained]).toEqual([4, 4, 0]);
  });

  it('lets go of trimmed messages at once, before and after a compaction', () => {
    const log = new PartitionLog<number>();
    for (let i = 0; i < 5000; i++) {
      log.append(undefined, i, i);
      if (i % 7 === 0) log.trimTo(i - 3);
      expect(referenced(log)).toBe(log.retained);
    }
    expect(log.at(log.startOffset)?.payload).toBe(log.startOffset);
  });
});
