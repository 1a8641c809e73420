interface Entry<K, V> {
  readonly key: K;
  value: V;
  live: boolean;
}

/** Dead ring entries tolerated beyond the live ones before the ring is compacted. */
const SLACK = 1024;

/**
 * A Map that gives up its oldest key in O(1), for maps used as a window of the newest entries.
 * Its order is a Map's insertion order: setting an existing key keeps its place, deleting it and
 * setting it again moves it to the end.
 *
 * NOTE: `map.keys().next()` on a plain Map is not O(1) in V8: every deleted entry stays a hole in
 * the table until the table is rebuilt, and an iterator walks over all of them from the start. A
 * window of 10 k orders evicting its oldest per new order spent about 25 µs an eviction there (the
 * largest cost of the e-commerce template's hour); a ring of entries in insertion order finds the
 * oldest live one directly.
 */
export class FifoMap<K, V> {
  private readonly map = new Map<K, Entry<K, V>>();
  private ring: (Entry<K, V> | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    return this.map.get(key)?.value;
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  set(key: K, value: V): void {
    const entry = this.map.get(key);
    if (entry !== undefined) {
      entry.value = value;
      return;
    }
    const added: Entry<K, V> = { key, value, live: true };
    this.map.set(key, added);
    this.ring.push(added);
  }

  delete(key: K): boolean {
    const entry = this.map.get(key);
    if (entry === undefined) return false;
    entry.live = false;
    this.map.delete(key);
    // Deletes leave dead entries in the ring: compact before they outnumber the live ones.
    if (this.ring.length - this.head > 2 * this.map.size + SLACK) this.compact();
    return true;
  }

  /** Removes the oldest entry and returns its key, or undefined when empty. */
  shift(): K | undefined {
    const ring = this.ring;
    while (this.head < ring.length) {
      const entry = ring[this.head]!;
      ring[this.head++] = undefined;
      if (!entry.live) continue;
      entry.live = false;
      this.map.delete(entry.key);
      if (this.head >= SLACK && this.head * 2 >= ring.length) this.compact();
      return entry.key;
    }
    return undefined;
  }

  /** Keys, oldest first. */
  *keys(): Generator<K> {
    for (const entry of this.map.values()) yield entry.key;
  }

  /** Entries as [key, value], oldest first. */
  *entries(): Generator<[K, V]> {
    for (const entry of this.map.values()) yield [entry.key, entry.value];
  }

  private compact(): void {
    const live: Entry<K, V>[] = [];
    for (let i = this.head; i < this.ring.length; i++) {
      const entry = this.ring[i]!;
      if (entry.live) live.push(entry);
    }
    this.ring = live;
    this.head = 0;
  }
}
