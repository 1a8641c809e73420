import type { FifoMap } from '../sim/fifoMap';

/**
 * Finished orders whose per-order records (publication counts, payment record, notification count)
 * the shop keeps: a window of the newest ones, so an hour-long run holds recent order
 * history while the totals stay exact counters. At ~110 orders/s this is about a minute and a half.
 */
export const RETAINED_FINISHED_ORDERS = 10_000;

/**
 * Removes and returns the oldest key of a window map once it holds more than `max` entries, so a
 * map used as a window stays bounded.
 */
export function evictOldest<K, V>(map: FifoMap<K, V>, max: number): K | undefined {
  return map.size <= max ? undefined : map.shift();
}
