/** Stale ring slots tolerated beyond the live ones before the ring is compacted. */
const SLACK = 1024;

/**
 * A Map that gives up its oldest key in O(1), for maps used as a window of the newest entries.
 * Its order is a Map's insertion order: setting an existing key keeps its place, deleting it and
 * setting it again moves it to the end.
 *
 * NOTE: `map.keys().next()` on a plain Map is not O(1) in V8: every deleted entry stays a hole in
 * the table until the table is rebuilt, and an iterator walks over all of them from the start. A
 * window of 10 k orders evicting its oldest per new order spent about 25 µs an eviction there (the
 * largest cost of the e-commerce template's hour). So the keys also sit in a ring, in insertion
 * order, and the oldest live one is found directly. The map holds the values themselves (no entry
 * object per key, one map operation per `set`): a key deleted leaves a stale slot in the ring,
 * counted per key in `stale`, and since a key's live slot is always its newest, `shift` skips the
 * key's oldest slots while it has stale ones.
 */
export class FifoMap<K, V> {
  private readonly map = new Map<K, V>();
  private ring: (K | undefined)[] = [];
  private head = 0;
  /** Stale ring slots of each key deleted while it had a slot there (usually empty). */
  private readonly stale = new Map<K, number>();
  private staleSlots = 0;

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    const before = this.map.size;
    this.map.set(key, value);
    if (this.map.size !== before) this.ring.push(key);
  }

  delete(key: K): boolean {
    if (!this.map.delete(key)) return false;
    this.stale.set(key, (this.stale.get(key) ?? 0) + 1);
    this.staleSlots++;
    // Deletes leave stale slots in the ring: compact before they outnumber the live ones.
    if (this.staleSlots > this.map.size + SLACK) this.compact();
    return true;
  }

  /** Removes the oldest entry and returns its key, or undefined when empty. */
  shift(): K | undefined {
    const ring = this.ring;
    while (this.head < ring.length) {
      const key = ring[this.head]!;
      ring[this.head++] = undefined;
      if (this.staleSlots > 0 && this.skipStale(key)) continue;
      this.map.delete(key);
      if (this.head >= SLACK && this.head * 2 >= ring.length) this.compact();
      return key;
    }
    return undefined;
  }

  /** The oldest key, left in place (undefined when empty). */
  peek(): K | undefined {
    const ring = this.ring;
    while (this.head < ring.length) {
      const key = ring[this.head]!;
      // A stale slot at the head goes, as `shift` would drop it.
      if (this.staleSlots > 0 && this.stale.has(key)) {
        ring[this.head++] = undefined;
        this.skipStale(key);
        continue;
      }
      return key;
    }
    return undefined;
  }

  /** Keys, oldest first. */
  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  /** Entries as [key, value], oldest first. */
  entries(): IterableIterator<[K, V]> {
    return this.map.entries();
  }

  /** Whether a slot of `key` just taken off the ring was stale (and counts it as gone). */
  private skipStale(key: K): boolean {
    const n = this.stale.get(key);
    if (n === undefined) return false;
    if (n === 1) this.stale.delete(key);
    else this.stale.set(key, n - 1);
    this.staleSlots--;
    return true;
  }

  /** Drops the taken and stale slots: a key's stale slots are its oldest ones. */
  private compact(): void {
    const live: K[] = [];
    for (let i = this.head; i < this.ring.length; i++) {
      const key = this.ring[i]!;
      if (!this.skipStale(key)) live.push(key);
    }
    this.ring = live;
    this.head = 0;
  }
}
